// The layout and the stream selection of a recording archive against a scripted
// transport: exact method, URL, headers and JSON body.
#include <gtest/gtest.h>

#include "opentok/opentok.h"
#include "request_checks.h"
#include "test_client.h"

namespace opentok {
namespace {

using testing_util::ExpectJsonRequest;
using testing::JsonResponse;
using testing_util::kArchiveId;
using testing_util::kArchiveJson;
using testing_util::kStreamId;
using testing_util::TestClient;

std::string ArchiveUrl(std::string const& suffix) {
  return std::string("https://api.example.test/v2/project/123456/archive/") + kArchiveId + suffix;
}

TEST(SetArchiveLayout, PutsEachLayoutKind) {
  struct Case {
    ArchiveLayout layout;
    char const* body;
  };
  for (auto const& [layout, body] :
       {Case{{}, R"({"type":"bestFit"})"},
        Case{{.type = "horizontalPresentation"}, R"({"type":"horizontalPresentation"})"},
        Case{{.type = "custom", .stylesheet = "stream { float: left; }"},
             R"({"type":"custom","stylesheet":"stream { float: left; }"})"},
        Case{{.type = "bestFit", .screenshare_type = "pip"}, R"({"type":"bestFit","screenshareType":"pip"})"}}) {
    TestClient t;
    t.transport->Enqueue(JsonResponse(200, kArchiveJson));
    t.client.SetArchiveLayout(kArchiveId, layout);
    ExpectJsonRequest(t.transport->single_request(), HttpMethod::kPut, ArchiveUrl("/layout"), body);
  }
}

TEST(SetArchiveLayout, AnswerBodyIsNotRequired) {
  TestClient t;
  t.transport->Enqueue(HttpResponse{.status = 200});
  EXPECT_NO_THROW(t.client.SetArchiveLayout(kArchiveId, ArchiveLayout{.type = "pip"}));
}

TEST(ArchiveStreams, AddWithMediaFlags) {
  TestClient t;
  t.transport->Enqueue(HttpResponse{.status = 204});
  t.client.AddStreamToArchive(kArchiveId, kStreamId, /*has_audio=*/false, /*has_video=*/true);
  ExpectJsonRequest(t.transport->single_request(), HttpMethod::kPatch, ArchiveUrl("/streams"),
                    R"({"addStream":"8b732909-0a06-46a2-8ea8-074e64d43422","hasAudio":false,"hasVideo":true})");
}

TEST(ArchiveStreams, AddDefaultsToAudioAndVideo) {
  TestClient t;
  t.transport->Enqueue(HttpResponse{.status = 204});
  t.client.AddStreamToArchive(kArchiveId, kStreamId);
  EXPECT_EQ(t.transport->single_request().body,
            R"({"addStream":"8b732909-0a06-46a2-8ea8-074e64d43422","hasAudio":true,"hasVideo":true})")
      << "member order as documented";
}

TEST(ArchiveStreams, Remove) {
  TestClient t;
  t.transport->Enqueue(HttpResponse{.status = 204});
  t.client.RemoveStreamFromArchive(kArchiveId, kStreamId);
  ExpectJsonRequest(t.transport->single_request(), HttpMethod::kPatch, ArchiveUrl("/streams"),
                    R"({"removeStream":"8b732909-0a06-46a2-8ea8-074e64d43422"})");
}

TEST(ArchiveStreams, AutoStreamModeSurfacesAsConflictWithStatus405) {
  TestClient t;
  t.transport->Enqueue(JsonResponse(405, R"({"code":405,"message":"The archive's stream mode is auto"})"));
  try {
    t.client.AddStreamToArchive(kArchiveId, kStreamId);
    FAIL() << "expected ConflictException";
  } catch (ConflictException const& e) {
    EXPECT_EQ(e.http_status(), 405);
    EXPECT_EQ(e.service_message(), "The archive's stream mode is auto");
    EXPECT_STREQ(e.what(), "AddStreamToArchive failed: HTTP 405 Method Not Allowed (code 405): The archive's stream "
                           "mode is auto");
  }
}

}  // namespace
}  // namespace opentok
