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
  t.transport->Enqueue(testing_util::JsonResponse(200, std::move(body)));
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
  t.transport->Enqueue(testing_util::JsonResponse(200, R"({"items":[]})"));
  t.transport->Enqueue(testing_util::JsonResponse(200, R"({"items":[]})"));
  EXPECT_NO_THROW(t.client.ListArchives(0, 1));
  EXPECT_NO_THROW(t.client.ListArchives(100, 1000));
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
