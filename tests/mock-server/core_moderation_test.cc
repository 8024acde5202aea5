// Signals, moderation and the connections list in the core, and their effects on the
// simulated clients: inboxes, muted streams, connections that left with their reason, and
// the archives and broadcasts that follow a force-disconnect. No sockets.

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <thread>

#include "core_fixture.h"
#include "opentok_common/api_rules.h"

namespace opentok_mock::testing {
namespace {

namespace rules = opentok::common::rules;

class ModerationTest : public CoreTest {
 protected:
  SignalRequest Signal(std::string type, std::string data) { return SignalRequest{std::move(type), std::move(data)}; }

  ConnectionActivity Activity(std::string const& session, std::string const& connection) {
    return Must(service_.GetConnectionActivity(session, connection));
  }

  Stream StreamOf(std::string const& session, std::string const& stream_id) {
    for (auto const& stream : Must(service_.GetSession(session)).streams) {
      if (stream.stream_id == stream_id) return stream;
    }
    throw std::runtime_error("no stream " + stream_id);
  }

  bool Muted(std::string const& session, std::string const& stream_id) {
    return StreamOf(session, stream_id).audio_muted;
  }
};

TEST_F(ModerationTest, SessionSignalsLandInEveryClientsInboxWithTheMockTime) {
  auto session = RoutedSession();
  auto first = Connect(session);
  auto second = Connect(session);
  Advance(3);
  Must(service_.Signal(kKey, session, Signal("chat", "hello")));
  for (auto const& connection : {first, second}) {
    auto activity = Activity(session, connection);
    ASSERT_EQ(activity.signals.size(), 1u);
    EXPECT_EQ(activity.signals[0].type, "chat");
    EXPECT_EQ(activity.signals[0].data, "hello");
    EXPECT_EQ(activity.signals[0].at_ms, service_.NowMs());
    EXPECT_EQ(activity.signals_total, 1);
  }
  // To one connection: only that inbox.
  Must(service_.Signal(kKey, session, Signal("", "just you"), second));
  EXPECT_EQ(Activity(session, first).signals.size(), 1u);
  ASSERT_EQ(Activity(session, second).signals.size(), 2u);
  EXPECT_EQ(Activity(session, second).signals[1].data, "just you");
  EXPECT_EQ(Activity(session, second).signals[1].type, "");
}

TEST_F(ModerationTest, SignalErrorsChangeNoInbox) {
  auto session = RoutedSession();
  // Nobody connected: 404 with the service's message.
  auto nobody = service_.Signal(kKey, session, Signal("t", "d")).error();
  EXPECT_EQ(nobody.http_status, 404);
  EXPECT_NE(nobody.message.find("No clients are actively connected"), std::string::npos);
  auto connection = Connect(session);

  auto missing = service_.Signal(kKey, session, SignalRequest{"t", std::nullopt}).error();
  EXPECT_EQ(missing.http_status, 400);
  EXPECT_EQ(missing.code, 15202);
  EXPECT_EQ(missing.message, "Signal payload 'data' must be set");

  std::string const longest_type(rules::kMaxSignalTypeBytes, 't');
  std::string const largest_data(rules::kMaxSignalDataBytes, 'd');
  EXPECT_EQ(service_.Signal(kKey, session, Signal(longest_type + "t", "d")).error().http_status, 413);
  EXPECT_EQ(service_.Signal(kKey, session, Signal("t", largest_data + "d")).error().http_status, 413);
  // Bytes, not characters: 65 two-byte characters are 130 bytes.
  std::string wide;
  for (int i = 0; i < 65; ++i) wide += "\xc3\xa9";
  EXPECT_EQ(service_.Signal(kKey, session, Signal(wide, "d")).error().http_status, 413);
  EXPECT_EQ(service_.Signal(kKey, session, Signal("t", "d"), "ghost").error().http_status, 404);
  Must(service_.AddProject("22222222", "other"));
  EXPECT_EQ(service_.Signal("22222222", session, Signal("t", "d")).error().http_status, 404);
  EXPECT_EQ(service_.Signal(kKey, "unknown", Signal("t", "d")).error().http_status, 404);
  EXPECT_TRUE(Activity(session, connection).signals.empty());

  // The limits themselves pass.
  Must(service_.Signal(kKey, session, Signal(longest_type, largest_data)));
  EXPECT_EQ(Activity(session, connection).signals.size(), 1u);
}

TEST_F(ModerationTest, InboxesKeepTheNewestSignalsAndCountThemAll) {
  auto session = RoutedSession();
  auto connection = Connect(session);
  auto const sent = static_cast<std::int64_t>(kMaxActivityEntries) + 5;
  for (std::int64_t i = 0; i < sent; ++i) Must(service_.Signal(kKey, session, Signal("n", std::to_string(i))));
  auto activity = Activity(session, connection);
  EXPECT_EQ(activity.signals.size(), kMaxActivityEntries);
  EXPECT_EQ(activity.signals_total, sent);
  EXPECT_EQ(activity.signals.front().data, "5");
  EXPECT_EQ(activity.signals.back().data, std::to_string(sent - 1));
}

TEST_F(ModerationTest, ForceDisconnectRemovesTheClientAndItsStreamsWithTheReason) {
  auto session = RoutedSession();
  auto moderator = Connect(session, "moderator");
  auto victim = Connect(session);
  auto stream = Publish(session, victim);
  Must(service_.Signal(kKey, session, Signal("bye", "soon"), victim));
  Advance(2);
  Must(service_.ForceDisconnect(kKey, session, victim));

  auto snapshot = Must(service_.GetSession(session));
  ASSERT_EQ(snapshot.connections.size(), 1u);
  EXPECT_EQ(snapshot.connections[0].connection_id, moderator);
  EXPECT_TRUE(snapshot.streams.empty());
  ASSERT_EQ(snapshot.left_connections.size(), 1u);
  EXPECT_EQ(snapshot.left_connections[0].connection.connection_id, victim);
  EXPECT_EQ(snapshot.left_connections[0].reason, DisconnectReason::kForceDisconnected);
  EXPECT_EQ(snapshot.left_connections[0].left_at_ms, service_.NowMs());
  EXPECT_EQ(service_.GetStream(kKey, session, stream).error().http_status, 404);
  // The inbox of a client that left stays readable.
  EXPECT_EQ(Activity(session, victim).signals.size(), 1u);

  // Gone already, never there, another project's session, an unknown session: 404.
  EXPECT_EQ(service_.ForceDisconnect(kKey, session, victim).error().http_status, 404);
  EXPECT_EQ(service_.ForceDisconnect(kKey, session, "ghost").error().http_status, 404);
  Must(service_.AddProject("22222222", "other"));
  EXPECT_EQ(service_.ForceDisconnect("22222222", session, moderator).error().http_status, 404);
  EXPECT_EQ(service_.ForceDisconnect(kKey, "unknown", moderator).error().http_status, 404);
  EXPECT_EQ(Must(service_.GetSession(session)).connections.size(), 1u);

  // A client leaving by itself (the control plane) is recorded as clientDisconnected.
  Must(service_.Disconnect(session, moderator));
  snapshot = Must(service_.GetSession(session));
  ASSERT_EQ(snapshot.left_connections.size(), 2u);
  EXPECT_EQ(snapshot.left_connections[1].reason, DisconnectReason::kClientDisconnected);
  EXPECT_EQ(service_.GetConnectionActivity(session, "ghost").error().http_status, 404);
}

TEST_F(ModerationTest, OnlyTheMostRecentLeftConnectionsAreKept) {
  auto session = RoutedSession();
  auto first = Connect(session);
  Must(service_.Signal(kKey, session, Signal("t", "d"), first));
  Must(service_.ForceDisconnect(kKey, session, first));
  for (std::size_t i = 0; i < kMaxLeftConnections; ++i) Must(service_.ForceDisconnect(kKey, session, Connect(session)));
  auto snapshot = Must(service_.GetSession(session));
  EXPECT_EQ(snapshot.left_connections.size(), kMaxLeftConnections);
  EXPECT_NE(snapshot.left_connections.front().connection.connection_id, first);
  EXPECT_EQ(service_.GetConnectionActivity(session, first).error().http_status, 404);  // its inbox went too
}

TEST_F(ModerationTest, ForceDisconnectHasEveryConsequenceOfAClientLeaving) {
  auto session = RoutedSession();
  auto publisher = Connect(session);
  Publish(session, publisher);
  auto archive = Start(session);
  StartBroadcastRequest request;
  request.session_id = session;
  request.rtmp = {{"yt", "rtmp://example.com/live", "key", RtmpStatus::kConnecting}};
  auto broadcast = Must(service_.StartBroadcast(kKey, request));
  EXPECT_EQ(Must(service_.GetBroadcast(kKey, broadcast.id)).rtmp[0].status, RtmpStatus::kLive);

  Must(service_.ForceDisconnect(kKey, session, publisher));
  EXPECT_EQ(Get(archive.id).status, ArchiveStatus::kPaused);
  EXPECT_EQ(Must(service_.GetBroadcast(kKey, broadcast.id)).rtmp[0].status, RtmpStatus::kOffline);
  // Nobody came back: the session ends after the grace period, and both stop.
  Advance(service_.options().session_end_grace_s);
  EXPECT_EQ(Get(archive.id).status, ArchiveStatus::kStopped);
  EXPECT_EQ(Must(service_.GetBroadcast(kKey, broadcast.id)).status, BroadcastStatus::kStopped);
}

TEST_F(ModerationTest, ForceMuteOneStreamMutesOnlyItsAudio) {
  auto session = RoutedSession();
  auto connection = Connect(session);
  auto muted = Publish(session, connection);
  auto other = Publish(session, connection);
  Must(service_.ForceMuteStream(kKey, session, muted));
  EXPECT_TRUE(Muted(session, muted));
  EXPECT_FALSE(Muted(session, other));
  Must(service_.ForceMuteStream(kKey, session, muted));  // again: still muted, still 200
  EXPECT_TRUE(Muted(session, muted));
  EXPECT_TRUE(StreamOf(session, muted).has_audio);  // the stream keeps its audio track

  EXPECT_EQ(service_.ForceMuteStream(kKey, session, "ghost").error().http_status, 404);
  EXPECT_EQ(service_.ForceMuteStream(kKey, "unknown", muted).error().http_status, 404);
  Must(service_.AddProject("22222222", "other"));
  EXPECT_EQ(service_.ForceMuteStream("22222222", session, other).error().http_status, 404);
  EXPECT_FALSE(Muted(session, other));
  // Not a mute-all: later streams are not muted.
  EXPECT_FALSE(Muted(session, Publish(session, connection)));
}

TEST_F(ModerationTest, MuteAllMutesEveryStreamButTheExcludedOnesUntilDisabled) {
  auto session = RoutedSession();
  auto connection = Connect(session);
  auto a = Publish(session, connection);
  auto excluded = Publish(session, connection);
  Must(service_.ForceMuteAll(kKey, session, MuteAllState{true, {excluded, "not-a-stream"}}));
  EXPECT_TRUE(Muted(session, a));
  EXPECT_FALSE(Muted(session, excluded));
  auto state = Must(service_.GetSession(session)).mute_all;
  EXPECT_TRUE(state.active);
  EXPECT_EQ(state.excluded_stream_ids, (std::vector<std::string>{excluded, "not-a-stream"}));

  // While active, later streams are muted too; the core's Publish answer already says so.
  auto late = Must(service_.Publish(session, connection, PublishSettings{}));
  EXPECT_TRUE(late.audio_muted);
  EXPECT_TRUE(Muted(session, late.stream_id));

  // Disabling stops muting new streams and unmutes nobody.
  Must(service_.ForceMuteAll(kKey, session, MuteAllState{false, {}}));
  EXPECT_FALSE(Must(service_.GetSession(session)).mute_all.active);
  EXPECT_TRUE(Muted(session, a));
  EXPECT_FALSE(Muted(session, Publish(session, connection)));

  // A second mute-all replaces the exclusions of the first.
  Must(service_.ForceMuteAll(kKey, session, MuteAllState{true, {}}));
  EXPECT_TRUE(Muted(session, excluded));

  EXPECT_EQ(service_.ForceMuteAll(kKey, "unknown", MuteAllState{true, {}}).error().http_status, 404);
  Must(service_.AddProject("22222222", "other"));
  EXPECT_EQ(service_.ForceMuteAll("22222222", session, MuteAllState{false, {}}).error().http_status, 404);
  EXPECT_TRUE(Must(service_.GetSession(session)).mute_all.active);
}

TEST_F(ModerationTest, TheConnectionsListShowsWhoIsConnectedNow) {
  auto session = RoutedSession();
  EXPECT_TRUE(Must(service_.ListConnections(kKey, session)).empty());
  auto first = Connect(session);
  Advance(1);
  auto second = Connect(session);
  auto connections = Must(service_.ListConnections(kKey, session));
  ASSERT_EQ(connections.size(), 2u);
  EXPECT_EQ(connections[0].connection_id, first);
  EXPECT_EQ(connections[1].connection_id, second);
  EXPECT_EQ(connections[1].created_at_ms, connections[0].created_at_ms + 1000);
  EXPECT_EQ(connections[0].kind, ConnectionKind::kClient);
  Must(service_.ForceDisconnect(kKey, session, first));
  connections = Must(service_.ListConnections(kKey, session));
  ASSERT_EQ(connections.size(), 1u);
  EXPECT_EQ(connections[0].connection_id, second);
  EXPECT_EQ(service_.ListConnections(kKey, "unknown").error().http_status, 404);
  Must(service_.AddProject("22222222", "other"));
  EXPECT_EQ(service_.ListConnections("22222222", session).error().http_status, 404);
}

// Several threads force-disconnect the same clients and toggle mute-all on one session at
// once. Whatever the interleaving: each client is disconnected exactly once (one 204, the
// rest 404), none is left with a stream, each appears once among the left connections, and
// the streams that remain obey the final mute-all state.
TEST_F(ModerationTest, RacingForceDisconnectsAndMuteAllsLeaveAConsistentSession) {
  auto session = RoutedSession();
  constexpr int kClients = 40;
  constexpr int kThreads = 4;
  std::vector<std::string> victims;
  std::vector<std::string> survivors;
  for (int i = 0; i < kClients; ++i) {
    auto connection = Connect(session);
    Publish(session, connection);
    (i % 2 == 0 ? victims : survivors).push_back(connection);
  }
  std::atomic<int> disconnected{0};
  std::atomic<int> not_found{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (std::size_t i = 0; i < victims.size(); ++i) {
        auto const& victim = victims[(i + t * 7) % victims.size()];
        auto status = service_.ForceDisconnect(kKey, session, victim);
        (status ? disconnected : not_found)++;
        // Odd threads switch mute-all off, even ones on: the last call decides.
        Must(service_.ForceMuteAll(kKey, session, MuteAllState{t % 2 == 0, {}}));
        if (i % 5 == 0) (void)service_.Signal(kKey, session, SignalRequest{"race", "x"});
      }
    });
  }
  for (auto& thread : threads) thread.join();

  EXPECT_EQ(disconnected.load(), static_cast<int>(victims.size()));
  EXPECT_EQ(not_found.load(), static_cast<int>(victims.size()) * (kThreads - 1));
  auto snapshot = Must(service_.GetSession(session));
  ASSERT_EQ(snapshot.connections.size(), survivors.size());
  ASSERT_EQ(snapshot.streams.size(), survivors.size());
  std::set<std::string> present;
  for (auto const& connection : snapshot.connections) present.insert(connection.connection_id);
  for (auto const& stream : snapshot.streams) EXPECT_TRUE(present.count(stream.connection_id));
  std::multiset<std::string> left;
  for (auto const& entry : snapshot.left_connections) {
    EXPECT_EQ(entry.reason, DisconnectReason::kForceDisconnected);
    left.insert(entry.connection.connection_id);
  }
  for (auto const& victim : victims) EXPECT_EQ(left.count(victim), 1u) << victim;
  // Every mute-all call that was on muted every survivor's stream; once any was, it stays
  // muted. The final state then decides only what happens to new streams.
  bool any_muted = std::any_of(snapshot.streams.begin(), snapshot.streams.end(),
                               [](Stream const& s) { return s.audio_muted; });
  bool all_muted = std::all_of(snapshot.streams.begin(), snapshot.streams.end(),
                               [](Stream const& s) { return s.audio_muted; });
  EXPECT_EQ(any_muted, all_muted);
  auto fresh = Must(service_.Publish(session, survivors[0], PublishSettings{}));
  EXPECT_EQ(fresh.audio_muted, snapshot.mute_all.active);
}

}  // namespace
}  // namespace opentok_mock::testing
