// Arguments of the signal, moderation, SIP, captions, render and Audio Connector calls are
// rejected with ArgumentException before any I/O (the scripted transport sees no request),
// with a message naming the field; the limits themselves are accepted.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <string>

#include "opentok/opentok.h"
#include "test_client.h"

namespace opentok {
namespace {

using testing_util::kSessionId;
using testing_util::TestClient;

using Call = std::function<void(OpenTok const&)>;

constexpr char kToken[] = "client-token";
constexpr char kUrl[] = "https://example.test/page";  // 25 characters

// The ArgumentException's message; fails the test when the call is not rejected or a
// request went out.
std::string RejectionOf(Call const& call) {
  TestClient t;
  try {
    call(t.client);
  } catch (ArgumentException const& e) {
    EXPECT_TRUE(t.transport->requests().empty()) << e.what() << ": a request was sent";
    return e.what();
  } catch (std::exception const& e) {
    ADD_FAILURE() << "not an ArgumentException: " << e.what();
    return {};
  }
  ADD_FAILURE() << "not rejected";
  return {};
}

// Rejected, and the message mentions `field`.
void ExpectRejected(Call const& call, std::string const& field) {
  EXPECT_THAT(RejectionOf(call), ::testing::HasSubstr(field));
}

// Sent as exactly one request; `body` is the service's answer.
void ExpectAccepted(Call const& call, char const* what, std::string body = "{}") {
  TestClient t;
  t.transport->Enqueue(testing::JsonResponse(200, std::move(body)));
  EXPECT_NO_THROW(call(t.client)) << what;
  EXPECT_EQ(t.transport->requests().size(), 1u) << what;
}

constexpr char kRenderBody[] = R"({"id":"r"})";
constexpr char kIdBody[] = R"({"id":"x","connectionId":"c"})";

void StartRender(OpenTok const& c, RenderOptions o) {
  if (o.url.empty()) o.url = kUrl;
  c.StartRender(kSessionId, kToken, o);
}

void Connect(OpenTok const& c, WebSocketOptions o) {
  if (o.uri.empty()) o.uri = "wss://ws.example.test";
  c.ConnectAudioToWebSocket(kSessionId, kToken, o);
}

// ---- Signals and moderation ----

TEST(SignalValidation, TypeAndDataLimitsInBytes) {
  ExpectAccepted([](OpenTok const& c) { c.Signal(kSessionId, {.type = std::string(128, 't'), .data = ""}); }, "128");
  ExpectAccepted([](OpenTok const& c) { c.Signal(kSessionId, {.data = std::string(8192, 'd')}); }, "8192");
  EXPECT_EQ(RejectionOf([](OpenTok const& c) { c.Signal(kSessionId, {.type = std::string(129, 't')}); }),
            "signal type must be at most 128 bytes");
  EXPECT_EQ(RejectionOf([](OpenTok const& c) { c.Signal(kSessionId, {.data = std::string(8193, 'd')}); }),
            "signal data must be at most 8192 bytes");
  // 64 two-byte characters are 128 bytes; one more is 130 bytes though only 65 characters.
  std::string e_acute = "\xc3\xa9";
  std::string type_64, type_65;
  for (int i = 0; i < 64; ++i) type_64 += e_acute;
  type_65 = type_64 + e_acute;
  ExpectAccepted([type_64](OpenTok const& c) { c.Signal(kSessionId, {.type = type_64}); }, "128 bytes of UTF-8");
  ExpectRejected([type_65](OpenTok const& c) { c.Signal(kSessionId, {.type = type_65}); }, "signal type");
}

TEST(SignalValidation, InvalidUtf8AndEmptyIds) {
  EXPECT_EQ(RejectionOf([](OpenTok const& c) { c.Signal(kSessionId, {.type = "\xff"}); }),
            "signal type must be valid UTF-8");
  EXPECT_EQ(RejectionOf([](OpenTok const& c) { c.Signal(kSessionId, {.data = "ab\xc3"}); }),
            "signal data must be valid UTF-8");
  EXPECT_EQ(RejectionOf([](OpenTok const& c) { c.Signal("", {.data = "x"}); }), "session_id must not be empty");
}

TEST(ModerationValidation, EmptyIdsAreRejected) {
  ExpectRejected([](OpenTok const& c) { c.ForceDisconnect("", "c"); }, "session_id");
  ExpectRejected([](OpenTok const& c) { c.ForceDisconnect(kSessionId, ""); }, "connection_id");
  ExpectRejected([](OpenTok const& c) { c.ForceMuteStream("", "s"); }, "session_id");
  ExpectRejected([](OpenTok const& c) { c.ForceMuteStream(kSessionId, ""); }, "stream_id");
  ExpectRejected([](OpenTok const& c) { c.ForceMuteAll(""); }, "session_id");
  EXPECT_EQ(RejectionOf([](OpenTok const& c) { c.ForceMuteAll(kSessionId, {"a", ""}); }),
            "excluded_stream_ids[1] must not be empty");
  ExpectRejected([](OpenTok const& c) { c.DisableForceMute(""); }, "session_id");
  ExpectRejected([](OpenTok const& c) { c.ListConnections(""); }, "session_id");
}

// ---- SIP ----

TEST(DialValidation, SipUriScheme) {
  for (char const* uri : {"sip:a@b", "sips:a@b", "SIP:a@b"}) {
    ExpectAccepted([uri](OpenTok const& c) { c.Dial(kSessionId, kToken, uri); }, uri, kIdBody);
  }
  for (char const* uri : {"", "tel:+15551234", "http://a", "sip", "sipx:a@b"}) {
    EXPECT_EQ(RejectionOf([uri](OpenTok const& c) { c.Dial(kSessionId, kToken, uri); }),
              "sip_uri must start with sip: or sips:")
        << uri;
  }
}

TEST(DialValidation, IdsAndToken) {
  ExpectRejected([](OpenTok const& c) { c.Dial("", kToken, "sip:a@b"); }, "session_id");
  EXPECT_EQ(RejectionOf([](OpenTok const& c) { c.Dial(kSessionId, "", "sip:a@b"); }), "token must not be empty");
  EXPECT_EQ(RejectionOf([](OpenTok const& c) { c.Dial(kSessionId, kToken, "sip:a@b", {.streams = {""}}); }),
            "streams[0] must not be empty");
  ExpectRejected([](OpenTok const& c) { c.Dial(kSessionId, kToken, "sip:a@b", {.auth = SipAuth{.password = "p"}}); },
                 "auth.username");
}

TEST(DialValidation, CustomHeaderNamesAndValues) {
  ExpectAccepted(
      [](OpenTok const& c) {
        c.Dial(kSessionId, kToken, "sip:a@b", {.headers = {{"X-Custom_1.a!~", "any value; with=params"}}});
      },
      "token characters", kIdBody);
  for (char const* name : {"", "X Custom", "X:Custom", "X-Caf\xc3\xa9", "X(1)"}) {
    ExpectRejected([name](OpenTok const& c) { c.Dial(kSessionId, kToken, "sip:a@b", {.headers = {{name, "v"}}}); },
                   "is not a valid SIP header name");
  }
  for (char const* value : {"a\r\nX-Injected: 1", "a\nb", "a\rb"}) {
    std::string message =
        RejectionOf([value](OpenTok const& c) { c.Dial(kSessionId, kToken, "sip:a@b", {.headers = {{"X-H", value}}}); });
    EXPECT_EQ(message, "headers[\"X-H\"] must not contain CR or LF");
  }
}

TEST(DtmfValidation, Digits) {
  ExpectAccepted([](OpenTok const& c) { c.PlayDTMF(kSessionId, "0123456789*#p"); }, "every digit");
  ExpectAccepted([](OpenTok const& c) { c.PlayDTMF(kSessionId, "1", "conn"); }, "one connection");
  for (char const* digits : {"", "12a", "1 2", "P", "+1", "1-2"}) {
    EXPECT_EQ(RejectionOf([digits](OpenTok const& c) { c.PlayDTMF(kSessionId, digits); }),
              "digits must be one or more of 0-9, *, # and p (a pause)")
        << digits;
  }
  ExpectRejected([](OpenTok const& c) { c.PlayDTMF("", "1"); }, "session_id");
}

// ---- Live captions ----

TEST(LiveCaptionsValidation, MaxDurationRange) {
  constexpr char kCaptions[] = R"({"captionsId":"c"})";
  for (int seconds : {300, 14'400}) {
    ExpectAccepted([seconds](OpenTok const& c) { c.StartLiveCaptions(kSessionId, kToken, {.max_duration = seconds}); },
                   "bound", kCaptions);
  }
  for (int seconds : {299, 14'401, 0, -1}) {
    EXPECT_EQ(
        RejectionOf([seconds](OpenTok const& c) { c.StartLiveCaptions(kSessionId, kToken, {.max_duration = seconds}); }),
        "max_duration must be 300-14400 seconds")
        << seconds;
  }
}

TEST(LiveCaptionsValidation, StatusCallbackUrlIdsAndToken) {
  constexpr char kCaptions[] = R"({"captionsId":"c"})";
  ExpectAccepted([](OpenTok const& c) { c.StartLiveCaptions(kSessionId, kToken, {.status_callback_url = "https://a.b/cde"}); },
                 "15 characters", kCaptions);
  EXPECT_EQ(
      RejectionOf([](OpenTok const& c) { c.StartLiveCaptions(kSessionId, kToken, {.status_callback_url = "https://a.b/"}); }),
      "status_callback_url must be 15-2048 characters");
  ExpectRejected(
      [](OpenTok const& c) {
        c.StartLiveCaptions(kSessionId, kToken, {.status_callback_url = "https://a.b/" + std::string(2037, 'x')});
      },
      "status_callback_url");
  ExpectRejected([](OpenTok const& c) { c.StartLiveCaptions("", kToken); }, "session_id");
  ExpectRejected([](OpenTok const& c) { c.StartLiveCaptions(kSessionId, ""); }, "token");
  ExpectRejected([](OpenTok const& c) { c.StopLiveCaptions(""); }, "captions_id");
  ExpectRejected([](OpenTok const& c) { c.GetLiveCaptions(""); }, "captions_id");
}

// ---- Renders ----

TEST(RenderValidation, UrlLength) {
  std::string fifteen = "https://a.b/cde";
  std::string max_url = "https://a.b/" + std::string(2048 - 12, 'x');
  ExpectAccepted([fifteen](OpenTok const& c) { StartRender(c, {.url = fifteen}); }, "15", kRenderBody);
  ExpectAccepted([max_url](OpenTok const& c) { StartRender(c, {.url = max_url}); }, "2048", kRenderBody);
  EXPECT_EQ(RejectionOf([](OpenTok const& c) { c.StartRender(kSessionId, kToken, {.url = "https://a.b/cd"}); }),
            "url must be 15-2048 characters");
  ExpectRejected([max_url](OpenTok const& c) { StartRender(c, {.url = max_url + "x"}); }, "url must be 15-2048");
  ExpectRejected([](OpenTok const& c) { c.StartRender(kSessionId, kToken, {}); }, "url");
  ExpectRejected([](OpenTok const& c) { StartRender(c, {.url = "https://a.b/cdefg\xff"}); }, "url must be valid UTF-8");
}

TEST(RenderValidation, MaxDurationResolutionAndName) {
  for (int seconds : {60, 36'000}) {
    ExpectAccepted([seconds](OpenTok const& c) { StartRender(c, {.max_duration = seconds}); }, "bound", kRenderBody);
  }
  for (int seconds : {59, 36'001}) {
    EXPECT_EQ(RejectionOf([seconds](OpenTok const& c) { StartRender(c, {.max_duration = seconds}); }),
              "max_duration must be 60-36000 seconds");
  }
  for (char const* resolution : {"640x480", "480x640", "1280x720", "720x1280", "1920x1080", "1080x1920"}) {
    ExpectAccepted([resolution](OpenTok const& c) { StartRender(c, {.resolution = resolution}); }, resolution,
                   kRenderBody);
  }
  ExpectRejected([](OpenTok const& c) { StartRender(c, {.resolution = "800x600"}); }, "resolution must be 640x480, ");
  ExpectAccepted([](OpenTok const& c) { StartRender(c, {.name = std::string(200, 'n')}); }, "name 200", kRenderBody);
  EXPECT_EQ(RejectionOf([](OpenTok const& c) { StartRender(c, {.name = std::string(201, 'n')}); }),
            "name must be 1-200 characters");
  ExpectRejected([](OpenTok const& c) { StartRender(c, {.status_callback_url = "http://x"}); }, "status_callback_url");
}

TEST(RenderValidation, IdsTokenAndPages) {
  ExpectRejected([](OpenTok const& c) { c.StartRender("", kToken, {.url = kUrl}); }, "session_id");
  ExpectRejected([](OpenTok const& c) { c.StartRender(kSessionId, "", {.url = kUrl}); }, "token");
  ExpectRejected([](OpenTok const& c) { c.StopRender(""); }, "render_id");
  ExpectRejected([](OpenTok const& c) { c.GetRender(""); }, "render_id");
  ExpectRejected([](OpenTok const& c) { c.ListRenders(-1, 50); }, "offset");
  EXPECT_EQ(RejectionOf([](OpenTok const& c) { c.ListRenders(0, 0); }), "count must be 1-1000");
  ExpectRejected([](OpenTok const& c) { c.ListRenders(0, 1001); }, "count");
}

// ---- Audio Connector ----

TEST(AudioConnectorValidation, UriScheme) {
  for (char const* uri : {"ws://127.0.0.1:9000", "wss://ws.example.test/a", "WSS://ws.example.test"}) {
    ExpectAccepted([uri](OpenTok const& c) { Connect(c, {.uri = uri}); }, uri, kIdBody);
  }
  for (char const* uri : {"http://ws.example.test", "wss:/x", "ftp://x", " wss://x"}) {
    EXPECT_EQ(RejectionOf([uri](OpenTok const& c) { c.ConnectAudioToWebSocket(kSessionId, kToken, {.uri = uri}); }),
              "uri must start with ws:// or wss://")
        << uri;
  }
  ExpectRejected([](OpenTok const& c) { c.ConnectAudioToWebSocket(kSessionId, kToken, {}); }, "uri");
}

TEST(AudioConnectorValidation, AudioRate) {
  for (int rate : {8000, 16000, 24000}) {
    ExpectAccepted([rate](OpenTok const& c) { Connect(c, {.audio_rate = rate}); }, "rate", kIdBody);
  }
  for (int rate : {0, 44100, 48000, 8001}) {
    EXPECT_EQ(RejectionOf([rate](OpenTok const& c) { Connect(c, {.audio_rate = rate}); }),
              "audio_rate must be 8000, 16000 or 24000");
  }
}

TEST(AudioConnectorValidation, HeadersAtMost512BytesInAll) {
  // 2 + 250 + 2 + 258 = 512 bytes: names and values all count.
  std::map<std::string, std::string> at_limit{{"h1", std::string(250, 'v')}, {"h2", std::string(258, 'v')}};
  ExpectAccepted([at_limit](OpenTok const& c) { Connect(c, {.headers = at_limit}); }, "512", kIdBody);
  auto over = at_limit;
  over["h2"] += 'v';
  EXPECT_EQ(RejectionOf([over](OpenTok const& c) { Connect(c, {.headers = over}); }),
            "headers must be at most 512 bytes in all (names and values)");
}

TEST(AudioConnectorValidation, IdsAndToken) {
  ExpectRejected([](OpenTok const& c) { c.ConnectAudioToWebSocket("", kToken, {.uri = "wss://x"}); }, "session_id");
  ExpectRejected([](OpenTok const& c) { c.ConnectAudioToWebSocket(kSessionId, "", {.uri = "wss://x"}); }, "token");
  EXPECT_EQ(RejectionOf([](OpenTok const& c) { Connect(c, {.streams = {"s", ""}}); }), "streams[1] must not be empty");
  ExpectRejected([](OpenTok const& c) { c.DisconnectAudioConnector(""); }, "id must not be empty");
}

// Strings that reach a JSON body unchecked elsewhere still cannot make invalid JSON.
TEST(MediaBodiesValidation, InvalidUtf8IsRejectedBeforeSending) {
  ExpectRejected([](OpenTok const& c) { c.Dial(kSessionId, "tok\xff", "sip:a@b"); }, "must be valid UTF-8");
  ExpectRejected([](OpenTok const& c) { c.StartLiveCaptions(kSessionId, kToken, {.language_code = "\xfe"}); },
                 "must be valid UTF-8");
  ExpectRejected([](OpenTok const& c) { Connect(c, {.headers = {{"h", "\xc3"}}}); }, "must be valid UTF-8");
}

}  // namespace
}  // namespace opentok
