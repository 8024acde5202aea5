// Arguments are rejected with ArgumentException before any I/O: the scripted transport
// must see no request at all.
#include <gtest/gtest.h>

#include <functional>

#include "opentok/opentok.h"
#include "test_client.h"

namespace opentok {
namespace {

using testing_util::kApiSecret;
using testing_util::kSessionId;
using testing_util::TestClient;

void ExpectRejected(std::function<void(OpenTok const&)> const& call, char const* what) {
  TestClient t;
  EXPECT_THROW(call(t.client), ArgumentException) << what;
  EXPECT_TRUE(t.transport->requests().empty()) << what << ": a request was sent";
}

constexpr char kSessionBody[] = R"([{"session_id":"S"}])";

// `body` is the service's answer: an archive unless the call creates a session.
void ExpectAccepted(std::function<void(OpenTok const&)> const& call, char const* what,
                    std::string body = testing_util::kArchiveJson) {
  TestClient t;
  t.transport->Enqueue(testing::JsonResponse(200, std::move(body)));
  EXPECT_NO_THROW(call(t.client)) << what;
  EXPECT_EQ(t.transport->requests().size(), 1u) << what;
}

Archive Start(OpenTok const& c, StartArchiveOptions const& o) { return c.StartArchive(kSessionId, o); }

TEST(CreateSessionValidation, LocationMustBeIpv4) {
  for (char const* bad : {"localhost", "10.0.0", "10.0.0.256", "::1", "10.0.0.1 ", "a.b.c.d", "1.2.3.4.5"}) {
    ExpectRejected([bad](OpenTok const& c) { c.CreateSession(bad); }, bad);
  }
  ExpectAccepted([](OpenTok const& c) { c.CreateSession("192.168.0.1"); }, "ipv4", kSessionBody);
  ExpectAccepted([](OpenTok const& c) { c.CreateSession(""); }, "empty", kSessionBody);
}

TEST(CreateSessionValidation, AlwaysArchivingNeedsRouted) {
  ExpectRejected([](OpenTok const& c) { c.CreateSession("", MediaMode::kRelayed, ArchiveMode::kAlways); }, "relayed");
  ExpectAccepted([](OpenTok const& c) { c.CreateSession("", MediaMode::kRouted, ArchiveMode::kAlways); }, "routed", kSessionBody);
}

TEST(CreateSessionValidation, ArchiveNameAndResolutionOnlyWithAlways) {
  auto always = SessionOptions{.media_mode = MediaMode::kRouted, .archive_mode = ArchiveMode::kAlways};
  auto with = [](SessionOptions o, auto change) {
    change(o);
    return o;
  };
  ExpectRejected([](OpenTok const& c) { c.CreateSession(SessionOptions{.archive_name = "n"}); }, "name+manual");
  ExpectRejected([](OpenTok const& c) { c.CreateSession(SessionOptions{.archive_resolution = "640x480"}); },
                 "resolution+manual");
  auto long_name = with(always, [](SessionOptions& o) { o.archive_name = std::string(81, 'n'); });
  ExpectRejected([long_name](OpenTok const& c) { c.CreateSession(long_name); }, "name > 80");
  auto bad_res = with(always, [](SessionOptions& o) { o.archive_resolution = "800x600"; });
  ExpectRejected([bad_res](OpenTok const& c) { c.CreateSession(bad_res); }, "resolution");
  auto good = with(always, [](SessionOptions& o) {
    o.archive_name = std::string(80, 'n');
    o.archive_resolution = "1080x1920";
  });
  ExpectAccepted([good](OpenTok const& c) { c.CreateSession(good); }, "name 80 + resolution", kSessionBody);
}

TEST(CreateSessionValidation, E2eeNeedsRoutedAndManual) {
  ExpectRejected([](OpenTok const& c) { c.CreateSession(SessionOptions{.e2ee = true}); }, "relayed");
  ExpectRejected(
      [](OpenTok const& c) {
        c.CreateSession(SessionOptions{.media_mode = MediaMode::kRouted, .archive_mode = ArchiveMode::kAlways, .e2ee = true});
      },
      "always");
}

TEST(CreateSessionValidation, OutOfRangeEnums) {
  ExpectRejected([](OpenTok const& c) { c.CreateSession("", static_cast<MediaMode>(7)); }, "media");
  ExpectRejected([](OpenTok const& c) { c.CreateSession("", MediaMode::kRouted, static_cast<ArchiveMode>(7)); },
                 "archive");
}

TEST(StartArchiveValidation, NeedsAudioOrVideo) {
  ExpectRejected([](OpenTok const& c) { c.StartArchive(kSessionId, "", false, false); }, "no tracks");
  ExpectAccepted([](OpenTok const& c) { c.StartArchive(kSessionId, "", false, true); }, "audio only");
}

TEST(StartArchiveValidation, SessionIdRequired) {
  ExpectRejected([](OpenTok const& c) { c.StartArchive(""); }, "empty session");
}

TEST(StartArchiveValidation, ComposedOnlySettings) {
  auto individual = [](StartArchiveOptions o) {
    o.output_mode = OutputMode::kIndividual;
    return o;
  };
  ExpectRejected([&](OpenTok const& c) { Start(c, individual({.resolution = "640x480"})); }, "resolution");
  ExpectRejected([&](OpenTok const& c) { Start(c, individual({.layout = ArchiveLayout{}})); }, "layout");
  ExpectRejected([&](OpenTok const& c) { Start(c, individual({.max_bitrate = 200000})); }, "bitrate");
  ExpectRejected([&](OpenTok const& c) { Start(c, individual({.quantization_parameter = 20})); }, "qp");
  ExpectAccepted([&](OpenTok const& c) { Start(c, individual({})); }, "plain individual");
}

TEST(StartArchiveValidation, RangesAndEnums) {
  ExpectRejected([](OpenTok const& c) { Start(c, {.resolution = "800x600"}); }, "resolution");
  ExpectRejected([](OpenTok const& c) { Start(c, {.max_bitrate = 99'999}); }, "bitrate low");
  ExpectRejected([](OpenTok const& c) { Start(c, {.max_bitrate = 6'000'001}); }, "bitrate high");
  ExpectAccepted([](OpenTok const& c) { Start(c, {.max_bitrate = 100'000}); }, "bitrate min");
  ExpectAccepted([](OpenTok const& c) { Start(c, {.max_bitrate = 6'000'000}); }, "bitrate max");
  ExpectRejected([](OpenTok const& c) { Start(c, {.quantization_parameter = 14}); }, "qp low");
  ExpectRejected([](OpenTok const& c) { Start(c, {.quantization_parameter = 41}); }, "qp high");
  ExpectAccepted([](OpenTok const& c) { Start(c, {.quantization_parameter = 40}); }, "qp max");
  ExpectRejected([](OpenTok const& c) { Start(c, {.max_bitrate = 200'000, .quantization_parameter = 20}); }, "both");
  ExpectRejected([](OpenTok const& c) { Start(c, {.output_mode = OutputMode::kUnknown}); }, "output mode");
  ExpectRejected([](OpenTok const& c) { Start(c, {.stream_mode = StreamMode::kUnknown}); }, "stream mode");
  ExpectRejected([](OpenTok const& c) { Start(c, {.name = "bad \xc3 utf8"}); }, "utf-8");
}

TEST(StartArchiveValidation, LayoutRules) {
  ExpectRejected([](OpenTok const& c) { Start(c, {.layout = ArchiveLayout{.type = "grid"}}); }, "type");
  ExpectRejected([](OpenTok const& c) { Start(c, {.layout = ArchiveLayout{.type = "custom"}}); }, "no stylesheet");
  ExpectRejected([](OpenTok const& c) { Start(c, {.layout = ArchiveLayout{.type = "pip", .stylesheet = "x"}}); },
                 "stylesheet without custom");
  ExpectRejected(
      [](OpenTok const& c) { Start(c, {.layout = ArchiveLayout{.type = "pip", .screenshare_type = "bestFit"}}); },
      "screenshare without bestFit");
  ExpectRejected(
      [](OpenTok const& c) { Start(c, {.layout = ArchiveLayout{.type = "bestFit", .screenshare_type = "custom"}}); },
      "screenshare custom");
  ExpectAccepted([](OpenTok const& c) { Start(c, {.layout = ArchiveLayout{.type = "custom", .stylesheet = "x"}}); },
                 "custom");
}

TEST(ArchiveIdValidation, EmptyIdsAreRejected) {
  ExpectRejected([](OpenTok const& c) { c.StopArchive(""); }, "stop");
  ExpectRejected([](OpenTok const& c) { c.GetArchive(""); }, "get");
  ExpectRejected([](OpenTok const& c) { c.DeleteArchive(""); }, "delete");
}

TEST(ListArchivesValidation, CountAndOffsetBounds) {
  ExpectRejected([](OpenTok const& c) { c.ListArchives(0, 0); }, "count 0");
  ExpectRejected([](OpenTok const& c) { c.ListArchives(0, 1001); }, "count 1001");
  ExpectRejected([](OpenTok const& c) { c.ListArchives(-1, 10); }, "offset -1");
  TestClient t;
  t.transport->Enqueue(testing::JsonResponse(200, R"({"items":[]})"));
  t.transport->Enqueue(testing::JsonResponse(200, R"({"items":[]})"));
  EXPECT_NO_THROW(t.client.ListArchives(0, 1));
  EXPECT_NO_THROW(t.client.ListArchives(100, 1000));
}

// ---- Broadcasts, layouts, stream selection and streams ----

constexpr char kBroadcastBody[] = R"({"id":"b"})";

Broadcast StartB(OpenTok const& c, StartBroadcastOptions const& o) { return c.StartBroadcast(kSessionId, o); }

StartBroadcastOptions Hls(StartBroadcastOptions o = {}) {
  if (!o.hls) o.hls = HlsOptions{};
  return o;
}

RtmpDestination Rtmp(std::string id = "") {
  return RtmpDestination{.id = std::move(id), .server_url = "rtmp://x.test/app", .stream_name = "key"};
}

// The exception's message, for checks that it names the offending field.
std::string RejectionOf(std::function<void(OpenTok const&)> const& call) {
  TestClient t;
  try {
    call(t.client);
  } catch (ArgumentException const& e) {
    EXPECT_TRUE(t.transport->requests().empty());
    return e.what();
  }
  ADD_FAILURE() << "not rejected";
  return "";
}

TEST(StartBroadcastValidation, NeedsAnOutput) {
  ExpectRejected([](OpenTok const& c) { StartB(c, {}); }, "no output");
  EXPECT_EQ(RejectionOf([](OpenTok const& c) { StartB(c, {}); }), "a broadcast needs at least one output: hls or rtmp");
  ExpectAccepted([](OpenTok const& c) { StartB(c, Hls()); }, "hls only", kBroadcastBody);
  ExpectAccepted([](OpenTok const& c) { StartB(c, {.rtmp = {Rtmp()}}); }, "rtmp only", kBroadcastBody);
}

TEST(StartBroadcastValidation, AtMostFiveRtmpDestinations) {
  StartBroadcastOptions five{.rtmp = {Rtmp("1"), Rtmp("2"), Rtmp("3"), Rtmp("4"), Rtmp("5")}};
  ExpectAccepted([five](OpenTok const& c) { StartB(c, five); }, "five", kBroadcastBody);
  StartBroadcastOptions six = five;
  six.rtmp.push_back(Rtmp("6"));
  EXPECT_EQ(RejectionOf([six](OpenTok const& c) { StartB(c, six); }), "rtmp takes at most 5 destinations");
}

TEST(StartBroadcastValidation, RtmpDestinationsNeedUrlAndStreamName) {
  StartBroadcastOptions no_url{.rtmp = {Rtmp(), RtmpDestination{.stream_name = "key"}}};
  EXPECT_EQ(RejectionOf([no_url](OpenTok const& c) { StartB(c, no_url); }), "rtmp[1].server_url must not be empty");
  StartBroadcastOptions no_name{.rtmp = {RtmpDestination{.server_url = "rtmp://x"}}};
  EXPECT_EQ(RejectionOf([no_name](OpenTok const& c) { StartB(c, no_name); }), "rtmp[0].stream_name must not be empty");
}

TEST(StartBroadcastValidation, DvrAndLowLatencyAreExclusive) {
  EXPECT_EQ(RejectionOf([](OpenTok const& c) { StartB(c, {.hls = HlsOptions{.dvr = true, .low_latency = true}}); }),
            "hls.dvr and hls.low_latency are mutually exclusive");
  ExpectAccepted([](OpenTok const& c) { StartB(c, {.hls = HlsOptions{.dvr = true}}); }, "dvr", kBroadcastBody);
  ExpectAccepted([](OpenTok const& c) { StartB(c, {.hls = HlsOptions{.low_latency = true}}); }, "low latency",
                 kBroadcastBody);
}

TEST(StartBroadcastValidation, RangesNameTheField) {
  EXPECT_EQ(RejectionOf([](OpenTok const& c) { StartB(c, Hls({.max_duration = 59})); }),
            "max_duration must be 60-36000 seconds");
  ExpectRejected([](OpenTok const& c) { StartB(c, Hls({.max_duration = 36'001})); }, "duration high");
  ExpectAccepted([](OpenTok const& c) { StartB(c, Hls({.max_duration = 60})); }, "duration min", kBroadcastBody);
  ExpectAccepted([](OpenTok const& c) { StartB(c, Hls({.max_duration = 36'000})); }, "duration max", kBroadcastBody);
  EXPECT_EQ(RejectionOf([](OpenTok const& c) { StartB(c, Hls({.max_bitrate = 99'999})); }),
            "max_bitrate must be 100000-6000000");
  ExpectRejected([](OpenTok const& c) { StartB(c, Hls({.max_bitrate = 6'000'001})); }, "bitrate high");
  ExpectAccepted([](OpenTok const& c) { StartB(c, Hls({.max_bitrate = 6'000'000})); }, "bitrate max", kBroadcastBody);
  EXPECT_EQ(RejectionOf([](OpenTok const& c) { StartB(c, Hls({.resolution = "800x600"})); }),
            "resolution must be 640x480, 480x640, 1280x720, 720x1280, 1920x1080 or 1080x1920");
  ExpectAccepted([](OpenTok const& c) { StartB(c, Hls({.resolution = "1080x1920"})); }, "portrait", kBroadcastBody);
}

TEST(StartBroadcastValidation, LayoutSessionMediaAndEnums) {
  EXPECT_EQ(RejectionOf([](OpenTok const& c) { StartB(c, Hls({.layout = Layout{.type = "custom"}})); }),
            "a layout stylesheet is required for, and only allowed with, type custom");
  ExpectRejected([](OpenTok const& c) { c.StartBroadcast("", Hls()); }, "empty session");
  ExpectRejected([](OpenTok const& c) { StartB(c, Hls({.has_audio = false, .has_video = false})); }, "no media");
  ExpectRejected([](OpenTok const& c) { StartB(c, Hls({.stream_mode = StreamMode::kUnknown})); }, "stream mode");
  ExpectRejected([](OpenTok const& c) { StartB(c, Hls({.multi_broadcast_tag = "bad \xc3"})); }, "utf-8");
}

TEST(LayoutValidation, ArchiveAndBroadcastLayoutsFollowTheSameRules) {
  for (Layout bad : {Layout{.type = "grid"}, Layout{.type = "custom"}, Layout{.type = "pip", .stylesheet = "x"},
                     Layout{.type = "pip", .screenshare_type = "bestFit"},
                     Layout{.type = "bestFit", .screenshare_type = "custom"}}) {
    ExpectRejected([bad](OpenTok const& c) { c.SetArchiveLayout("a", bad); }, bad.type.c_str());
    ExpectRejected([bad](OpenTok const& c) { c.SetBroadcastLayout("b", bad); }, bad.type.c_str());
  }
  EXPECT_EQ(RejectionOf([](OpenTok const& c) { c.SetArchiveLayout("a", Layout{.type = "grid"}); }),
            "layout type must be bestFit, pip, verticalPresentation, horizontalPresentation or custom");
  EXPECT_EQ(RejectionOf([](OpenTok const& c) { c.SetBroadcastLayout("b", Layout{.screenshare_type = "custom"}); }),
            "screenshare_type must be bestFit, pip, verticalPresentation or horizontalPresentation");
  ExpectRejected([](OpenTok const& c) { c.SetArchiveLayout("", Layout{}); }, "empty archive id");
  ExpectRejected([](OpenTok const& c) { c.SetBroadcastLayout("", Layout{}); }, "empty broadcast id");
}

TEST(IdValidation, EmptyIdsAreRejectedForEveryNewCall) {
  ExpectRejected([](OpenTok const& c) { c.StopBroadcast(""); }, "stop");
  ExpectRejected([](OpenTok const& c) { c.GetBroadcast(""); }, "get");
  ExpectRejected([](OpenTok const& c) { c.AddStreamToArchive("", "s"); }, "archive add: archive");
  ExpectRejected([](OpenTok const& c) { c.AddStreamToArchive("a", ""); }, "archive add: stream");
  ExpectRejected([](OpenTok const& c) { c.RemoveStreamFromArchive("", "s"); }, "archive remove: archive");
  ExpectRejected([](OpenTok const& c) { c.RemoveStreamFromArchive("a", ""); }, "archive remove: stream");
  ExpectRejected([](OpenTok const& c) { c.AddStreamToBroadcast("", "s"); }, "broadcast add: broadcast");
  ExpectRejected([](OpenTok const& c) { c.AddStreamToBroadcast("b", ""); }, "broadcast add: stream");
  ExpectRejected([](OpenTok const& c) { c.RemoveStreamFromBroadcast("", "s"); }, "broadcast remove: broadcast");
  ExpectRejected([](OpenTok const& c) { c.RemoveStreamFromBroadcast("b", ""); }, "broadcast remove: stream");
  ExpectRejected([](OpenTok const& c) { c.GetStream("", "s"); }, "get stream: session");
  ExpectRejected([](OpenTok const& c) { c.GetStream(kSessionId, ""); }, "get stream: stream");
  ExpectRejected([](OpenTok const& c) { c.ListStreams(""); }, "list streams");
  EXPECT_EQ(RejectionOf([](OpenTok const& c) { c.AddStreamToBroadcast("b", ""); }), "stream_id must not be empty");
}

TEST(ListBroadcastsValidation, CountAndOffsetBounds) {
  EXPECT_EQ(RejectionOf([](OpenTok const& c) { c.ListBroadcasts(0, 0); }), "count must be 1-1000");
  ExpectRejected([](OpenTok const& c) { c.ListBroadcasts(0, 1001); }, "count 1001");
  ExpectRejected([](OpenTok const& c) { c.ListBroadcasts(-1, 10); }, "offset -1");
  ExpectAccepted([](OpenTok const& c) { c.ListBroadcasts(0, 1000); }, "count 1000", R"({"items":[]})");
}

TEST(StreamClassListsValidation, ItemsAndIds) {
  EXPECT_EQ(RejectionOf([](OpenTok const& c) { c.SetStreamClassLists(kSessionId, {}); }),
            "streams must contain at least one item");
  EXPECT_EQ(RejectionOf([](OpenTok const& c) {
              c.SetStreamClassLists(kSessionId, {{.stream_id = "a"}, {.stream_id = "", .layout_class_list = {"x"}}});
            }),
            "streams[1].stream_id must not be empty");
  ExpectRejected([](OpenTok const& c) { c.SetStreamClassLists("", {{.stream_id = "a"}}); }, "empty session");
  ExpectRejected([](OpenTok const& c) { c.SetStreamClassLists(kSessionId, {{.stream_id = "a", .layout_class_list = {"\xff"}}}); },
                 "utf-8");
  ExpectAccepted([](OpenTok const& c) { c.SetStreamClassLists(kSessionId, {{.stream_id = "a"}}); }, "one item", "");
}

TEST(ConstructorValidation, KeySecretAndOptions) {
  EXPECT_THROW(OpenTok(0, kApiSecret), ArgumentException);
  EXPECT_THROW(OpenTok(-5, kApiSecret), ArgumentException);
  EXPECT_THROW(OpenTok(123456, ""), ArgumentException);
  for (char const* bad : {"", "abc", "12a", "-1", "+1", " 1", "0", "99999999999999999999999"}) {
    EXPECT_THROW(OpenTok(std::string_view(bad), kApiSecret), ArgumentException) << bad;
  }
  for (char const* bad : {"", "api.opentok.com", "ftp://x", "https://", "http://host:99999", "http://h/?q=1",
                          "http://user@host", "https://h#frag"}) {
    EXPECT_THROW(OpenTok(123456, kApiSecret, std::string(bad)), ArgumentException) << bad;
  }
  EXPECT_THROW(OpenTok(123456, kApiSecret, ClientOptions{.connect_timeout = std::chrono::milliseconds(0)}),
               ArgumentException);
  EXPECT_THROW(OpenTok(123456, kApiSecret, ClientOptions{.request_timeout = std::chrono::milliseconds(-1)}),
               ArgumentException);
  EXPECT_THROW(OpenTok(123456, kApiSecret, ClientOptions{.proxy = "no-port"}), ArgumentException);
  EXPECT_THROW(OpenTok(123456, kApiSecret, ClientOptions{.proxy = "socks5://h:1"}), ArgumentException);
  EXPECT_THROW(OpenTok(123456, kApiSecret, ClientOptions{.ca_file = "/nonexistent/ca.pem"}), ArgumentException);
  EXPECT_NO_THROW(OpenTok(123456, kApiSecret, ClientOptions{.proxy = "http://127.0.0.1:3128"}));
  EXPECT_NO_THROW(OpenTok(std::string_view("0123456"), kApiSecret));
}

TEST(ConstructorValidation, MessagesNeverContainTheSecret) {
  try {
    OpenTok(0, "super-secret-value");
    FAIL();
  } catch (ArgumentException const& e) {
    EXPECT_EQ(std::string(e.what()).find("super-secret-value"), std::string::npos);
  }
}

}  // namespace
}  // namespace opentok
