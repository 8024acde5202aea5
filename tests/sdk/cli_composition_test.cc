// The `opentok` broadcast, archive layout/stream-selection and stream subcommands against a
// recording stub: the request each one sends and the JSON it prints (REST field names).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cli_harness.h"

namespace opentok {
namespace {

using nlohmann::json;
using testing_util::kArchiveId;
using testing_util::kArchiveJson;
using testing_util::kBroadcastId;
using testing_util::kBroadcastJson;
using testing_util::kSessionId;
using testing_util::kStreamId;
using testing_util::kStreamJson;
using testing_util::RecordingStub;
using testing_util::Stdout;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

std::string BroadcastPath(std::string const& suffix = "") {
  return std::string("/v2/project/123456/broadcast/") + kBroadcastId + suffix;
}

class CliCompositionTest : public ::testing::Test {
 protected:
  // The last request's body as JSON.
  json SentBody() { return json::parse(stub_.seen().body); }

  RecordingStub stub_;
};

TEST_F(CliCompositionTest, BroadcastStartSendsEveryOption) {
  stub_.Answer(200, kBroadcastJson);
  auto out = Stdout(stub_.Run({"broadcast", "start", kSessionId, "--dvr", "--rtmp", "rtmps://a.test/live,key-1,yt",
                               "--rtmp", "rtmp://b.test/app,key-2", "--resolution", "1280x720", "--max-duration",
                               "5400", "--max-bitrate", "2000000", "--stream-mode", "manual", "--no-video",
                               "--multi-broadcast-tag", "tag-1", "--layout", "bestFit", "--screenshare-type", "pip"}));
  auto seen = stub_.seen();
  EXPECT_EQ(seen.method, "POST");
  EXPECT_EQ(seen.target, "/v2/project/123456/broadcast");
  EXPECT_EQ(seen.content_type, "application/json");
  EXPECT_EQ(SentBody(), json::parse(std::string(R"({"sessionId":")") + kSessionId + R"(",
      "outputs":{"hls":{"dvr":true,"lowLatency":false},
                 "rtmp":[{"id":"yt","serverUrl":"rtmps://a.test/live","streamName":"key-1"},
                         {"serverUrl":"rtmp://b.test/app","streamName":"key-2"}]},
      "layout":{"type":"bestFit","screenshareType":"pip"},"resolution":"1280x720","maxDuration":5400,
      "maxBitrate":2000000,"streamMode":"manual","hasAudio":true,"hasVideo":false,"multiBroadcastTag":"tag-1"})"));
  // The printed broadcast uses the REST API's field names.
  EXPECT_EQ(out, json::parse(R"({
      "id": "1748b707-0a8a-4c4d-9c2f-8d0a6e3a0c11", "sessionId": "SESSION", "projectId": 123456,
      "createdAt": 1727870434974, "updatedAt": 1727870434977, "status": "started", "resolution": "1280x720",
      "maxDuration": 5400, "maxBitrate": 2000000, "streamMode": "manual", "hasAudio": true, "hasVideo": false,
      "multiBroadcastTag": "tag-1",
      "streams": [{"streamId": "8b732909-0a06-46a2-8ea8-074e64d43422", "hasAudio": true, "hasVideo": false}],
      "settings": {"hls": {"lowLatency": false, "dvr": true}},
      "broadcastUrls": {"hls": "http://127.0.0.1:8080/_mock/broadcasts/x/hls/index.m3u8", "hlsStatus": "live",
                        "rtmp": [{"id": "yt", "serverUrl": "rtmps://a.example.test/live", "streamName": "key-1",
                                  "status": "live"},
                                 {"id": "fb", "serverUrl": "rtmp://b.example.test/app", "streamName": "key-2",
                                  "status": "connecting"}]}})"));
}

TEST_F(CliCompositionTest, BroadcastStartHlsOnlyIsTheMinimalBody) {
  stub_.Answer(200, kBroadcastJson);
  Stdout(stub_.Run({"broadcast", "start", kSessionId, "--hls"}));
  EXPECT_EQ(SentBody(), json::parse(std::string(R"({"sessionId":")") + kSessionId + R"(",
      "outputs":{"hls":{"dvr":false,"lowLatency":false}},"streamMode":"auto","hasAudio":true,"hasVideo":true})"));
}

TEST_F(CliCompositionTest, BroadcastStopGetAndList) {
  stub_.Answer(200, R"({"id":"1748b707-0a8a-4c4d-9c2f-8d0a6e3a0c11","status":"stopped","broadcastUrls":null})");
  auto stopped = Stdout(stub_.Run({"broadcast", "stop", kBroadcastId}));
  EXPECT_EQ(stub_.seen().method, "POST");
  EXPECT_EQ(stub_.seen().target, BroadcastPath("/stop"));
  EXPECT_EQ(stopped.at("status"), "stopped");
  EXPECT_TRUE(stopped.at("broadcastUrls").is_null());

  stub_.Answer(200, kBroadcastJson);
  EXPECT_EQ(Stdout(stub_.Run({"broadcast", "get", kBroadcastId})).at("id"), kBroadcastId);
  EXPECT_EQ(stub_.seen().method, "GET");
  EXPECT_EQ(stub_.seen().target, BroadcastPath());

  stub_.Answer(200, std::string(R"({"count":9,"items":[)") + kBroadcastJson + "]}");
  auto list = Stdout(stub_.Run({"broadcast", "list", "--offset", "3", "--count", "1", "--session-id", kSessionId}));
  EXPECT_EQ(list.at("count"), 9);
  EXPECT_EQ(list.at("items").at(0).at("id"), kBroadcastId);
  EXPECT_EQ(stub_.seen().target, std::string("/v2/project/123456/broadcast?offset=3&count=1&sessionId=") + kSessionId);
  Stdout(stub_.Run({"broadcast", "list"}));
  EXPECT_EQ(stub_.seen().target, "/v2/project/123456/broadcast?offset=0&count=1000");
}

TEST_F(CliCompositionTest, LayoutOfBroadcastsAndArchives) {
  stub_.Answer(200, kBroadcastJson);
  auto out = Stdout(stub_.Run({"broadcast", "layout", kBroadcastId, "--layout", "custom", "--stylesheet", "s{}"}));
  EXPECT_EQ(out, json::parse(std::string(R"({"id":")") + kBroadcastId + R"(","layout":{"type":"custom","stylesheet":"s{}"}})"));
  EXPECT_EQ(stub_.seen().method, "PUT");
  EXPECT_EQ(stub_.seen().target, BroadcastPath("/layout"));
  EXPECT_EQ(SentBody(), json::parse(R"({"type":"custom","stylesheet":"s{}"})"));

  stub_.Answer(200, kArchiveJson);
  Stdout(stub_.Run({"archive", "layout", kArchiveId}));
  EXPECT_EQ(stub_.seen().target, std::string("/v2/project/123456/archive/") + kArchiveId + "/layout");
  EXPECT_EQ(SentBody(), json::parse(R"({"type":"bestFit"})")) << "no flag: back to bestFit";
}

TEST_F(CliCompositionTest, AddAndRemoveStreams) {
  stub_.Answer(204);
  auto added = Stdout(stub_.Run({"archive", "add-stream", kArchiveId, kStreamId, "--no-audio"}));
  EXPECT_EQ(added, json::parse(std::string(R"({"id":")") + kArchiveId + R"(","addStream":")" + kStreamId +
                               R"(","hasAudio":false,"hasVideo":true})"));
  EXPECT_EQ(stub_.seen().method, "PATCH");
  EXPECT_EQ(stub_.seen().target, std::string("/v2/project/123456/archive/") + kArchiveId + "/streams");
  EXPECT_EQ(SentBody(), json::parse(std::string(R"({"addStream":")") + kStreamId + R"(","hasAudio":false,"hasVideo":true})"));

  Stdout(stub_.Run({"broadcast", "remove-stream", kBroadcastId, kStreamId}));
  EXPECT_EQ(stub_.seen().target, BroadcastPath("/streams"));
  EXPECT_EQ(SentBody(), json::parse(std::string(R"({"removeStream":")") + kStreamId + R"("})"));

  Stdout(stub_.Run({"broadcast", "add-stream", kBroadcastId, kStreamId}));
  EXPECT_EQ(SentBody(), json::parse(std::string(R"({"addStream":")") + kStreamId + R"(","hasAudio":true,"hasVideo":true})"));
}

TEST_F(CliCompositionTest, AutoStreamModeRefusalExitsOneWithTheMessage) {
  stub_.Answer(405, R"({"code":405,"message":"Stream mode is auto"})");
  auto r = stub_.Run({"archive", "remove-stream", kArchiveId, kStreamId});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.out, IsEmpty());
  EXPECT_THAT(r.err, HasSubstr("RemoveStreamFromArchive failed: HTTP 405"));
  EXPECT_THAT(r.err, HasSubstr("Stream mode is auto"));
}

TEST_F(CliCompositionTest, StreamListAndGet) {
  stub_.Answer(200, std::string(R"({"count":1,"items":[)") + kStreamJson + "]}");
  auto list = Stdout(stub_.Run({"stream", "list", kSessionId}));
  EXPECT_EQ(stub_.seen().target, std::string("/v2/project/123456/session/") + kSessionId + "/stream");
  EXPECT_EQ(list, json::parse(std::string(R"({"count":1,"items":[)") + kStreamJson + "]}"));

  stub_.Answer(200, kStreamJson);
  EXPECT_EQ(Stdout(stub_.Run({"stream", "get", kSessionId, kStreamId})), json::parse(kStreamJson));
  EXPECT_EQ(stub_.seen().method, "GET");
  EXPECT_EQ(stub_.seen().target, std::string("/v2/project/123456/session/") + kSessionId + "/stream/" + kStreamId);
}

TEST_F(CliCompositionTest, StreamSetClassLists) {
  stub_.Answer(200);
  auto out = Stdout(stub_.Run({"stream", "set-class-lists", kSessionId, "--stream", "s1=full,focus", "--stream", "s2="}));
  auto expected = json::parse(R"({"items":[{"id":"s1","layoutClassList":["full","focus"]},
                                           {"id":"s2","layoutClassList":[]}]})");
  EXPECT_EQ(stub_.seen().method, "PUT");
  EXPECT_EQ(stub_.seen().target, std::string("/v2/project/123456/session/") + kSessionId + "/stream");
  EXPECT_EQ(SentBody(), expected);
  expected["sessionId"] = kSessionId;
  EXPECT_EQ(out, expected);
}

TEST_F(CliCompositionTest, ValidationFailsBeforeAnyRequest) {
  for (std::vector<std::string> args :
       {std::vector<std::string>{"broadcast", "start", kSessionId},
        {"broadcast", "start", kSessionId, "--rtmp", "rtmp://x,"},
        {"broadcast", "layout", kBroadcastId, "--layout", "custom"},
        {"stream", "set-class-lists", kSessionId, "--stream", "=x"}}) {
    auto r = stub_.Run(args);
    EXPECT_EQ(r.exit_code, 2) << ::testing::PrintToString(args);
    EXPECT_THAT(r.err, HasSubstr("invalid argument")) << ::testing::PrintToString(args);
    EXPECT_EQ(stub_.seen().method, "") << ::testing::PrintToString(args);
  }
}

}  // namespace
}  // namespace opentok
