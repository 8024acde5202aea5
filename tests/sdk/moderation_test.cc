// Signals, moderation and the connection list against a scripted transport: the exact
// request of every call (method, URL, headers, JSON body), success on 200 and 204, the
// decoding of the connection list and the error mapping of the service's answers.
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

constexpr char kConnectionId[] = "5e3a7b2c-7e41-4a9c-9d0b-53e8c8f0c7a1";

std::string SessionUrl(std::string const& suffix) {
  return std::string("https://api.example.test/v2/project/123456/session/") + kSessionId + suffix;
}

std::chrono::system_clock::time_point Millis(std::int64_t ms) {
  return std::chrono::system_clock::time_point(std::chrono::milliseconds(ms));
}

TEST(Signal, ToEverySessionClient) {
  TestClient t;
  t.transport->Enqueue(HttpResponse{.status = 204});
  t.client.Signal(kSessionId, SignalProperties{.type = "chat", .data = "hello"});
  ExpectJsonRequest(t.transport->single_request(), HttpMethod::kPost, SessionUrl("/signal"),
                    R"({"type":"chat","data":"hello"})");
}

TEST(Signal, ToOneConnection) {
  TestClient t;
  t.transport->Enqueue(HttpResponse{.status = 204});
  t.client.Signal(kSessionId, SignalProperties{.data = "ping"}, kConnectionId);
  ExpectJsonRequest(t.transport->single_request(), HttpMethod::kPost,
                    SessionUrl(std::string("/connection/") + kConnectionId + "/signal"), R"({"type":"","data":"ping"})");
}

TEST(Signal, IdsArePercentEncodedAndUnicodeDataKept) {
  TestClient t;
  t.transport->Enqueue(HttpResponse{.status = 204});
  t.client.Signal("s/1", SignalProperties{.type = "t", .data = "caf\xc3\xa9"}, "c 1");
  auto request = t.transport->single_request();
  EXPECT_EQ(request.url, "https://api.example.test/v2/project/123456/session/s%2F1/connection/c%201/signal");
  EXPECT_EQ(nlohmann::json::parse(request.body).at("data"), "caf\xc3\xa9");
}

TEST(Signal, ServiceErrorsMapToTheHierarchy) {
  TestClient t;
  t.transport->Enqueue(JsonResponse(
      404, R"({"code":404,"message":"Not found. No clients are actively connected to the OpenTok session."})"));
  t.transport->Enqueue(JsonResponse(413, R"({"code":413,"message":"The type string exceeds the maximum length"})"));
  t.transport->Enqueue(JsonResponse(400, R"({"code":15202,"message":"Signal payload 'data' must be set"})"));
  try {
    t.client.Signal(kSessionId, SignalProperties{.data = "x"});
    ADD_FAILURE() << "404 not thrown";
  } catch (NotFoundException const& e) {
    EXPECT_EQ(e.http_status(), 404);
    EXPECT_EQ(e.service_message(), "Not found. No clients are actively connected to the OpenTok session.");
  }
  try {
    t.client.Signal(kSessionId, SignalProperties{.data = "x"});
    ADD_FAILURE() << "413 not thrown";
  } catch (RequestException const& e) {
    EXPECT_EQ(e.http_status(), 413);
  }
  try {
    t.client.Signal(kSessionId, SignalProperties{.data = "x"});
    ADD_FAILURE() << "400 not thrown";
  } catch (RequestException const& e) {
    EXPECT_EQ(e.http_status(), 400);
    EXPECT_EQ(e.error_code(), 15202);
  }
}

TEST(ForceDisconnect, DeletesTheConnection) {
  TestClient t;
  t.transport->Enqueue(HttpResponse{.status = 204});
  t.client.ForceDisconnect(kSessionId, kConnectionId);
  ExpectBodilessRequest(t.transport->single_request(), HttpMethod::kDelete,
                        SessionUrl(std::string("/connection/") + kConnectionId));
}

TEST(ForceDisconnect, UnknownConnectionIsNotFound) {
  TestClient t;
  t.transport->Enqueue(JsonResponse(404, R"({"message":"Not found"})"));
  EXPECT_THROW(t.client.ForceDisconnect(kSessionId, kConnectionId), NotFoundException);
}

TEST(ForceMuteStream, PostsWithoutBody) {
  TestClient t;
  t.transport->Enqueue(JsonResponse(200, "{}"));
  t.client.ForceMuteStream(kSessionId, kStreamId);
  ExpectBodilessRequest(t.transport->single_request(), HttpMethod::kPost,
                        SessionUrl(std::string("/stream/") + kStreamId + "/mute"));
}

TEST(ForceMuteAll, SendsActiveAndTheExcludedStreams) {
  TestClient t;
  t.transport->Enqueue(JsonResponse(200, "{}"));
  t.client.ForceMuteAll(kSessionId, {kStreamId, "other"});
  ExpectJsonRequest(t.transport->single_request(), HttpMethod::kPost, SessionUrl("/mute"),
                    R"({"active":true,"excludedStreamIds":["8b732909-0a06-46a2-8ea8-074e64d43422","other"]})");
}

TEST(ForceMuteAll, NoExclusionsIsAnEmptyList) {
  TestClient t;
  t.transport->Enqueue(HttpResponse{.status = 200});
  t.client.ForceMuteAll(kSessionId);
  ExpectJsonRequest(t.transport->single_request(), HttpMethod::kPost, SessionUrl("/mute"),
                    R"({"active":true,"excludedStreamIds":[]})");
}

TEST(DisableForceMute, SendsActiveFalse) {
  TestClient t;
  t.transport->Enqueue(JsonResponse(200, "{}"));
  t.client.DisableForceMute(kSessionId);
  ExpectJsonRequest(t.transport->single_request(), HttpMethod::kPost, SessionUrl("/mute"), R"({"active":false})");
}

TEST(ListConnections, GetsAndDecodesEveryField) {
  TestClient t;
  t.transport->Enqueue(JsonResponse(200, R"({"count": 3, "projectId": "123456", "sessionId": "S",
      "items": [{"connectionId": "c1", "connectionState": "Connected", "createdAt": 1727870434974},
                {"connectionId": "c2", "connectionState": "Connecting", "createdAt": "1000"},
                {"connectionId": "c3", "connectionState": "Disconnected", "createdAt": 5}]})"));
  ConnectionList list = t.client.ListConnections(kSessionId);
  ExpectBodilessRequest(t.transport->single_request(), HttpMethod::kGet, SessionUrl("/connection"));
  EXPECT_EQ(list.total_count, 3);
  EXPECT_EQ(list.session_id, "S");
  ASSERT_EQ(list.items.size(), 3u);
  EXPECT_EQ(list.items[0], (Connection{.connection_id = "c1",
                                       .state = ConnectionState::kConnected,
                                       .state_name = "Connected",
                                       .created_at = Millis(1727870434974)}));
  EXPECT_EQ(list.items[1].state, ConnectionState::kConnecting);
  EXPECT_EQ(list.items[1].created_at, Millis(1000)) << "the PHP SDK's fixture sends createdAt as a string";
  EXPECT_EQ(list.items[2].state, ConnectionState::kDisconnected);
}

TEST(ListConnections, LenientReading) {
  TestClient t;
  t.transport->Enqueue(JsonResponse(200, R"({"applicationId": "app", "items": [
      {"connectionId": "c1", "connectionState": "Reconnecting", "extra": true},
      {"connectionId": "c2", "connectionState": null}]})"));
  ConnectionList list = t.client.ListConnections(kSessionId);
  EXPECT_EQ(list.total_count, 2) << "count defaults to the number of items";
  ASSERT_EQ(list.items.size(), 2u);
  EXPECT_EQ(list.items[0].state, ConnectionState::kUnknown);
  EXPECT_EQ(list.items[0].state_name, "Reconnecting");
  EXPECT_EQ(list.items[1].state_name, "");
  EXPECT_EQ(list.items[1].created_at, Millis(0));
}

TEST(ListConnections, WrongShapesAreInvalidResponses) {
  for (std::string body : {R"({"count":1})", R"({"items":{}})", R"({"items":[5]})", R"({"items":[{}]})",
                           R"({"items":[{"connectionId":7}]})", R"({"items":[{"connectionId":"c","createdAt":"x"}]})",
                           "[]", "not json"}) {
    TestClient t;
    t.transport->Enqueue(JsonResponse(200, body));
    EXPECT_THROW(t.client.ListConnections(kSessionId), InvalidResponseException) << body;
  }
}

TEST(ConnectionStateNames, RoundTripCapitalised) {
  for (auto [state, name] : {std::pair{ConnectionState::kConnecting, "Connecting"},
                             std::pair{ConnectionState::kConnected, "Connected"},
                             std::pair{ConnectionState::kDisconnected, "Disconnected"}}) {
    EXPECT_EQ(ToString(state), name);
    EXPECT_EQ(ParseConnectionState(name), state);
  }
  EXPECT_EQ(ToString(ConnectionState::kUnknown), "unknown");
  EXPECT_FALSE(ParseConnectionState("connected").has_value()) << "wire names are case-sensitive";
}

}  // namespace
}  // namespace opentok
