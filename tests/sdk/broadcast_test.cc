// Broadcasts against a scripted transport: the exact request of every call (method, URL,
// headers, JSON body) and the decoding of the broadcast object, also lenient reading.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "opentok/opentok.h"
#include "request_checks.h"
#include "test_client.h"

namespace opentok {
namespace {

using testing_util::ExpectBodilessRequest;
using testing_util::ExpectJsonRequest;
using testing::JsonResponse;
using testing_util::kBroadcastId;
using testing_util::kBroadcastJson;
using testing_util::kSessionId;
using testing_util::kStreamId;
using testing_util::TestClient;

constexpr char kBroadcastBase[] = "https://api.example.test/v2/project/123456/broadcast";

std::string BroadcastUrl(std::string const& suffix = "") {
  return std::string(kBroadcastBase) + "/" + kBroadcastId + suffix;
}

std::chrono::system_clock::time_point Millis(std::int64_t ms) {
  return std::chrono::system_clock::time_point(std::chrono::milliseconds(ms));
}

Broadcast Parse(std::string const& json) {
  TestClient t;
  t.transport->Enqueue(JsonResponse(200, json));
  return t.client.GetBroadcast(kBroadcastId);
}

TEST(StartBroadcast, HlsOnlySendsTheMinimalBody) {
  TestClient t;
  t.transport->Enqueue(JsonResponse(200, kBroadcastJson));
  Broadcast broadcast = t.client.StartBroadcast(kSessionId, StartBroadcastOptions{.hls = HlsOptions{}});
  EXPECT_EQ(broadcast.id, kBroadcastId);
  ExpectJsonRequest(t.transport->single_request(), HttpMethod::kPost, kBroadcastBase, R"({
      "sessionId": "1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4",
      "outputs": {"hls": {"dvr": false, "lowLatency": false}},
      "streamMode": "auto", "hasAudio": true, "hasVideo": true})");
}

TEST(StartBroadcast, EveryOptionMapsToTheBody) {
  TestClient t;
  t.transport->Enqueue(JsonResponse(200, kBroadcastJson));
  t.client.StartBroadcast(
      kSessionId,
      StartBroadcastOptions{
          .hls = HlsOptions{.low_latency = true},
          .rtmp = {{.id = "yt", .server_url = "rtmps://a.example.test/live", .stream_name = "key-1"},
                   {.server_url = "rtmp://b.example.test/app", .stream_name = "key-2"}},
          .layout = Layout{.type = "custom", .stylesheet = "stream.focus { width: 100%; }"},
          .resolution = "1920x1080",
          .max_duration = 5400,
          .max_bitrate = 2'000'000,
          .stream_mode = StreamMode::kManual,
          .has_audio = true,
          .has_video = false,
          .multi_broadcast_tag = "tag-1"});
  ExpectJsonRequest(t.transport->single_request(), HttpMethod::kPost, kBroadcastBase, R"({
      "sessionId": "1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4",
      "outputs": {"hls": {"dvr": false, "lowLatency": true},
                  "rtmp": [{"id": "yt", "serverUrl": "rtmps://a.example.test/live", "streamName": "key-1"},
                           {"serverUrl": "rtmp://b.example.test/app", "streamName": "key-2"}]},
      "layout": {"type": "custom", "stylesheet": "stream.focus { width: 100%; }"},
      "resolution": "1920x1080", "maxDuration": 5400, "maxBitrate": 2000000,
      "streamMode": "manual", "hasAudio": true, "hasVideo": false, "multiBroadcastTag": "tag-1"})");
}

TEST(StartBroadcast, RtmpOnlyHasNoHlsMember) {
  TestClient t;
  t.transport->Enqueue(JsonResponse(200, kBroadcastJson));
  t.client.StartBroadcast(kSessionId,
                          StartBroadcastOptions{.rtmp = {{.server_url = "rtmp://x.test/app", .stream_name = "s"}}});
  auto body = nlohmann::json::parse(t.transport->single_request().body);
  EXPECT_EQ(body.at("outputs"), nlohmann::json::parse(R"({"rtmp":[{"serverUrl":"rtmp://x.test/app","streamName":"s"}]})"));
  EXPECT_FALSE(body.contains("layout"));
  EXPECT_FALSE(body.contains("maxDuration"));
  EXPECT_FALSE(body.contains("multiBroadcastTag"));
}

TEST(StopBroadcast, PostsToStopWithoutBody) {
  TestClient t;
  t.transport->Enqueue(JsonResponse(200, R"({"id":"1748b707-0a8a-4c4d-9c2f-8d0a6e3a0c11","status":"stopped",
      "broadcastUrls":null})"));
  Broadcast stopped = t.client.StopBroadcast(kBroadcastId);
  EXPECT_EQ(stopped.status, BroadcastStatus::kStopped);
  EXPECT_FALSE(stopped.broadcast_urls.has_value());
  ExpectBodilessRequest(t.transport->single_request(), HttpMethod::kPost, BroadcastUrl("/stop"));
}

TEST(GetBroadcast, GetsTheBroadcastWithAnEncodedId) {
  TestClient t;
  t.transport->Enqueue(JsonResponse(200, kBroadcastJson));
  t.transport->Enqueue(JsonResponse(200, kBroadcastJson));
  t.client.GetBroadcast(kBroadcastId);
  t.client.GetBroadcast("a/b c");
  auto requests = t.transport->requests();
  ExpectBodilessRequest(requests[0], HttpMethod::kGet, BroadcastUrl());
  EXPECT_EQ(requests[1].url, std::string(kBroadcastBase) + "/a%2Fb%20c");
}

TEST(ListBroadcasts, DefaultPageAndFilter) {
  TestClient t;
  t.transport->Enqueue(JsonResponse(200, R"({"count":0,"items":[]})"));
  t.transport->Enqueue(JsonResponse(200, R"({"count":0,"items":[]})"));
  t.client.ListBroadcasts();
  t.client.ListBroadcasts(10, 5, kSessionId);
  auto requests = t.transport->requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].method, HttpMethod::kGet);
  EXPECT_EQ(requests[0].url, std::string(kBroadcastBase) + "?offset=0&count=1000");
  EXPECT_EQ(requests[1].url, std::string(kBroadcastBase) + "?offset=10&count=5&sessionId=" + kSessionId);
}

TEST(SetBroadcastLayout, PutsTheLayoutAndIgnoresTheAnswer) {
  TestClient t;
  t.transport->Enqueue(JsonResponse(200, kBroadcastJson));
  t.client.SetBroadcastLayout(kBroadcastId, BroadcastLayout{.type = "bestFit", .screenshare_type = "verticalPresentation"});
  ExpectJsonRequest(t.transport->single_request(), HttpMethod::kPut, BroadcastUrl("/layout"),
                    R"({"type":"bestFit","screenshareType":"verticalPresentation"})");
}

TEST(SetBroadcastLayout, AcceptsAnEmptyAnswer) {
  TestClient t;
  t.transport->Enqueue(HttpResponse{.status = 200});
  EXPECT_NO_THROW(t.client.SetBroadcastLayout(kBroadcastId, Layout{.type = "pip"}));
  EXPECT_EQ(t.transport->single_request().body, R"({"type":"pip"})");
}

TEST(BroadcastStreams, AddAndRemove) {
  TestClient t;
  t.transport->Enqueue(HttpResponse{.status = 204});
  t.client.AddStreamToBroadcast(kBroadcastId, kStreamId, /*has_audio=*/true, /*has_video=*/false);
  ExpectJsonRequest(t.transport->single_request(), HttpMethod::kPatch, BroadcastUrl("/streams"),
                    R"({"addStream":"8b732909-0a06-46a2-8ea8-074e64d43422","hasAudio":true,"hasVideo":false})");
  TestClient r;
  r.transport->Enqueue(HttpResponse{.status = 204});
  r.client.RemoveStreamFromBroadcast(kBroadcastId, kStreamId);
  ExpectJsonRequest(r.transport->single_request(), HttpMethod::kPatch, BroadcastUrl("/streams"),
                    R"({"removeStream":"8b732909-0a06-46a2-8ea8-074e64d43422"})");
}

TEST(BroadcastStreams, DefaultsIncludeAudioAndVideo) {
  TestClient t;
  t.transport->Enqueue(HttpResponse{.status = 204});
  t.client.AddStreamToBroadcast(kBroadcastId, kStreamId);
  EXPECT_EQ(t.transport->single_request().body,
            R"({"addStream":"8b732909-0a06-46a2-8ea8-074e64d43422","hasAudio":true,"hasVideo":true})");
}

TEST(BroadcastParse, ReadsEveryFieldOfAStartedHlsAndRtmpBroadcast) {
  Broadcast expected;
  expected.id = kBroadcastId;
  expected.session_id = "SESSION";
  expected.project_id = 123456;
  expected.created_at = Millis(1727870434974);
  expected.updated_at = Millis(1727870434977);
  expected.status = BroadcastStatus::kStarted;
  expected.status_name = "started";
  expected.resolution = "1280x720";
  expected.max_duration = 5400;
  expected.max_bitrate = 2000000;
  expected.stream_mode = StreamMode::kManual;
  expected.has_audio = true;
  expected.has_video = false;
  expected.multi_broadcast_tag = "tag-1";
  expected.hls_settings = HlsOptions{.dvr = true, .low_latency = false};
  expected.broadcast_urls = BroadcastUrls{
      .hls = "http://127.0.0.1:8080/_mock/broadcasts/x/hls/index.m3u8",
      .hls_status = HlsStatus::kLive,
      .hls_status_name = "live",
      .rtmp = {{.id = "yt", .server_url = "rtmps://a.example.test/live", .stream_name = "key-1",
                .status = RtmpStatus::kLive, .status_name = "live"},
               {.id = "fb", .server_url = "rtmp://b.example.test/app", .stream_name = "key-2",
                .status = RtmpStatus::kConnecting, .status_name = "connecting"}}};
  expected.streams = {{.stream_id = kStreamId, .has_audio = true, .has_video = false}};
  EXPECT_EQ(Parse(kBroadcastJson), expected);
}

TEST(BroadcastParse, StoppedHasNoUrls) {
  Broadcast b = Parse(R"({"id":"b","status":"stopped","broadcastUrls":null,"maxDuration":7200,
                          "settings":{"hls":{"dvr":false,"lowLatency":true}}})");
  EXPECT_EQ(b.status, BroadcastStatus::kStopped);
  EXPECT_FALSE(b.broadcast_urls.has_value());
  EXPECT_EQ(b.max_duration, 7200);
  EXPECT_EQ(b.hls_settings, (HlsOptions{.dvr = false, .low_latency = true}));
}

TEST(BroadcastParse, UnknownStatusesKeepTheirNames) {
  Broadcast b = Parse(R"({"id":"b","status":"paused","streamMode":"psychic",
      "broadcastUrls":{"hlsStatus":"buffering","rtmp":[{"id":"x","status":"throttled"}]}})");
  EXPECT_EQ(b.status, BroadcastStatus::kUnknown);
  EXPECT_EQ(b.status_name, "paused");
  EXPECT_EQ(b.stream_mode, StreamMode::kUnknown);
  ASSERT_TRUE(b.broadcast_urls.has_value());
  EXPECT_EQ(b.broadcast_urls->hls_status, HlsStatus::kUnknown);
  EXPECT_EQ(b.broadcast_urls->hls_status_name, "buffering");
  ASSERT_EQ(b.broadcast_urls->rtmp.size(), 1u);
  EXPECT_EQ(b.broadcast_urls->rtmp[0].status, RtmpStatus::kUnknown);
  EXPECT_EQ(b.broadcast_urls->rtmp[0].status_name, "throttled");
}

TEST(BroadcastParse, EveryKnownOutputStatus) {
  for (auto [name, status] : {std::pair{"connecting", HlsStatus::kConnecting}, std::pair{"ready", HlsStatus::kReady},
                              std::pair{"live", HlsStatus::kLive}, std::pair{"ended", HlsStatus::kEnded},
                              std::pair{"error", HlsStatus::kError}}) {
    Broadcast b = Parse(std::string(R"({"id":"b","broadcastUrls":{"hlsStatus":")") + name + R"("}})");
    EXPECT_EQ(b.broadcast_urls->hls_status, status) << name;
  }
  for (auto [name, status] : {std::pair{"connecting", RtmpStatus::kConnecting}, std::pair{"live", RtmpStatus::kLive},
                              std::pair{"offline", RtmpStatus::kOffline}, std::pair{"error", RtmpStatus::kError}}) {
    Broadcast b = Parse(std::string(R"({"id":"b","broadcastUrls":{"rtmp":[{"status":")") + name + R"("}]}})");
    EXPECT_EQ(b.broadcast_urls->rtmp.at(0).status, status) << name;
  }
}

TEST(BroadcastParse, NumbersAsStringsAndAlternativeSpellings) {
  Broadcast b = Parse(R"({"id":"b","partnerId":"654321","createdAt":"1000","maxDuration":"300",
                          "maxBitRate":"1500000","hasAudio":"false"})");
  EXPECT_EQ(b.project_id, 654321);
  EXPECT_EQ(b.created_at, Millis(1000));
  EXPECT_EQ(b.max_duration, 300);
  EXPECT_EQ(b.max_bitrate, 1500000) << "the PHP SDK's maxBitRate spelling";
  EXPECT_FALSE(b.has_audio);
}

TEST(BroadcastParse, AbsentFieldsTakeDefaults) {
  Broadcast b = Parse(R"({"id":"b"})");
  EXPECT_EQ(b.status, BroadcastStatus::kUnknown);
  EXPECT_EQ(b.stream_mode, StreamMode::kAuto);
  EXPECT_TRUE(b.has_audio);
  EXPECT_TRUE(b.has_video);
  EXPECT_FALSE(b.max_bitrate.has_value());
  EXPECT_FALSE(b.hls_settings.has_value());
  EXPECT_FALSE(b.broadcast_urls.has_value());
  EXPECT_TRUE(b.streams.empty());
}

TEST(BroadcastParse, RtmpOutputsKeyedByIdAreRead) {
  // The PHP SDK's fixtures send an object keyed by output id instead of an array.
  Broadcast b = Parse(R"({"id":"b","broadcastUrls":{"rtmp":{"foo":{"id":"foo","serverUrl":"rtmp://x","status":"live"}}}})");
  ASSERT_EQ(b.broadcast_urls->rtmp.size(), 1u);
  EXPECT_EQ(b.broadcast_urls->rtmp[0].server_url, "rtmp://x");
}

TEST(BroadcastParse, WrongShapesAreInvalidResponses) {
  for (std::string body : {R"({"status":"started"})", R"({"id":""})", R"({"id":"b","maxDuration":"long"})",
                           R"({"id":"b","broadcastUrls":"x"})", R"({"id":"b","broadcastUrls":{"rtmp":5}})",
                           R"({"id":"b","broadcastUrls":{"rtmp":[5]}})", R"({"id":"b","settings":{"hls":true}})",
                           R"({"id":"b","streams":{}})", R"([1])", "null"}) {
    TestClient t;
    t.transport->Enqueue(JsonResponse(200, body));
    try {
      t.client.GetBroadcast(kBroadcastId);
      ADD_FAILURE() << "expected InvalidResponseException for " << body;
    } catch (InvalidResponseException const& e) {
      EXPECT_EQ(e.http_status(), 200);
      EXPECT_EQ(e.body(), body);
    }
  }
}

TEST(BroadcastListParse, ReadsCountAndItems) {
  TestClient t;
  t.transport->Enqueue(JsonResponse(200, std::string(R"({"count": 12, "items": [)") + kBroadcastJson +
                                             R"(, {"id":"b2","status":"stopped","broadcastUrls":null}]})"));
  BroadcastList list = t.client.ListBroadcasts(0, 2);
  EXPECT_EQ(list.total_count, 12);
  ASSERT_EQ(list.items.size(), 2u);
  EXPECT_EQ(list.items[0].id, kBroadcastId);
  EXPECT_EQ(list.items[1].status, BroadcastStatus::kStopped);
}

TEST(BroadcastListParse, MissingItemsIsInvalid) {
  TestClient t;
  t.transport->Enqueue(JsonResponse(200, R"({"count":3})"));
  EXPECT_THROW(t.client.ListBroadcasts(), InvalidResponseException);
}

}  // namespace
}  // namespace opentok
