// Parsing of every Archive field, lenient reading, and archive lists.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "opentok/opentok.h"
#include "test_client.h"

namespace opentok {
namespace {

using testing::JsonResponse;
using testing_util::kArchiveId;
using testing_util::kSessionId;
using testing_util::TestClient;

std::chrono::system_clock::time_point Millis(std::int64_t ms) {
  return std::chrono::system_clock::time_point(std::chrono::milliseconds(ms));
}

Archive Parse(std::string const& json) {
  TestClient t;
  t.transport->Enqueue(JsonResponse(200, json));
  return t.client.GetArchive(kArchiveId);
}

TEST(ArchiveParse, ReadsEveryField) {
  Archive a = Parse(R"({
    "id": "30b3ebf1-ba36-4f5b-8def-6f70d9986fe9", "status": "available", "name": "demo",
    "reason": "user initiated", "sessionId": "SESSION", "projectId": 123456, "partnerId": 123456,
    "createdAt": 1727870434974, "updatedAt": 1727870500000, "size": 1234567, "duration": 62,
    "outputMode": "individual", "streamMode": "manual", "hasAudio": false, "hasVideo": true,
    "resolution": "1280x720", "url": "https://example.test/archive.mp4", "password": "pw",
    "sha256sum": "abc=", "multiArchiveTag": "tag", "maxBitrate": 2000000, "quantizationParameter": 25,
    "streams": [{"streamId": "s1", "hasAudio": true, "hasVideo": false}, {"streamId": "s2"}],
    "event": "archive", "hasTranscription": false, "someFutureField": {"nested": [1, 2]}})");
  Archive expected;
  expected.id = kArchiveId;
  expected.status = ArchiveStatus::kAvailable;
  expected.status_name = "available";
  expected.name = "demo";
  expected.reason = "user initiated";
  expected.session_id = "SESSION";
  expected.project_id = 123456;
  expected.created_at = Millis(1727870434974);
  expected.updated_at = Millis(1727870500000);
  expected.size = 1234567;
  expected.duration = 62;
  expected.output_mode = OutputMode::kIndividual;
  expected.stream_mode = StreamMode::kManual;
  expected.has_audio = false;
  expected.has_video = true;
  expected.resolution = "1280x720";
  expected.url = "https://example.test/archive.mp4";
  expected.password = "pw";
  expected.sha256sum = "abc=";
  expected.multi_archive_tag = "tag";
  expected.max_bitrate = 2000000;
  expected.quantization_parameter = 25;
  expected.streams = {{.stream_id = "s1", .has_audio = true, .has_video = false},
                      {.stream_id = "s2", .has_audio = true, .has_video = true}};
  EXPECT_EQ(a, expected);
}

TEST(ArchiveParse, EveryKnownStatus) {
  for (auto [name, status] : {std::pair{"started", ArchiveStatus::kStarted}, std::pair{"paused", ArchiveStatus::kPaused},
                              std::pair{"stopped", ArchiveStatus::kStopped}, std::pair{"uploaded", ArchiveStatus::kUploaded},
                              std::pair{"available", ArchiveStatus::kAvailable},
                              std::pair{"expired", ArchiveStatus::kExpired}, std::pair{"failed", ArchiveStatus::kFailed},
                              std::pair{"deleted", ArchiveStatus::kDeleted}}) {
    Archive a = Parse(std::string(R"({"id":"a","status":")") + name + R"("})");
    EXPECT_EQ(a.status, status) << name;
    EXPECT_EQ(a.status_name, name);
  }
}

TEST(ArchiveParse, UnknownEnumValuesAreKeptAsUnknown) {
  Archive a = Parse(R"({"id":"a","status":"hibernating","outputMode":"holographic","streamMode":"psychic"})");
  EXPECT_EQ(a.status, ArchiveStatus::kUnknown);
  EXPECT_EQ(a.status_name, "hibernating");
  EXPECT_EQ(a.output_mode, OutputMode::kUnknown);
  EXPECT_EQ(a.stream_mode, StreamMode::kUnknown);
}

TEST(ArchiveParse, NullsAndAbsentFieldsTakeDefaults) {
  Archive a = Parse(R"({"id":"a","name":null,"url":null,"maxBitrate":null,"size":null})");
  EXPECT_EQ(a.name, "");
  EXPECT_FALSE(a.url.has_value());
  EXPECT_FALSE(a.max_bitrate.has_value());
  EXPECT_FALSE(a.quantization_parameter.has_value());
  EXPECT_EQ(a.size, 0);
  EXPECT_EQ(a.status, ArchiveStatus::kUnknown);
  EXPECT_EQ(a.output_mode, OutputMode::kComposed);  // the service default
  EXPECT_EQ(a.stream_mode, StreamMode::kAuto);
  EXPECT_TRUE(a.has_audio);
  EXPECT_TRUE(a.has_video);
  EXPECT_TRUE(a.streams.empty());
}

TEST(ArchiveParse, NumbersAsStringsAndPartnerIdOnly) {
  Archive a = Parse(R"({"id":"a","partnerId":"654321","createdAt":"1000","size":"42","duration":1.0})");
  EXPECT_EQ(a.project_id, 654321);
  EXPECT_EQ(a.created_at, Millis(1000));
  EXPECT_EQ(a.size, 42);
  EXPECT_EQ(a.duration, 1);
}

TEST(ArchiveParse, WrongShapesAreInvalidResponses) {
  for (std::string body : {R"({"status":"started"})", R"({"id":""})", R"({"id":"a","size":"big"})",
                           R"({"id":"a","name":42})", R"({"id":"a","url":5})", R"({"id":"a","streams":{}})",
                           R"({"id":"a","hasAudio":"maybe"})", R"([1,2])", "null"}) {
    TestClient t;
    t.transport->Enqueue(JsonResponse(200, body));
    try {
      t.client.GetArchive(kArchiveId);
      ADD_FAILURE() << "expected InvalidResponseException for " << body;
    } catch (InvalidResponseException const& e) {
      EXPECT_EQ(e.http_status(), 200);
      EXPECT_EQ(e.body(), body);
    }
  }
}

TEST(ArchiveListParse, ReadsCountAndItems) {
  TestClient t;
  t.transport->Enqueue(JsonResponse(200, R"({"count": 7, "items": [
      {"id":"a1","status":"started","sessionId":"S"}, {"id":"a2","status":"available","url":"u"}]})"));
  ArchiveList list = t.client.ListArchives();
  EXPECT_EQ(list.total_count, 7);
  ASSERT_EQ(list.items.size(), 2u);
  EXPECT_EQ(list.items[0].id, "a1");
  EXPECT_EQ(list.items[0].session_id, "S");
  EXPECT_EQ(list.items[1].url, "u");
}

TEST(ArchiveListParse, MissingCountUsesItemCount) {
  TestClient t;
  t.transport->Enqueue(JsonResponse(200, R"({"items":[{"id":"a1"}]})"));
  EXPECT_EQ(t.client.ListArchives(0, 10, kSessionId).total_count, 1);
}

TEST(ArchiveListParse, MissingItemsIsInvalid) {
  TestClient t;
  t.transport->Enqueue(JsonResponse(200, R"({"count":3})"));
  EXPECT_THROW(t.client.ListArchives(), InvalidResponseException);
}

}  // namespace
}  // namespace opentok
