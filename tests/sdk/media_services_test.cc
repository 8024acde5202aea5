// SIP calls and DTMF, live captions, Experience Composer renders and the Audio Connector
// against a scripted transport: the exact request of every call (method, URL, headers,
// JSON body), success on 200, 202 and 204, and the decoding of every answer, also lenient
// reading and the rejection of wrong shapes.
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
using testing_util::TestClient;

constexpr char kProjectUrl[] = "https://api.example.test/v2/project/123456";
constexpr char kToken[] = "T1==client-token";
constexpr char kCallId[] = "b0a5a8c7-10fd-4e2b-a5d8-8c8f1e6e4c2d";
constexpr char kConnectionId[] = "5e3a7b2c-7e41-4a9c-9d0b-53e8c8f0c7a1";
constexpr char kCaptionsId[] = "7c0680fc-6274-4de5-a66f-d0648e8d3ac2";
constexpr char kRenderId[] = "1248e707-0b8a-4c4d-9c2f-8d0a6e3a0c22";

constexpr char kSipCallJson[] = R"({"id":"b0a5a8c7-10fd-4e2b-a5d8-8c8f1e6e4c2d","projectId":"123456",
  "sessionId":"S","connectionId":"5e3a7b2c-7e41-4a9c-9d0b-53e8c8f0c7a1",
  "streamId":"8b732909-0a06-46a2-8ea8-074e64d43422","createdAt":1727870434974,"updatedAt":1727870434974})";

constexpr char kRenderJson[] = R"({"id":"1248e707-0b8a-4c4d-9c2f-8d0a6e3a0c22","sessionId":"S",
  "projectId":"123456","createdAt":1727870434974,"updatedAt":1727870436974,
  "url":"https://example.test/composer","resolution":"1280x720","status":"started",
  "streamId":"8b732909-0a06-46a2-8ea8-074e64d43422","name":"Composed","callbackUrl":"https://example.test/cb",
  "event":"render"})";

std::string Url(std::string const& suffix) { return kProjectUrl + suffix; }

std::chrono::system_clock::time_point Millis(std::int64_t ms) {
  return std::chrono::system_clock::time_point(std::chrono::milliseconds(ms));
}

// Runs `call` against `body` served with status 200 and expects InvalidResponseException.
template <typename Call>
void ExpectInvalid(std::string const& body, Call call) {
  TestClient t;
  t.transport->Enqueue(JsonResponse(200, body));
  try {
    call(t.client);
    ADD_FAILURE() << "expected InvalidResponseException for " << body;
  } catch (InvalidResponseException const& e) {
    EXPECT_EQ(e.body(), body);
  }
}

// ---- SIP ----

TEST(Dial, MinimalBodyAlwaysCarriesTheBooleans) {
  TestClient t;
  t.transport->Enqueue(JsonResponse(200, kSipCallJson));
  SipCall call = t.client.Dial(kSessionId, kToken, "sip:user@sip.example.test");
  EXPECT_EQ(call, (SipCall{.id = kCallId, .connection_id = kConnectionId, .stream_id = kStreamId}));
  ExpectJsonRequest(t.transport->single_request(), HttpMethod::kPost, Url("/dial"), R"({
      "sessionId": "1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4",
      "token": "T1==client-token",
      "sip": {"uri": "sip:user@sip.example.test", "secure": false, "video": false, "observeForceMute": false}})");
}

TEST(Dial, EveryOptionMapsToTheBody) {
  TestClient t;
  t.transport->Enqueue(JsonResponse(200, kSipCallJson));
  t.client.Dial(kSessionId, kToken, "sips:user@sip.example.test;transport=tls",
                DialOptions{.from = "from@example.test",
                            .headers = {{"X-Custom", "v"}, {"X-Other", "w"}},
                            .auth = SipAuth{.username = "u", .password = "p"},
                            .secure = true,
                            .video = true,
                            .observe_force_mute = true,
                            .streams = {kStreamId}});
  ExpectJsonRequest(t.transport->single_request(), HttpMethod::kPost, Url("/dial"), R"({
      "sessionId": "1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4",
      "token": "T1==client-token",
      "sip": {"uri": "sips:user@sip.example.test;transport=tls", "from": "from@example.test",
              "headers": {"X-Custom": "v", "X-Other": "w"}, "auth": {"username": "u", "password": "p"},
              "secure": true, "video": true, "observeForceMute": true,
              "streams": ["8b732909-0a06-46a2-8ea8-074e64d43422"]}})");
}

TEST(Dial, RelayedSessionIsAConflict) {
  TestClient t;
  t.transport->Enqueue(JsonResponse(409, R"({"code":409,"message":"A SIP call should use the OpenTok routed mode."})"));
  try {
    t.client.Dial(kSessionId, kToken, "sip:a@b");
    ADD_FAILURE() << "not thrown";
  } catch (ConflictException const& e) {
    EXPECT_EQ(e.service_message(), "A SIP call should use the OpenTok routed mode.");
    EXPECT_EQ(std::string(e.what()).find(kToken), std::string::npos) << "the token never shows in messages";
  }
}

TEST(Dial, AnswerDecoding) {
  TestClient t;
  t.transport->Enqueue(JsonResponse(200, R"({"id":"c","connectionId":null,"extra":[1]})"));
  EXPECT_EQ(t.client.Dial(kSessionId, kToken, "sip:a@b"), (SipCall{.id = "c"}));
  for (std::string body : {R"({"connectionId":"x"})", R"({"id":5})", "[]", ""}) {
    ExpectInvalid(body, [](OpenTok const& c) { c.Dial(kSessionId, kToken, "sip:a@b"); });
  }
}

TEST(PlayDTMF, ToTheSessionAndToOneConnection) {
  TestClient t;
  t.transport->Enqueue(HttpResponse{.status = 200});
  t.transport->Enqueue(HttpResponse{.status = 200});
  t.client.PlayDTMF(kSessionId, "1234#*p");
  t.client.PlayDTMF(kSessionId, "9", kConnectionId);
  auto requests = t.transport->requests();
  ASSERT_EQ(requests.size(), 2u);
  ExpectJsonRequest(requests[0], HttpMethod::kPost, Url(std::string("/session/") + kSessionId + "/play-dtmf"),
                    R"({"digits":"1234#*p"})");
  EXPECT_EQ(requests[1].url,
            Url(std::string("/session/") + kSessionId + "/connection/" + kConnectionId + "/play-dtmf"));
  EXPECT_EQ(requests[1].body, R"({"digits":"9"})");
}

TEST(PlayDTMF, InvalidDigitsFromTheServiceAreARequestException) {
  TestClient t;
  t.transport->Enqueue(JsonResponse(400, R"({"code":400,"message":"Invalid DTMF Digits"})"));
  try {
    t.client.PlayDTMF(kSessionId, "1");
    ADD_FAILURE() << "not thrown";
  } catch (RequestException const& e) {
    EXPECT_EQ(e.http_status(), 400);
    EXPECT_EQ(e.service_message(), "Invalid DTMF Digits");
  }
}

// ---- Live captions ----

TEST(StartLiveCaptions, DefaultsAndTheCaptionsId) {
  TestClient t;
  t.transport->Enqueue(JsonResponse(202, R"({"captionsId":"7c0680fc-6274-4de5-a66f-d0648e8d3ac2"})"));
  EXPECT_EQ(t.client.StartLiveCaptions(kSessionId, kToken), kCaptionsId);
  ExpectJsonRequest(t.transport->single_request(), HttpMethod::kPost, Url("/captions"), R"({
      "sessionId": "1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4",
      "token": "T1==client-token", "languageCode": "en-US", "partialCaptions": true})");
}

TEST(StartLiveCaptions, EveryOptionMapsToTheBody) {
  TestClient t;
  t.transport->Enqueue(JsonResponse(200, R"({"captionsId":"c"})"));
  t.client.StartLiveCaptions(kSessionId, kToken,
                             LiveCaptionsOptions{.language_code = "en-GB",
                                                 .max_duration = 300,
                                                 .partial_captions = false,
                                                 .status_callback_url = "https://example.test/captions"});
  ExpectJsonRequest(t.transport->single_request(), HttpMethod::kPost, Url("/captions"), R"({
      "sessionId": "1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4",
      "token": "T1==client-token", "languageCode": "en-GB", "maxDuration": 300, "partialCaptions": false,
      "statusCallbackUrl": "https://example.test/captions"})");
}

TEST(StartLiveCaptions, EmptyLanguageCodeLeavesTheServiceDefault) {
  TestClient t;
  t.transport->Enqueue(JsonResponse(202, R"({"captionsId":"c"})"));
  t.client.StartLiveCaptions(kSessionId, kToken, LiveCaptionsOptions{.language_code = ""});
  EXPECT_FALSE(nlohmann::json::parse(t.transport->single_request().body).contains("languageCode"));
}

TEST(StartLiveCaptions, AlreadyStartedIsAConflictWithTheServiceCode) {
  TestClient t;
  t.transport->Enqueue(JsonResponse(409, R"({"code":60003,"message":"Audio captioning is already enabled"})"));
  try {
    t.client.StartLiveCaptions(kSessionId, kToken);
    ADD_FAILURE() << "not thrown";
  } catch (ConflictException const& e) {
    EXPECT_EQ(e.error_code(), 60003);
  }
}

TEST(StartLiveCaptions, AnswerWithoutIdIsInvalid) {
  for (std::string body : {"{}", R"({"captionsId":""})", R"({"captionsId":1})", "[]", ""}) {
    ExpectInvalid(body, [](OpenTok const& c) { c.StartLiveCaptions(kSessionId, kToken); });
  }
}

TEST(StopLiveCaptions, PostsToStopWithoutBody) {
  TestClient t;
  t.transport->Enqueue(HttpResponse{.status = 202});
  t.client.StopLiveCaptions(kCaptionsId);
  ExpectBodilessRequest(t.transport->single_request(), HttpMethod::kPost,
                        Url(std::string("/captions/") + kCaptionsId + "/stop"));
}

TEST(StopLiveCaptions, UnknownOrStoppedIsNotFound) {
  TestClient t;
  t.transport->Enqueue(JsonResponse(404, R"({"message":"not found"})"));
  EXPECT_THROW(t.client.StopLiveCaptions(kCaptionsId), NotFoundException);
}

TEST(GetLiveCaptions, ReadsEveryField) {
  TestClient t;
  t.transport->Enqueue(JsonResponse(200, R"({"captionId":"7c0680fc-6274-4de5-a66f-d0648e8d3ac2",
      "projectId":"123456","sessionId":"S","status":"stopped","createdAt":1727870434974,
      "updatedAt":1727870444974,"duration":10,"languageCode":"en-US","provider":"aws-transcribe",
      "reason":"Max duration exceeded"})"));
  LiveCaptions captions = t.client.GetLiveCaptions(kCaptionsId);
  ExpectBodilessRequest(t.transport->single_request(), HttpMethod::kGet, Url(std::string("/captions/") + kCaptionsId));
  EXPECT_EQ(captions, (LiveCaptions{.id = kCaptionsId,
                                    .session_id = "S",
                                    .status = CaptionsStatus::kStopped,
                                    .status_name = "stopped",
                                    .language_code = "en-US",
                                    .provider = "aws-transcribe",
                                    .reason = "Max duration exceeded",
                                    .duration = 10,
                                    .created_at = Millis(1727870434974),
                                    .updated_at = Millis(1727870444974)}));
}

TEST(GetLiveCaptions, StatusesAndLenientReading) {
  for (auto [name, status] : {std::pair{"started", CaptionsStatus::kStarted}, std::pair{"stopped", CaptionsStatus::kStopped},
                              std::pair{"paused", CaptionsStatus::kPaused}, std::pair{"failed", CaptionsStatus::kFailed},
                              std::pair{"transcribing", CaptionsStatus::kUnknown}}) {
    TestClient t;
    t.transport->Enqueue(
        JsonResponse(200, std::string(R"({"captionsId":"c","duration":"42","reason":null,"status":")") + name + "\"}"));
    LiveCaptions captions = t.client.GetLiveCaptions("c");
    EXPECT_EQ(captions.status, status) << name;
    EXPECT_EQ(captions.status_name, name);
    EXPECT_EQ(captions.duration, 42) << "numbers as strings are read";
    EXPECT_EQ(captions.id, "c") << "the start answer's spelling is read too";
  }
  for (std::string body : {"{}", R"({"captionId":"c","status":3})", R"({"captionId":"c","duration":"long"})", "[]"}) {
    ExpectInvalid(body, [](OpenTok const& c) { c.GetLiveCaptions("c"); });
  }
}

// ---- Renders ----

TEST(StartRender, MinimalBody) {
  TestClient t;
  t.transport->Enqueue(JsonResponse(202, kRenderJson));
  Render render = t.client.StartRender(kSessionId, kToken, RenderOptions{.url = "https://example.test/composer"});
  EXPECT_EQ(render.id, kRenderId);
  ExpectJsonRequest(t.transport->single_request(), HttpMethod::kPost, Url("/render"), R"({
      "sessionId": "1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4",
      "token": "T1==client-token", "url": "https://example.test/composer"})");
}

TEST(StartRender, EveryOptionMapsToTheBody) {
  TestClient t;
  t.transport->Enqueue(JsonResponse(202, kRenderJson));
  t.client.StartRender(kSessionId, kToken,
                       RenderOptions{.url = "https://example.test/composer",
                                     .max_duration = 1800,
                                     .resolution = "720x1280",
                                     .name = "Composed",
                                     .status_callback_url = "https://example.test/cb"});
  ExpectJsonRequest(t.transport->single_request(), HttpMethod::kPost, Url("/render"), R"({
      "sessionId": "1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4",
      "token": "T1==client-token", "url": "https://example.test/composer", "maxDuration": 1800,
      "resolution": "720x1280", "properties": {"name": "Composed"}, "statusCallbackUrl": "https://example.test/cb"})");
}

TEST(StopRender, DeletesAndTakes200Or204) {
  for (int status : {200, 204}) {
    TestClient t;
    t.transport->Enqueue(HttpResponse{.status = status});
    EXPECT_NO_THROW(t.client.StopRender(kRenderId)) << status;
    ExpectBodilessRequest(t.transport->single_request(), HttpMethod::kDelete, Url(std::string("/render/") + kRenderId));
  }
}

TEST(GetRender, ReadsEveryField) {
  TestClient t;
  t.transport->Enqueue(JsonResponse(200, kRenderJson));
  Render render = t.client.GetRender(kRenderId);
  ExpectBodilessRequest(t.transport->single_request(), HttpMethod::kGet, Url(std::string("/render/") + kRenderId));
  EXPECT_EQ(render, (Render{.id = kRenderId,
                            .session_id = "S",
                            .project_id = "123456",
                            .status = RenderStatus::kStarted,
                            .status_name = "started",
                            .url = "https://example.test/composer",
                            .resolution = "1280x720",
                            .stream_id = kStreamId,
                            .name = "Composed",
                            .callback_url = "https://example.test/cb",
                            .created_at = Millis(1727870434974),
                            .updated_at = Millis(1727870436974)}));
}

TEST(GetRender, StatusesAndLenientReading) {
  for (auto [name, status] : {std::pair{"starting", RenderStatus::kStarting}, std::pair{"started", RenderStatus::kStarted},
                              std::pair{"stopped", RenderStatus::kStopped}, std::pair{"failed", RenderStatus::kFailed},
                              std::pair{"paused", RenderStatus::kUnknown}}) {
    TestClient t;
    t.transport->Enqueue(JsonResponse(200, std::string(R"({"id":"r","status":")") + name + "\"}"));
    Render render = t.client.GetRender("r");
    EXPECT_EQ(render.status, status) << name;
    EXPECT_EQ(render.status_name, name);
  }
  TestClient t;
  t.transport->Enqueue(JsonResponse(
      200, R"({"id":"r","projectId":123456,"createdAt":"1000","streamId":null,"reason":"Could not load URL"})"));
  Render render = t.client.GetRender("r");
  EXPECT_EQ(render.project_id, "123456") << "a numeric project id is kept as text";
  EXPECT_EQ(render.created_at, Millis(1000));
  EXPECT_EQ(render.stream_id, "");
  EXPECT_EQ(render.reason, "Could not load URL");
  TestClient vonage;
  vonage.transport->Enqueue(JsonResponse(200, R"({"id":"r","applicationId":"78d335fa-323d-0114-9c3d-d6f0d48968cf"})"));
  EXPECT_EQ(vonage.client.GetRender("r").project_id, "78d335fa-323d-0114-9c3d-d6f0d48968cf");
}

TEST(GetRender, WrongShapesAreInvalidResponses) {
  for (std::string body : {"{}", R"({"id":""})", R"({"id":"r","projectId":true})", R"({"id":"r","url":1})",
                           R"({"id":"r","updatedAt":"soon"})", "[]", "null"}) {
    ExpectInvalid(body, [](OpenTok const& c) { c.GetRender("r"); });
  }
}

TEST(ListRenders, DefaultPageAndPaging) {
  TestClient t;
  t.transport->Enqueue(JsonResponse(200, std::string(R"({"count":7,"items":[)") + kRenderJson +
                                             R"(,{"id":"r2","status":"stopped","reason":"Stopped by user"}]})"));
  t.transport->Enqueue(JsonResponse(200, R"({"count":7,"items":[]})"));
  RenderList list = t.client.ListRenders();
  t.client.ListRenders(5, 1000);
  auto requests = t.transport->requests();
  ASSERT_EQ(requests.size(), 2u);
  ExpectBodilessRequest(requests[0], HttpMethod::kGet, Url("/render?offset=0&count=50"));
  EXPECT_EQ(requests[1].url, Url("/render?offset=5&count=1000"));
  EXPECT_EQ(list.total_count, 7);
  ASSERT_EQ(list.items.size(), 2u);
  EXPECT_EQ(list.items[0].id, kRenderId);
  EXPECT_EQ(list.items[1].status, RenderStatus::kStopped);
  EXPECT_EQ(list.items[1].reason, "Stopped by user");
}

TEST(ListRenders, MissingItemsIsInvalid) {
  ExpectInvalid(R"({"count":3})", [](OpenTok const& c) { c.ListRenders(); });
  ExpectInvalid(R"({"items":[{"id":1}]})", [](OpenTok const& c) { c.ListRenders(); });
}

// ---- Audio Connector ----

TEST(ConnectAudioToWebSocket, MinimalBody) {
  TestClient t;
  t.transport->Enqueue(JsonResponse(200, R"({"id":"b0a5a8c7-10fd-4e2b-a5d8-8c8f1e6e4c2d",
                                             "connectionId":"5e3a7b2c-7e41-4a9c-9d0b-53e8c8f0c7a1"})"));
  AudioConnector connector =
      t.client.ConnectAudioToWebSocket(kSessionId, kToken, WebSocketOptions{.uri = "wss://ws.example.test/audio"});
  EXPECT_EQ(connector, (AudioConnector{.id = kCallId, .connection_id = kConnectionId}));
  ExpectJsonRequest(t.transport->single_request(), HttpMethod::kPost, Url("/connect"), R"({
      "sessionId": "1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4",
      "token": "T1==client-token", "websocket": {"uri": "wss://ws.example.test/audio"}})");
}

TEST(ConnectAudioToWebSocket, EveryOptionMapsToTheBody) {
  TestClient t;
  t.transport->Enqueue(JsonResponse(200, R"({"id":"a","connectionId":"c"})"));
  t.client.ConnectAudioToWebSocket(kSessionId, kToken,
                                   WebSocketOptions{.uri = "ws://127.0.0.1:9000/audio",
                                                    .streams = {kStreamId, "s2"},
                                                    .headers = {{"Authorization", "Bearer x"}},
                                                    .audio_rate = 16000,
                                                    .bidirectional = true});
  ExpectJsonRequest(t.transport->single_request(), HttpMethod::kPost, Url("/connect"), R"({
      "sessionId": "1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4",
      "token": "T1==client-token",
      "websocket": {"uri": "ws://127.0.0.1:9000/audio", "streams": ["8b732909-0a06-46a2-8ea8-074e64d43422", "s2"],
                    "headers": {"Authorization": "Bearer x"}, "audioRate": 16000, "bidirectional": true}})");
}

TEST(ConnectAudioToWebSocket, AnswerDecoding) {
  TestClient t;
  t.transport->Enqueue(JsonResponse(200, R"({"id":"a","connectionId":null})"));
  EXPECT_EQ(t.client.ConnectAudioToWebSocket(kSessionId, kToken, WebSocketOptions{.uri = "wss://x"}),
            (AudioConnector{.id = "a"}));
  for (std::string body : {"{}", R"({"id":"a","connectionId":3})", "[]", ""}) {
    ExpectInvalid(body, [](OpenTok const& c) { c.ConnectAudioToWebSocket(kSessionId, kToken, {.uri = "wss://x"}); });
  }
}

TEST(ConnectAudioToWebSocket, RelayedSessionIsAConflict) {
  TestClient t;
  t.transport->Enqueue(
      JsonResponse(409, R"({"code":409,"message":"Only routed sessions are allowed to initiate Connect Calls."})"));
  EXPECT_THROW(t.client.ConnectAudioToWebSocket(kSessionId, kToken, {.uri = "wss://x"}), ConflictException);
}

TEST(DisconnectAudioConnector, PostsToStopWithEitherId) {
  TestClient t;
  t.transport->Enqueue(HttpResponse{.status = 204});
  t.transport->Enqueue(HttpResponse{.status = 200});
  t.client.DisconnectAudioConnector(kCallId);
  t.client.DisconnectAudioConnector(kConnectionId);
  auto requests = t.transport->requests();
  ASSERT_EQ(requests.size(), 2u);
  ExpectBodilessRequest(requests[0], HttpMethod::kPost, Url(std::string("/connect/") + kCallId + "/stop"));
  EXPECT_EQ(requests[1].url, Url(std::string("/connect/") + kConnectionId + "/stop"));
}

// ---- Enum names ----

TEST(MediaServiceStatusNames, RoundTrip) {
  for (auto [status, name] : {std::pair{CaptionsStatus::kStarted, "started"}, std::pair{CaptionsStatus::kStopped, "stopped"},
                              std::pair{CaptionsStatus::kPaused, "paused"}, std::pair{CaptionsStatus::kFailed, "failed"}}) {
    EXPECT_EQ(ToString(status), name);
    EXPECT_EQ(ParseCaptionsStatus(name), status);
  }
  for (auto [status, name] : {std::pair{RenderStatus::kStarting, "starting"}, std::pair{RenderStatus::kStarted, "started"},
                              std::pair{RenderStatus::kStopped, "stopped"}, std::pair{RenderStatus::kFailed, "failed"}}) {
    EXPECT_EQ(ToString(status), name);
    EXPECT_EQ(ParseRenderStatus(name), status);
  }
  EXPECT_EQ(ToString(CaptionsStatus::kUnknown), "unknown");
  EXPECT_EQ(ToString(RenderStatus::kUnknown), "unknown");
  EXPECT_FALSE(ParseCaptionsStatus("unknown").has_value());
  EXPECT_FALSE(ParseRenderStatus("Started").has_value());
}

}  // namespace
}  // namespace opentok
