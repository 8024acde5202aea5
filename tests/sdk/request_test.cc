// Every SDK method against a scripted transport: exact method, URL (path and query),
// headers (the X-OPENTOK-AUTH JWT decoded and its signature checked with OpenSSL) and body.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "independent_verify.h"
#include "opentok/opentok.h"
#include "opentok/testing/matchers.h"
#include "request_checks.h"
#include "test_client.h"

namespace opentok {
namespace {

using testing_util::ExpectCommonHeaders;
using testing::HeaderValue;
using testing::JsonResponse;
using testing_util::kApiSecret;
using testing_util::kArchiveId;
using testing_util::kArchiveJson;
using testing_util::kNow;
using testing_util::kSessionId;
using testing_util::TestClient;
using ::testing::ElementsAre;
using ::testing::Not;
using ::testing::Pair;

constexpr char kBase[] = "https://api.example.test";
constexpr char kArchiveBase[] = "https://api.example.test/v2/project/123456/archive";
constexpr char kSessionJson[] = R"([{"session_id":"SESSION-1","project_id":"123456","partner_id":"123456",
  "create_dt":"Sun Sep 15 21:56:28 PDT 2024","media_server_url":""}])";

TEST(CreateSession, DefaultsSendRelayedManualForm) {
  TestClient t;
  t.transport->Enqueue(JsonResponse(200, kSessionJson));
  Session session = t.client.CreateSession();
  EXPECT_EQ(session, (Session{.id = "SESSION-1", .location = "", .media_mode = MediaMode::kRelayed,
                              .archive_mode = ArchiveMode::kManual, .e2ee = false}));
  auto request = t.transport->single_request();
  EXPECT_EQ(request.method, HttpMethod::kPost);
  EXPECT_EQ(request.url, std::string(kBase) + "/session/create");
  ExpectCommonHeaders(request, "jti-1");
  EXPECT_EQ(HeaderValue(request.headers, "Content-Type"), "application/x-www-form-urlencoded");
  EXPECT_EQ(request.body, "archiveMode=manual&p2p.preference=enabled");
}

TEST(CreateSession, SendsEveryOption) {
  TestClient t;
  t.transport->Enqueue(JsonResponse(200, kSessionJson));
  Session session = t.client.CreateSession(SessionOptions{.location = "10.1.200.30",
                                                          .media_mode = MediaMode::kRouted,
                                                          .archive_mode = ArchiveMode::kAlways,
                                                          .archive_name = "auto rec",
                                                          .archive_resolution = "1280x720"});
  EXPECT_EQ(session.location, "10.1.200.30");
  EXPECT_EQ(session.media_mode, MediaMode::kRouted);
  EXPECT_EQ(session.archive_mode, ArchiveMode::kAlways);
  EXPECT_EQ(t.transport->single_request().body,
            "archiveMode=always&p2p.preference=disabled&location=10.1.200.30&archiveName=auto%20rec"
            "&archiveResolution=1280x720");
}

TEST(CreateSession, PositionalOverloadAndE2ee) {
  TestClient t;
  t.transport->Enqueue(JsonResponse(200, kSessionJson));
  t.transport->Enqueue(JsonResponse(200, kSessionJson));
  t.client.CreateSession("127.0.0.1", MediaMode::kRouted);
  Session e2ee = t.client.CreateSession(SessionOptions{.media_mode = MediaMode::kRouted, .e2ee = true});
  EXPECT_TRUE(e2ee.e2ee);
  auto requests = t.transport->requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].body, "archiveMode=manual&p2p.preference=disabled&location=127.0.0.1");
  EXPECT_EQ(requests[1].body, "archiveMode=manual&p2p.preference=disabled&e2ee=true");
}

TEST(CreateSession, ParsesTheXmlFormWhenTheServiceAnswersXml) {
  TestClient t;
  t.transport->Enqueue(HttpResponse{
      .status = 200,
      .headers = {{"Content-Type", "text/xml"}},
      .body = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sessions><Session>)"
              R"(<session_id>XML-SESSION</session_id><partner_id>123456</partner_id></Session></sessions>)"});
  EXPECT_EQ(t.client.CreateSession().id, "XML-SESSION");
}

TEST(CreateSession, AcceptsASingleObjectToo) {
  TestClient t;
  t.transport->Enqueue(JsonResponse(200, R"({"session_id":"OBJ"})"));
  EXPECT_EQ(t.client.CreateSession().id, "OBJ");
}

TEST(StartArchive, PositionalDefaultsSendTheMinimalBody) {
  TestClient t;
  t.transport->Enqueue(JsonResponse(200, kArchiveJson));
  Archive archive = t.client.StartArchive(kSessionId);
  EXPECT_EQ(archive.id, kArchiveId);
  auto request = t.transport->single_request();
  EXPECT_EQ(request.method, HttpMethod::kPost);
  EXPECT_EQ(request.url, kArchiveBase);
  ExpectCommonHeaders(request, "jti-1");
  EXPECT_EQ(HeaderValue(request.headers, "Content-Type"), "application/json");
  EXPECT_EQ(nlohmann::json::parse(request.body), nlohmann::json::parse(R"({
      "sessionId": "1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4",
      "hasAudio": true, "hasVideo": true, "outputMode": "composed", "streamMode": "auto"})"));
}

TEST(StartArchive, PositionalArgumentsMapToTheBody) {
  TestClient t;
  t.transport->Enqueue(JsonResponse(200, kArchiveJson));
  t.client.StartArchive(kSessionId, "my name", /*has_video=*/false, /*has_audio=*/true, OutputMode::kIndividual);
  auto body = nlohmann::json::parse(t.transport->single_request().body);
  EXPECT_EQ(body.at("name"), "my name");
  EXPECT_EQ(body.at("hasVideo"), false);
  EXPECT_EQ(body.at("hasAudio"), true);
  EXPECT_EQ(body.at("outputMode"), "individual");
}

TEST(StartArchive, OptionsStructSendsEveryField) {
  TestClient t;
  t.transport->Enqueue(JsonResponse(200, kArchiveJson));
  t.client.StartArchive(kSessionId, StartArchiveOptions{.name = "full",
                                                        .resolution = "1920x1080",
                                                        .stream_mode = StreamMode::kManual,
                                                        .layout = ArchiveLayout{.type = "bestFit", .screenshare_type = "pip"},
                                                        .multi_archive_tag = "tag-1",
                                                        .max_bitrate = 2'000'000});
  EXPECT_EQ(nlohmann::json::parse(t.transport->single_request().body), nlohmann::json::parse(R"({
      "sessionId": "1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4",
      "name": "full", "hasAudio": true, "hasVideo": true, "outputMode": "composed", "resolution": "1920x1080",
      "streamMode": "manual", "layout": {"type": "bestFit", "screenshareType": "pip"},
      "multiArchiveTag": "tag-1", "maxBitrate": 2000000})"));
}

TEST(StartArchive, CustomLayoutAndQuantization) {
  TestClient t;
  t.transport->Enqueue(JsonResponse(200, kArchiveJson));
  t.client.StartArchive(kSessionId, StartArchiveOptions{.layout = ArchiveLayout{.type = "custom", .stylesheet = "s {}"},
                                                        .quantization_parameter = 20});
  auto body = nlohmann::json::parse(t.transport->single_request().body);
  EXPECT_EQ(body.at("layout"), nlohmann::json::parse(R"({"type":"custom","stylesheet":"s {}"})"));
  EXPECT_EQ(body.at("quantizationParameter"), 20);
  EXPECT_FALSE(body.contains("maxBitrate"));
}

TEST(StopArchive, PostsToStopWithoutBody) {
  TestClient t;
  t.transport->Enqueue(JsonResponse(200, kArchiveJson));
  t.client.StopArchive(kArchiveId);
  auto request = t.transport->single_request();
  EXPECT_EQ(request.method, HttpMethod::kPost);
  EXPECT_EQ(request.url, std::string(kArchiveBase) + "/" + kArchiveId + "/stop");
  ExpectCommonHeaders(request, "jti-1");
  EXPECT_EQ(request.body, "");
  EXPECT_THAT(request, Not(testing::HasHeader("Content-Type")));
}

TEST(GetArchive, GetsTheArchive) {
  TestClient t;
  t.transport->Enqueue(JsonResponse(200, kArchiveJson));
  EXPECT_EQ(t.client.GetArchive(kArchiveId).id, kArchiveId);
  auto request = t.transport->single_request();
  EXPECT_EQ(request.method, HttpMethod::kGet);
  EXPECT_EQ(request.url, std::string(kArchiveBase) + "/" + kArchiveId);
  ExpectCommonHeaders(request, "jti-1");
  EXPECT_EQ(request.body, "");
}

TEST(GetArchive, PercentEncodesIdsIntoOnePathSegment) {
  TestClient t;
  t.transport->Enqueue(JsonResponse(200, kArchiveJson));
  t.transport->Enqueue(JsonResponse(200, kArchiveJson));
  t.client.GetArchive("../a b/?x#");
  t.client.StopArchive("id/with/slashes");
  auto requests = t.transport->requests();
  EXPECT_EQ(requests[0].url, std::string(kArchiveBase) + "/..%2Fa%20b%2F%3Fx%23");
  EXPECT_EQ(requests[1].url, std::string(kArchiveBase) + "/id%2Fwith%2Fslashes/stop");
}

TEST(DeleteArchive, DeletesAndAcceptsNoContent) {
  TestClient t;
  t.transport->Enqueue(HttpResponse{.status = 204});
  t.client.DeleteArchive(kArchiveId);
  auto request = t.transport->single_request();
  EXPECT_EQ(request.method, HttpMethod::kDelete);
  EXPECT_EQ(request.url, std::string(kArchiveBase) + "/" + kArchiveId);
  ExpectCommonHeaders(request, "jti-1");
  EXPECT_EQ(request.body, "");
}

TEST(ListArchives, DefaultIsOffsetZeroCount1000) {
  TestClient t;
  t.transport->Enqueue(JsonResponse(200, R"({"count":0,"items":[]})"));
  t.client.ListArchives();
  auto request = t.transport->single_request();
  EXPECT_EQ(request.method, HttpMethod::kGet);
  EXPECT_EQ(request.url, std::string(kArchiveBase) + "?offset=0&count=1000");
  ExpectCommonHeaders(request, "jti-1");
}

TEST(ListArchives, PageAndSessionFilter) {
  TestClient t;
  t.transport->Enqueue(JsonResponse(200, R"({"count":0,"items":[]})"));
  t.transport->Enqueue(JsonResponse(200, R"({"count":0,"items":[]})"));
  t.client.ListArchives(5, 50);
  t.client.ListArchives(0, 1, kSessionId);
  auto requests = t.transport->requests();
  EXPECT_EQ(requests[0].url, std::string(kArchiveBase) + "?offset=5&count=50");
  EXPECT_EQ(requests[1].url, std::string(kArchiveBase) + "?offset=0&count=1&sessionId=" + kSessionId);
}

TEST(RestAuth, EveryRequestGetsAFreshTokenAndUniqueJti) {
  TestClient t;
  for (int i = 0; i < 3; ++i) t.transport->Enqueue(JsonResponse(200, kArchiveJson));
  t.client.GetArchive("a");
  t.clock->Set(kNow + 42);
  t.client.GetArchive("b");
  t.client.GetArchive("c");
  std::set<std::string> jtis;
  std::vector<std::int64_t> iats;
  for (auto const& request : t.transport->requests()) {
    auto auth = testing_util::DecodeJwt(HeaderValue(request.headers, "X-OPENTOK-AUTH"), kApiSecret);
    EXPECT_TRUE(auth.signature_valid);
    jtis.insert(auth.payload.at("jti").get<std::string>());
    iats.push_back(auth.payload.at("iat").get<std::int64_t>());
    EXPECT_EQ(auth.payload.at("exp").get<std::int64_t>(), iats.back() + 300);
  }
  EXPECT_EQ(jtis.size(), 3u);
  EXPECT_THAT(iats, ElementsAre(kNow, kNow + 42, kNow + 42));
}

TEST(ClientOptionsEffect, UserAgentSuffixAndApiUrlPrefix) {
  TestClient t(ClientOptions{.api_url = "http://127.0.0.1:8080/opentok/", .user_agent_suffix = "my-app/1.2"});
  t.transport->Enqueue(JsonResponse(200, kArchiveJson));
  t.client.GetArchive("x");
  auto request = t.transport->single_request();
  EXPECT_EQ(request.url, "http://127.0.0.1:8080/opentok/v2/project/123456/archive/x");
  EXPECT_EQ(HeaderValue(request.headers, "User-Agent"), std::string("OpenTok-CPP-SDK/") + kSdkVersion + " my-app/1.2");
  EXPECT_EQ(t.client.api_url(), "http://127.0.0.1:8080/opentok");
}

TEST(Accessors, KeySecretAndUrl) {
  OpenTok by_number(123456, "secret");
  EXPECT_EQ(by_number.api_key(), 123456);
  EXPECT_EQ(by_number.api_secret(), "secret");
  EXPECT_EQ(by_number.api_url(), kDefaultApiUrl);
  OpenTok by_text(std::string_view("123456"), "secret", "http://localhost:1234");
  EXPECT_EQ(by_text.api_key(), 123456);
  EXPECT_EQ(by_text.api_url(), "http://localhost:1234");
}

TEST(Accessors, CopiesAndMovedFromObjectsShareAndStayUsable) {
  TestClient t;
  OpenTok copy = t.client;
  OpenTok moved = std::move(copy);
  EXPECT_EQ(moved.api_key(), 123456);
  EXPECT_EQ(copy.api_key(), 123456);  // NOLINT(bugprone-use-after-move): documented as usable
  t.transport->Enqueue(JsonResponse(200, kArchiveJson));
  moved.GetArchive("x");
  EXPECT_EQ(t.transport->requests().size(), 1u) << "copies share the transport";
}

}  // namespace
}  // namespace opentok
