// Audio Connector: a connect answers 200 with the call's id and connection id (lowercase
// UUIDs, the suite's table in media_wire_schemas.h); a disconnect
// by either id answers 204 and a second one 404. Unknown ids and sessions are 404, a
// relayed session 409, connect bodies the server must refuse 400 (sent at the wire level;
// the SDK refuses them before any request) and connect nothing. On a mock the call is a
// connection of kind websocket that receives every stream of the session, also the ones
// published later, or only the streams it asked for.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "conformance_test.h"
#include "control_session.h"
#include "sdk_status.h"
#include "service_error.h"
#include "media_wire_schemas.h"
#include "wire_expect.h"

namespace opentok::conformance {
namespace {

nlohmann::json ConnectBody(ControlSession const& session) {
  return {{"sessionId", session.id()},
          {"token", session.Token()},
          {"websocket", {{"uri", kWebSocketUri}, {"audioRate", 16000}, {"headers", {{"X-Conformance", "audio"}}}}}};
}

// Connects at the wire level (tracked when it connects).
HttpResponse ConnectAtTheWire(ControlSession const& session, nlohmann::json const& body) {
  RestClient rest = session.Rest();
  HttpResponse response = rest.Send(HttpMethod::kPost, rest.ProjectPath() + "/connect", body.dump());
  session.TrackAnswer(MediaKind::kAudioConnector, response, "id");
  return response;
}

// The streams the session view says a WebSocket connection receives; fails the check when
// the connection is not there.
nlohmann::json Received(ControlSession const& session, std::string const& connection_id) {
  auto const view = session.View();
  auto const connection = FindBy(view.at("connections"), "connectionId", connection_id);
  if (!connection) {
    ADD_FAILURE() << "the Audio Connector's connection " << connection_id << " is not in the session";
    return nlohmann::json::array();
  }
  EXPECT_EQ(connection->value("kind", ""), "websocket");
  return connection->value("subscribedStreams", nlohmann::json::array());
}

class AudioConnectorTest : public ConformanceTest {};

TEST_F(AudioConnectorTest, ConnectAndDisconnectAnswers) {
  ControlSession session(OwnProject());
  auto body = ExpectAudioConnectorAnswer(ConnectAtTheWire(session, ConnectBody(session)), "POST connect");
  std::string id = body.value("id", "");
  ASSERT_FALSE(id.empty());
  EXPECT_EQ(StatusOf([&] { session.client().DisconnectAudioConnector(id); }), 204);
  ExpectServiceError<NotFoundException>(404, "a second disconnect",
                                        [&] { session.client().DisconnectAudioConnector(id); });

  // The .NET SDK disconnects by the connection id.
  AudioConnector connector = session.ConnectAudio(WebSocketOptions{.uri = kWebSocketUri});
  EXPECT_EQ(StatusOf([&] { session.client().DisconnectAudioConnector(connector.connection_id); }), 204);
  if (target().has_control_plane()) {
    EXPECT_TRUE(session.View().at("connections").empty()) << "a disconnected call is still in the session";
  }
}

TEST_F(AudioConnectorTest, UnknownIdsAreNotFoundAndRelayedSessionIsConflict) {
  ControlSession relayed(OwnProject(), MediaMode::kRelayed);
  ExpectServiceError<NotFoundException>(404, "disconnect of an unknown call",
                                        [&] { relayed.client().DisconnectAudioConnector(UnknownId()); });
  ExpectServiceError<ConflictException>(409, "a connector into a relayed session",
                                        [&] { relayed.ConnectAudio(WebSocketOptions{.uri = kWebSocketUri}); });
  std::string unknown_session = UnknownSessionId(relayed.credentials().api_key);
  std::string token = CurrentTarget().TokenClient(relayed.credentials()).GenerateToken(unknown_session);
  ExpectServiceError<NotFoundException>(404, "a connector into an unknown session", [&] {
    relayed.client().ConnectAudioToWebSocket(unknown_session, token, WebSocketOptions{.uri = kWebSocketUri});
  });
}

TEST_F(AudioConnectorTest, InvalidConnectIsBadRequestAtTheWireAndConnectsNothing) {
  ControlSession session(OwnProject());
  auto with = [&](char const* member, nlohmann::json value) {
    nlohmann::json body = ConnectBody(session);
    body["websocket"][member] = std::move(value);
    return body;
  };
  nlohmann::json without_websocket = ConnectBody(session);
  without_websocket.erase("websocket");
  for (auto const& [what, body] : std::vector<std::pair<char const*, nlohmann::json>>{
           {"an https URI", with("uri", "https://example.com/audio")},
           {"audioRate 44100", with("audioRate", 44100)},
           {"headers of 513 bytes", with("headers", {{"X-Big", std::string(513 - 5, 'h')}})},
           {"no websocket", without_websocket},
       }) {
    ExpectErrorAnswer(ConnectAtTheWire(session, body), 400, what);
  }
  if (target().has_control_plane()) {
    EXPECT_TRUE(session.View().at("connections").empty()) << "a refused connect joined the session";
  }
}

TEST_F(AudioConnectorTest, ReceivesEveryStreamOrTheOnesItAskedFor) {
  OPENTOK_REQUIRE_CONTROL_PLANE("simulated streams and the session view");
  ControlSession session(OwnProject());
  std::string client = session.Connect();
  std::string first = session.Publish(client, "first");
  AudioConnector every = session.ConnectAudio(WebSocketOptions{.uri = kWebSocketUri});
  AudioConnector chosen = session.ConnectAudio(WebSocketOptions{.uri = kWebSocketUri, .streams = {first}});
  EXPECT_EQ(Received(session, every.connection_id), nlohmann::json::array({first}));
  std::string later = session.Publish(client, "later");
  EXPECT_EQ(Received(session, every.connection_id), nlohmann::json::array({first, later}))
      << "a stream published after the connect";
  EXPECT_EQ(Received(session, chosen.connection_id), nlohmann::json::array({first})) << "only the stream it asked for";
  EXPECT_EQ(session.client().ListConnections(session.id()).total_count, 3) << "the client and the two calls";

  session.client().DisconnectAudioConnector(every.id);
  auto const view = session.View();
  EXPECT_FALSE(FindBy(view.at("connections"), "connectionId", every.connection_id));
  EXPECT_TRUE(FindBy(view.at("connections"), "connectionId", chosen.connection_id))
      << "disconnecting one call ended another";
}

TEST_F(AudioConnectorTest, SdkRejectsInvalidOptionsBeforeAnyRequest) {
  OpenTok client = target().Client();
  std::string session_id = UnknownSessionId(target().credentials().api_key);
  std::string token = target().TokenClient().GenerateToken(session_id);
  int before = target().recorder().request_count();
  for (auto const& [what, options] : std::vector<std::pair<char const*, WebSocketOptions>>{
           {"an https URI", {.uri = "https://example.com/audio"}},
           {"audioRate 44100", {.uri = kWebSocketUri, .audio_rate = 44100}},
           {"headers of 513 bytes", {.uri = kWebSocketUri, .headers = {{"X-Big", std::string(513 - 5, 'h')}}}},
       }) {
    EXPECT_THROW(client.ConnectAudioToWebSocket(session_id, token, options), ArgumentException) << what;
  }
  EXPECT_THROW(client.ConnectAudioToWebSocket(session_id, "", WebSocketOptions{.uri = kWebSocketUri}),
               ArgumentException)
      << "no token";
  EXPECT_THROW(client.DisconnectAudioConnector(""), ArgumentException);
  EXPECT_EQ(target().recorder().request_count(), before) << "an invalid call reached the network";
}

}  // namespace
}  // namespace opentok::conformance
