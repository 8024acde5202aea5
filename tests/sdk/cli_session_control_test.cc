// The `opentok` signal, connection, stream mute, session mute-all|unmute-all, sip,
// captions, render and audio subcommands against a recording stub: the request each one
// sends, the JSON it prints (REST field names), usage errors before any request, --help.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cli_harness.h"

namespace opentok {
namespace {

using nlohmann::json;
using testing_util::kSessionId;
using testing_util::kStreamId;
using testing_util::RecordingStub;
using testing_util::Stdout;
using ::testing::HasSubstr;

constexpr char kConnectionId[] = "5e3a7b2c-7e41-4a9c-9d0b-53e8c8f0c7a1";
constexpr char kRenderJson[] = R"({"id":"1248e707-0b8a-4c4d-9c2f-8d0a6e3a0c22","sessionId":"S","projectId":"123456",
  "createdAt":1000,"updatedAt":2000,"url":"https://example.test/page","resolution":"1280x720","status":"starting",
  "name":"Composed","event":"render"})";

std::string SessionPath(std::string const& suffix) {
  return std::string("/v2/project/123456/session/") + kSessionId + suffix;
}

class CliSessionControlTest : public ::testing::Test {
 protected:
  json SentBody() { return json::parse(stub_.seen().body); }
  void ExpectSent(char const* method, std::string const& target) {
    EXPECT_EQ(stub_.seen().method, method);
    EXPECT_EQ(stub_.seen().target, target);
  }

  RecordingStub stub_;
};

TEST_F(CliSessionControlTest, SignalToTheSessionAndToOneConnection) {
  stub_.Answer(204);
  auto out = Stdout(stub_.Run({"signal", kSessionId, "--type", "chat", "--data", "hello"}));
  ExpectSent("POST", SessionPath("/signal"));
  EXPECT_EQ(stub_.seen().content_type, "application/json");
  EXPECT_EQ(SentBody(), json::parse(R"({"type":"chat","data":"hello"})"));
  EXPECT_EQ(out, json({{"sessionId", kSessionId}, {"type", "chat"}, {"data", "hello"}}));

  out = Stdout(stub_.Run({"signal", kSessionId, "--data", "x", "--connection", kConnectionId}));
  ExpectSent("POST", SessionPath(std::string("/connection/") + kConnectionId + "/signal"));
  EXPECT_EQ(out.at("connectionId"), kConnectionId);
}

TEST_F(CliSessionControlTest, ConnectionListAndDisconnect) {
  stub_.Answer(200, R"({"count":1,"projectId":"123456","sessionId":"S",
      "items":[{"connectionId":"c1","connectionState":"Connected","createdAt":1727870434974}]})");
  auto out = Stdout(stub_.Run({"connection", "list", kSessionId}));
  ExpectSent("GET", SessionPath("/connection"));
  EXPECT_EQ(out, json::parse(R"({"count":1,"sessionId":"S",
      "items":[{"connectionId":"c1","connectionState":"Connected","createdAt":1727870434974}]})"));

  stub_.Answer(204);
  out = Stdout(stub_.Run({"connection", "disconnect", kSessionId, kConnectionId}));
  ExpectSent("DELETE", SessionPath(std::string("/connection/") + kConnectionId));
  EXPECT_EQ(out, json({{"sessionId", kSessionId}, {"connectionId", kConnectionId}, {"disconnected", true}}));
}

TEST_F(CliSessionControlTest, MuteOneMuteAllAndUnmuteAll) {
  stub_.Answer(200, "{}");
  auto out = Stdout(stub_.Run({"stream", "mute", kSessionId, kStreamId}));
  ExpectSent("POST", SessionPath(std::string("/stream/") + kStreamId + "/mute"));
  EXPECT_EQ(stub_.seen().body, "");
  EXPECT_EQ(out.at("muted"), true);

  out = Stdout(stub_.Run({"session", "mute-all", kSessionId, "--exclude", "s1", "--exclude", "s2"}));
  ExpectSent("POST", SessionPath("/mute"));
  EXPECT_EQ(SentBody(), json::parse(R"({"active":true,"excludedStreamIds":["s1","s2"]})"));
  EXPECT_EQ(out, json({{"sessionId", kSessionId}, {"active", true}, {"excludedStreamIds", {"s1", "s2"}}}));

  out = Stdout(stub_.Run({"session", "unmute-all", kSessionId}));
  EXPECT_EQ(SentBody(), json::parse(R"({"active":false})"));
  EXPECT_EQ(out, json({{"sessionId", kSessionId}, {"active", false}}));
}

TEST_F(CliSessionControlTest, SipDialWithEveryOption) {
  stub_.Answer(200, R"({"id":"call","connectionId":"conn","streamId":"stream","projectId":"123456"})");
  auto out = Stdout(stub_.Run({"sip", "dial", kSessionId, "sip:user@sip.example.test", "--token", "tok", "--from",
                               "from@example.test", "--header", "X-A=1", "--username", "u", "--password", "p",
                               "--secure", "--video", "--observe-force-mute", "--stream", kStreamId}));
  ExpectSent("POST", "/v2/project/123456/dial");
  EXPECT_EQ(SentBody(), json::parse(std::string(R"({"sessionId":")") + kSessionId + R"(","token":"tok",
      "sip":{"uri":"sip:user@sip.example.test","from":"from@example.test","headers":{"X-A":"1"},
             "auth":{"username":"u","password":"p"},"secure":true,"video":true,"observeForceMute":true,
             "streams":["8b732909-0a06-46a2-8ea8-074e64d43422"]}})"));
  EXPECT_EQ(out, json::parse(R"({"id":"call","connectionId":"conn","streamId":"stream"})"));
}

TEST_F(CliSessionControlTest, WithoutTokenOneIsGeneratedForTheSession) {
  stub_.Answer(200, R"({"id":"call"})");
  Stdout(stub_.Run({"sip", "dial", kSessionId, "sips:a@b"}));
  auto token = SentBody().at("token").get<std::string>();
  EXPECT_FALSE(token.empty());
  EXPECT_EQ(SentBody().at("sip"), json::parse(R"({"uri":"sips:a@b","secure":false,"video":false,
      "observeForceMute":false})"));
}

TEST_F(CliSessionControlTest, SipDtmf) {
  stub_.Answer(200);
  auto out = Stdout(stub_.Run({"sip", "dtmf", kSessionId, "12#p*", "--connection", kConnectionId}));
  ExpectSent("POST", SessionPath(std::string("/connection/") + kConnectionId + "/play-dtmf"));
  EXPECT_EQ(SentBody(), json::parse(R"({"digits":"12#p*"})"));
  EXPECT_EQ(out, json({{"sessionId", kSessionId}, {"connectionId", kConnectionId}, {"digits", "12#p*"}}));
}

TEST_F(CliSessionControlTest, CaptionsStartStopGet) {
  stub_.Answer(202, R"({"captionsId":"cap"})");
  auto out = Stdout(stub_.Run({"captions", "start", kSessionId, "--token", "tok", "--language-code", "en-GB",
                               "--max-duration", "600", "--no-partial-captions", "--status-callback-url",
                               "https://example.test/cb"}));
  ExpectSent("POST", "/v2/project/123456/captions");
  EXPECT_EQ(SentBody(), json::parse(std::string(R"({"sessionId":")") + kSessionId + R"(","token":"tok",
      "languageCode":"en-GB","maxDuration":600,"partialCaptions":false,"statusCallbackUrl":"https://example.test/cb"})"));
  EXPECT_EQ(out, json({{"captionsId", "cap"}}));

  stub_.Answer(202);
  out = Stdout(stub_.Run({"captions", "stop", "cap"}));
  ExpectSent("POST", "/v2/project/123456/captions/cap/stop");
  EXPECT_EQ(out, json({{"captionsId", "cap"}, {"stopped", true}}));

  stub_.Answer(200, R"({"captionId":"cap","sessionId":"S","status":"started","createdAt":1000,"updatedAt":2000,
      "duration":1,"languageCode":"en-US","provider":"aws-transcribe"})");
  out = Stdout(stub_.Run({"captions", "get", "cap"}));
  ExpectSent("GET", "/v2/project/123456/captions/cap");
  EXPECT_EQ(out, json::parse(R"({"captionId":"cap","sessionId":"S","status":"started","createdAt":1000,
      "updatedAt":2000,"duration":1,"languageCode":"en-US","provider":"aws-transcribe"})"));
}

TEST_F(CliSessionControlTest, RenderStartStopGetList) {
  stub_.Answer(202, kRenderJson);
  auto out = Stdout(stub_.Run({"render", "start", kSessionId, "--token", "tok", "--url", "https://example.test/page",
                               "--max-duration", "120", "--resolution", "640x480", "--name", "Composed"}));
  ExpectSent("POST", "/v2/project/123456/render");
  EXPECT_EQ(SentBody(), json::parse(std::string(R"({"sessionId":")") + kSessionId + R"(","token":"tok",
      "url":"https://example.test/page","maxDuration":120,"resolution":"640x480","properties":{"name":"Composed"}})"));
  auto expected = json::parse(kRenderJson);
  expected.erase("event");
  EXPECT_EQ(out, expected);

  stub_.Answer(200);
  out = Stdout(stub_.Run({"render", "stop", "r1"}));
  ExpectSent("DELETE", "/v2/project/123456/render/r1");
  EXPECT_EQ(out, json({{"id", "r1"}, {"stopped", true}}));

  stub_.Answer(200, kRenderJson);
  Stdout(stub_.Run({"render", "get", "r1"}));
  ExpectSent("GET", "/v2/project/123456/render/r1");

  stub_.Answer(200, std::string(R"({"count":3,"items":[)") + kRenderJson + "]}");
  out = Stdout(stub_.Run({"render", "list", "--offset", "2", "--count", "1"}));
  ExpectSent("GET", "/v2/project/123456/render?offset=2&count=1");
  EXPECT_EQ(out.at("count"), 3);
  EXPECT_EQ(out.at("items").at(0), expected);
}

TEST_F(CliSessionControlTest, AudioConnectAndDisconnect) {
  stub_.Answer(200, R"({"id":"a1","connectionId":"c1"})");
  auto out = Stdout(stub_.Run({"audio", "connect", kSessionId, "--token", "tok", "--uri", "wss://ws.example.test",
                               "--stream", "s1", "--header", "Authorization=Bearer x", "--audio-rate", "16000",
                               "--bidirectional"}));
  ExpectSent("POST", "/v2/project/123456/connect");
  EXPECT_EQ(SentBody(), json::parse(std::string(R"({"sessionId":")") + kSessionId + R"(","token":"tok",
      "websocket":{"uri":"wss://ws.example.test","streams":["s1"],"headers":{"Authorization":"Bearer x"},
                   "audioRate":16000,"bidirectional":true}})"));
  EXPECT_EQ(out, json::parse(R"({"id":"a1","connectionId":"c1"})"));

  stub_.Answer(204);
  out = Stdout(stub_.Run({"audio", "disconnect", "c1"}));
  ExpectSent("POST", "/v2/project/123456/connect/c1/stop");
  EXPECT_EQ(out, json({{"id", "c1"}, {"disconnected", true}}));
}

TEST_F(CliSessionControlTest, BadInputFailsBeforeAnyRequest) {
  for (std::vector<std::string> args : {std::vector<std::string>{"sip", "dial", kSessionId, "tel:+1555"},
                                        {"sip", "dtmf", kSessionId, "12a"},
                                        {"signal", kSessionId, "--type", std::string(129, 't')},
                                        {"render", "start", kSessionId, "--url", "http://short"},
                                        {"render", "start", kSessionId},
                                        {"captions", "start", kSessionId, "--max-duration", "60"},
                                        {"audio", "connect", kSessionId, "--uri", "http://x"},
                                        {"audio", "connect", kSessionId, "--uri", "wss://x", "--header", "novalue"},
                                        {"audio", "connect", kSessionId, "--uri", "wss://x", "--audio-rate", "44100"}}) {
    auto r = stub_.Run(args);
    EXPECT_EQ(r.exit_code, 2) << ::testing::PrintToString(args) << r.err;
    EXPECT_EQ(stub_.seen().method, "") << ::testing::PrintToString(args);
  }
}

TEST_F(CliSessionControlTest, ServiceErrorsExitWithOne) {
  stub_.Answer(409, R"({"code":60003,"message":"Audio captioning is already enabled"})");
  auto r = stub_.Run({"captions", "start", kSessionId, "--token", "tok"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("Audio captioning is already enabled"));
  EXPECT_THAT(r.err, ::testing::Not(HasSubstr("tok\""))) << "the token is not echoed";
}

TEST_F(CliSessionControlTest, HelpForEveryCommandAndGroup) {
  for (std::vector<std::string> args :
       {std::vector<std::string>{"signal"}, {"connection", "list"}, {"connection", "disconnect"}, {"stream", "mute"},
        {"session", "mute-all"}, {"session", "unmute-all"}, {"sip", "dial"}, {"sip", "dtmf"}, {"captions", "start"},
        {"captions", "stop"}, {"captions", "get"}, {"render", "start"}, {"render", "stop"}, {"render", "get"},
        {"render", "list"}, {"audio", "connect"}, {"audio", "disconnect"}}) {
    std::string path = args.size() == 1 ? args[0] : args[0] + " " + args[1];
    args.push_back("--help");
    auto r = testing_util::Cli(args);
    EXPECT_EQ(r.exit_code, 0) << path;
    EXPECT_THAT(r.out, HasSubstr("opentok " + path)) << path;
  }
  auto sip = testing_util::Cli({"sip", "--help"});
  EXPECT_THAT(sip.out, HasSubstr("sip dial"));
  EXPECT_THAT(sip.out, HasSubstr("sip dtmf"));
  auto overview = testing_util::Cli({"--help"});
  EXPECT_THAT(overview.out, HasSubstr("audio connect"));
  EXPECT_THAT(overview.out, HasSubstr("session mute-all"));
}

}  // namespace
}  // namespace opentok
