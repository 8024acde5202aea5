// Streams of a session against a scripted transport: GetStream, ListStreams and
// SetStreamClassLists requests, and the decoding of the stream object.
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
using testing_util::kSessionId;
using testing_util::kStreamId;
using testing_util::kStreamJson;
using testing_util::TestClient;

std::string StreamsUrl(std::string const& suffix = "") {
  return std::string("https://api.example.test/v2/project/123456/session/") + kSessionId + "/stream" + suffix;
}

TEST(GetStream, GetsAndDecodesTheStream) {
  TestClient t;
  t.transport->Enqueue(JsonResponse(200, kStreamJson));
  Stream stream = t.client.GetStream(kSessionId, kStreamId);
  EXPECT_EQ(stream, (Stream{.id = kStreamId,
                            .video_type = VideoType::kScreen,
                            .video_type_name = "screen",
                            .name = "presenter",
                            .layout_class_list = {"full", "focus"}}));
  ExpectBodilessRequest(t.transport->single_request(), HttpMethod::kGet, StreamsUrl(std::string("/") + kStreamId));
}

TEST(GetStream, IdsAreEncodedAsOnePathSegmentEach) {
  TestClient t;
  t.transport->Enqueue(JsonResponse(200, kStreamJson));
  t.client.GetStream("s/1", "x y");
  EXPECT_EQ(t.transport->single_request().url, "https://api.example.test/v2/project/123456/session/s%2F1/stream/x%20y");
}

TEST(ListStreams, ReadsCountAndItems) {
  TestClient t;
  t.transport->Enqueue(JsonResponse(200, std::string(R"({"count":2,"items":[)") + kStreamJson +
                                             R"(,{"id":"s2","videoType":"camera","name":"","layoutClassList":[]}]})"));
  StreamList list = t.client.ListStreams(kSessionId);
  ExpectBodilessRequest(t.transport->single_request(), HttpMethod::kGet, StreamsUrl());
  EXPECT_EQ(list.total_count, 2);
  ASSERT_EQ(list.items.size(), 2u);
  EXPECT_EQ(list.items[0].id, kStreamId);
  EXPECT_EQ(list.items[1].video_type, VideoType::kCamera);
  EXPECT_TRUE(list.items[1].layout_class_list.empty());
}

TEST(StreamParse, EveryVideoTypeAndUnknownOnes) {
  for (auto [name, type] : {std::pair{"camera", VideoType::kCamera}, std::pair{"screen", VideoType::kScreen},
                            std::pair{"custom", VideoType::kCustom}, std::pair{"hologram", VideoType::kUnknown}}) {
    TestClient t;
    t.transport->Enqueue(JsonResponse(200, std::string(R"({"id":"s","videoType":")") + name + R"("})"));
    Stream stream = t.client.GetStream(kSessionId, "s");
    EXPECT_EQ(stream.video_type, type) << name;
    EXPECT_EQ(stream.video_type_name, name);
  }
}

TEST(StreamParse, NullsAndAbsentFieldsTakeDefaults) {
  TestClient t;
  t.transport->Enqueue(JsonResponse(200, R"({"id":"s","name":null,"layoutClassList":null})"));
  Stream stream = t.client.GetStream(kSessionId, "s");
  EXPECT_EQ(stream.name, "");
  EXPECT_EQ(stream.video_type, VideoType::kUnknown);
  EXPECT_TRUE(stream.layout_class_list.empty());
}

TEST(StreamParse, WrongShapesAreInvalidResponses) {
  for (std::string body : {R"({"name":"x"})", R"({"id":"s","layoutClassList":"full"})",
                           R"({"id":"s","layoutClassList":[1]})", R"({"id":"s","videoType":3})", "[]"}) {
    TestClient t;
    t.transport->Enqueue(JsonResponse(200, body));
    EXPECT_THROW(t.client.GetStream(kSessionId, "s"), InvalidResponseException) << body;
  }
  TestClient t;
  t.transport->Enqueue(JsonResponse(200, R"({"count":1})"));
  EXPECT_THROW(t.client.ListStreams(kSessionId), InvalidResponseException);
}

TEST(SetStreamClassLists, PutsEveryItemInOrder) {
  TestClient t;
  t.transport->Enqueue(HttpResponse{.status = 200});
  t.client.SetStreamClassLists(kSessionId, {{.stream_id = kStreamId, .layout_class_list = {"full", "focus"}},
                                            {.stream_id = "s2", .layout_class_list = {}}});
  auto request = t.transport->single_request();
  ExpectJsonRequest(request, HttpMethod::kPut, StreamsUrl(), R"({"items":[
      {"id":"8b732909-0a06-46a2-8ea8-074e64d43422","layoutClassList":["full","focus"]},
      {"id":"s2","layoutClassList":[]}]})");
  auto items = nlohmann::json::parse(request.body).at("items");
  EXPECT_TRUE(items.at(1).at("layoutClassList").is_array()) << "an empty list is still an array, not null";
}

TEST(SetStreamClassLists, ServiceRejectionNamesTheItem) {
  TestClient t;
  t.transport->Enqueue(JsonResponse(400, R"({"code":400,"message":"items[1]: unknown stream"})"));
  try {
    t.client.SetStreamClassLists(kSessionId, {{.stream_id = "a"}, {.stream_id = "b"}});
    FAIL();
  } catch (RequestException const& e) {
    EXPECT_EQ(e.http_status(), 400);
    EXPECT_EQ(e.service_message(), "items[1]: unknown stream");
    EXPECT_THAT(std::string(e.what()), ::testing::HasSubstr("SetStreamClassLists failed: HTTP 400"));
  }
}

}  // namespace
}  // namespace opentok
