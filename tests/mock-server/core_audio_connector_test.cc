// The Audio Connector in the core: the WebSocket's connection and what it subscribes to as
// streams come and go, disconnection by either id or by the connection leaving, and start
// rules (invalid starts change nothing). No sockets.

#include <gtest/gtest.h>

#include "core_fixture.h"
#include "opentok_common/api_rules.h"
#include "opentok_common/session_id.h"

namespace opentok_mock::testing {
namespace {

namespace rules = opentok::common::rules;

class AudioConnectorTest : public CoreTest {
 protected:
  ConnectAudioRequest Request(std::string const& session_id, std::vector<std::string> streams = {}) {
    ConnectAudioRequest request;
    request.session_id = session_id;
    request.token = Token(session_id);
    request.uri = "wss://example.com/audio";
    request.streams = std::move(streams);
    return request;
  }

  AudioConnector Find(std::string const& id) { return Must(service_.FindAudioConnector(id)); }

  Connection const* ConnectionOf(SessionSnapshot const& snapshot, std::string const& connection_id) {
    for (auto const& connection : snapshot.connections) {
      if (connection.connection_id == connection_id) return &connection;
    }
    return nullptr;
  }
};

TEST_F(AudioConnectorTest, EveryStreamNowAndLaterWhenNoneAreRequested) {
  auto session_id = RoutedSession();
  auto client = Connect(session_id);
  auto first = Publish(session_id, client);
  auto call = Must(service_.ConnectAudio(kKey, Request(session_id)));
  EXPECT_EQ(call.id.size(), 36u);
  EXPECT_EQ(call.connection_id.size(), 36u);
  EXPECT_NE(call.id, call.connection_id);
  EXPECT_EQ(call.subscribed_stream_ids, (std::vector<std::string>{first}));
  EXPECT_EQ(call.audio_rate, rules::kDefaultAudioRate);
  EXPECT_TRUE(call.connected);

  auto second = Publish(session_id, client);
  EXPECT_EQ(Find(call.id).subscribed_stream_ids, (std::vector<std::string>{first, second}));
  Must(service_.Unpublish(session_id, first));
  EXPECT_EQ(Find(call.id).subscribed_stream_ids, (std::vector<std::string>{second}));

  // The session shows the WebSocket as a connection of its own kind, with its subscriptions.
  auto snapshot = Must(service_.GetSession(session_id));
  auto const* connection = ConnectionOf(snapshot, call.connection_id);
  ASSERT_NE(connection, nullptr);
  EXPECT_EQ(connection->kind, ConnectionKind::kWebsocket);
  EXPECT_EQ(connection->subscribed_stream_ids, (std::vector<std::string>{second}));
  EXPECT_EQ(Must(service_.ListConnections(kKey, session_id)).size(), 2u);
}

TEST_F(AudioConnectorTest, OnlyTheRequestedStreams) {
  auto session_id = RoutedSession();
  auto client = Connect(session_id);
  auto wanted = Publish(session_id, client);
  auto other = Publish(session_id, client);
  auto call = Must(service_.ConnectAudio(kKey, Request(session_id, {wanted, "never-published"})));
  EXPECT_EQ(call.subscribed_stream_ids, (std::vector<std::string>{wanted}));
  EXPECT_EQ(call.requested_streams, (std::vector<std::string>{wanted, "never-published"}));
  Publish(session_id, client);  // a later stream is not requested
  EXPECT_EQ(Find(call.id).subscribed_stream_ids, (std::vector<std::string>{wanted}));
  Must(service_.Unpublish(session_id, wanted));
  EXPECT_TRUE(Find(call.id).subscribed_stream_ids.empty());
  (void)other;
}

TEST_F(AudioConnectorTest, DisconnectByCallIdOrConnectionId) {
  auto session_id = RoutedSession();
  auto by_call = Must(service_.ConnectAudio(kKey, Request(session_id)));
  auto by_connection = Must(service_.ConnectAudio(kKey, Request(session_id)));
  Advance(5);
  Must(service_.DisconnectAudio(kKey, by_call.id));
  Must(service_.DisconnectAudio(kKey, by_connection.connection_id));
  EXPECT_TRUE(Must(service_.GetSession(session_id)).connections.empty());
  for (auto const& call : {by_call, by_connection}) {
    auto ended = Find(call.id);
    EXPECT_FALSE(ended.connected);
    EXPECT_EQ(ended.ended_at_ms, call.created_at_ms + 5000);
    // Ended: neither id names a connected call any more.
    EXPECT_EQ(service_.DisconnectAudio(kKey, call.id).error().http_status, 404);
    EXPECT_EQ(service_.DisconnectAudio(kKey, call.connection_id).error().http_status, 404);
  }
  EXPECT_EQ(service_.DisconnectAudio(kKey, "unknown").error().http_status, 404);
}

TEST_F(AudioConnectorTest, TheCallEndsWhenItsConnectionLeavesAnyOtherWay) {
  auto session_id = RoutedSession();
  auto forced = Must(service_.ConnectAudio(kKey, Request(session_id)));
  auto dropped = Must(service_.ConnectAudio(kKey, Request(session_id)));
  Must(service_.ForceDisconnect(kKey, session_id, forced.connection_id));
  Must(service_.Disconnect(session_id, dropped.connection_id, DisconnectReason::kNetworkDisconnected));
  EXPECT_FALSE(Find(forced.id).connected);
  EXPECT_FALSE(Find(dropped.id).connected);
  EXPECT_EQ(service_.DisconnectAudio(kKey, forced.id).error().http_status, 404);
  EXPECT_EQ(service_.AllAudioConnectors(kKey).size(), 2u);
  EXPECT_EQ(service_.AllAudioConnectors(kKey).front().id, dropped.id);  // newest first
}

TEST_F(AudioConnectorTest, ProjectScoped) {
  auto session_id = RoutedSession();
  auto call = Must(service_.ConnectAudio(kKey, Request(session_id)));
  Must(service_.AddProject("87654321", kSecret));
  EXPECT_EQ(service_.DisconnectAudio("87654321", call.id).error().http_status, 404);
  EXPECT_TRUE(service_.AllAudioConnectors("87654321").empty());
  EXPECT_TRUE(Find(call.id).connected);
}

TEST_F(AudioConnectorTest, InvalidConnectsAre400sThatNameTheFieldAndChangeNothing) {
  auto session_id = RoutedSession();
  struct Case {
    char const* field;
    void (*change)(ConnectAudioRequest&);
  };
  Case const cases[] = {
      {"sessionId", [](ConnectAudioRequest& r) { r.session_id.clear(); }},
      {"token", [](ConnectAudioRequest& r) { r.token.clear(); }},
      {"websocket.uri", [](ConnectAudioRequest& r) { r.uri = "https://example.com/audio"; }},
      {"websocket.uri", [](ConnectAudioRequest& r) { r.uri.clear(); }},
      {"websocket.audioRate", [](ConnectAudioRequest& r) { r.audio_rate = 44'100; }},
      {"websocket.headers", [](ConnectAudioRequest& r) { r.headers = {{"X-Key", std::string(508, 'k')}}; }},
      {"websocket.streams[1]", [](ConnectAudioRequest& r) { r.streams = {"a", ""}; }},
  };
  for (auto const& c : cases) {
    auto request = Request(session_id);
    c.change(request);
    auto result = service_.ConnectAudio(kKey, request);
    ASSERT_FALSE(result) << c.field;
    EXPECT_EQ(result.error().http_status, 400) << c.field;
    EXPECT_NE(result.error().message.find(c.field), std::string::npos) << result.error().message;
  }
  EXPECT_TRUE(service_.AllAudioConnectors().empty());
  EXPECT_TRUE(Must(service_.GetSession(session_id)).connections.empty());

  // The limits themselves: 512 bytes of headers in all, every audio rate, ws:// in any case.
  auto edge = Request(session_id);
  edge.headers = {{"X-Key", std::string(507, 'k')}};
  edge.uri = "WS://127.0.0.1:9/audio";
  for (auto rate : rules::kAudioRates) {
    edge.audio_rate = rate;
    auto call = Must(service_.ConnectAudio(kKey, edge));
    EXPECT_EQ(call.audio_rate, rate);
    EXPECT_EQ(call.header_names, (std::vector<std::string>{"X-Key"}));
  }
}

TEST_F(AudioConnectorTest, SessionTokenAndMediaModeRules) {
  auto session_id = RoutedSession();
  auto request = Request(session_id);
  request.token = Token(RoutedSession());
  EXPECT_EQ(service_.ConnectAudio(kKey, request).error().http_status, 403);
  auto relayed = Must(service_.CreateSession(kKey, {})).session_id;
  auto on_relayed = service_.ConnectAudio(kKey, Request(relayed));
  ASSERT_FALSE(on_relayed);
  EXPECT_EQ(on_relayed.error().http_status, 409);
  EXPECT_EQ(on_relayed.error().message, "Only routed sessions are allowed to initiate Connect Calls.");
  request = Request(session_id);
  request.session_id = opentok::common::EncodeSessionId({kKey, "", "1", "unknown"});
  EXPECT_EQ(service_.ConnectAudio(kKey, request).error().http_status, 404);
  EXPECT_TRUE(service_.AllAudioConnectors().empty());
}

// A WebSocket is a participant: it keeps the session from ending (the archive of a session
// whose last client left stays paused while the call is connected).
TEST_F(AudioConnectorTest, KeepsTheSessionFromEnding) {
  auto session_id = RoutedSession();
  auto client = Connect(session_id);
  auto archive = Start(session_id);
  auto call = Must(service_.ConnectAudio(kKey, Request(session_id)));
  Must(service_.Disconnect(session_id, client));
  Advance(service_.options().session_end_grace_s * 2);
  EXPECT_EQ(Get(archive.id).status, ArchiveStatus::kPaused);
  Must(service_.DisconnectAudio(kKey, call.id));
  Advance(service_.options().session_end_grace_s);
  EXPECT_EQ(Get(archive.id).status, ArchiveStatus::kStopped);
}

// --- What the WebSocket streamer sees and reports -----------------------------------------

TEST_F(AudioConnectorTest, EventsCarryTheHeaderValuesWhenTheCallConnectsItsStreamsChangeAndItEnds) {
  std::vector<AudioConnectorEvent> events;
  service_.SubscribeEvents([&](ServiceEvent const& event) {
    if (auto const* audio = std::get_if<AudioConnectorEvent>(&event.payload)) events.push_back(*audio);
  });
  auto session_id = RoutedSession();
  auto client = Connect(session_id);
  auto request = Request(session_id);
  request.headers = {{"Authorization", "Bearer s3cret"}};
  auto call = Must(service_.ConnectAudio(kKey, request));
  auto stream = Publish(session_id, client);
  Must(service_.Unpublish(session_id, stream));
  Must(service_.DisconnectAudio(kKey, call.id));

  ASSERT_EQ(events.size(), 4u);  // connected, a stream came, it went, ended
  for (auto const& event : events) {
    EXPECT_EQ(event.call.id, call.id);
    EXPECT_EQ(event.headers, request.headers);
  }
  EXPECT_TRUE(events[0].call.connected);
  EXPECT_TRUE(events[0].call.subscribed_stream_ids.empty());
  EXPECT_EQ(events[1].call.subscribed_stream_ids, (std::vector<std::string>{stream}));
  EXPECT_TRUE(events[2].call.subscribed_stream_ids.empty());
  EXPECT_FALSE(events[3].call.connected);
  // The view has the names only.
  EXPECT_EQ(Find(call.id).header_names, (std::vector<std::string>{"Authorization"}));
}

TEST_F(AudioConnectorTest, TheStreamersReportsShowInTheViewAndAFailedLinkEndsTheCall) {
  auto session_id = RoutedSession();
  auto call = Must(service_.ConnectAudio(kKey, Request(session_id)));
  EXPECT_EQ(call.link.state, "pending");
  AudioConnectorLink link;
  link.state = "streaming";
  link.frames_sent = 3;
  link.bytes_sent = 960;
  Must(service_.UpdateAudioConnectorLink(call.id, link));
  EXPECT_EQ(Find(call.id).link.bytes_sent, 960);
  EXPECT_TRUE(Find(call.id).connected);

  link.state = "failed";
  link.error = "the WebSocket connection dropped";
  Must(service_.EndAudioConnectorLink(call.id, link));
  auto ended = Find(call.id);
  EXPECT_FALSE(ended.connected);
  EXPECT_EQ(ended.link.state, "failed");
  EXPECT_EQ(ended.link.error, "the WebSocket connection dropped");
  auto snapshot = Must(service_.GetSession(session_id));
  ASSERT_EQ(snapshot.left_connections.size(), 1u);
  EXPECT_EQ(snapshot.left_connections[0].connection.connection_id, call.connection_id);
  EXPECT_EQ(snapshot.left_connections[0].reason, DisconnectReason::kNetworkDisconnected);

  // Reports after the end are kept; an unknown call is 404.
  link.state = "closed";
  Must(service_.EndAudioConnectorLink(call.id, link));
  EXPECT_EQ(Find(call.id).link.state, "closed");
  EXPECT_EQ(service_.UpdateAudioConnectorLink("unknown", link).error().http_status, 404);
  EXPECT_EQ(service_.EndAudioConnectorLink("unknown", link).error().http_status, 404);
}

TEST_F(AudioConnectorTest, TheToneSettingStartsFromTheOptionsAndSurvivesAReset) {
  EXPECT_FALSE(service_.AudioConnectorTone());
  service_.SetAudioConnectorTone(true);
  service_.Reset();
  EXPECT_TRUE(service_.AudioConnectorTone());
  ServiceOptions options;
  options.audio_connector_tone = true;
  EXPECT_TRUE(MockService(options).AudioConnectorTone());
}

}  // namespace
}  // namespace opentok_mock::testing
