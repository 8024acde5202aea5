// SIP calls and DTMF in the core: a dialled call is a connection of kind sip publishing the
// call's stream, it hears the DTMF digits played into it, obeys force mute only when asked,
// is recorded by archives like any publisher and ends with a force-disconnect. No sockets.

#include <gtest/gtest.h>

#include "core_fixture.h"
#include "opentok_common/session_id.h"

namespace opentok_mock::testing {
namespace {

class SipTest : public CoreTest {
 protected:
  DialRequest Request(std::string const& session_id) {
    DialRequest request;
    request.session_id = session_id;
    request.token = Token(session_id);
    request.uri = "sip:user@sip.example.com;transport=tls";
    request.from = "from@example.com";
    return request;
  }

  SipCall Dial(std::string const& session_id) { return Must(service_.Dial(kKey, Request(session_id))); }

  ConnectionActivity Activity(std::string const& session, std::string const& connection) {
    return Must(service_.GetConnectionActivity(session, connection));
  }

  Connection ConnectionOf(std::string const& session, std::string const& connection_id) {
    for (auto const& connection : Must(service_.GetSession(session)).connections) {
      if (connection.connection_id == connection_id) return connection;
    }
    throw std::runtime_error("no connection " + connection_id);
  }

  Stream StreamOf(std::string const& session, std::string const& stream_id) {
    for (auto const& stream : Must(service_.GetSession(session)).streams) {
      if (stream.stream_id == stream_id) return stream;
    }
    throw std::runtime_error("no stream " + stream_id);
  }
};

TEST_F(SipTest, ADialledCallJoinsAsASipConnectionPublishingAudio) {
  auto session = RoutedSession();
  Advance(5);
  auto request = Request(session);
  request.headers = {{"X-Custom", "v"}};
  request.auth = SipAuth{"user", "secret"};
  request.streams = {"some-stream"};
  auto call = Must(service_.Dial(kKey, request));
  EXPECT_EQ(call.id.size(), 36u);
  EXPECT_EQ(call.session_id, session);
  EXPECT_EQ(call.api_key, kKey);
  EXPECT_EQ(call.created_at_ms, service_.NowMs());
  EXPECT_EQ(call.updated_at_ms, call.created_at_ms);
  EXPECT_EQ(call.auth_username, "user");
  EXPECT_EQ(call.streams, std::vector<std::string>{"some-stream"});

  auto connection = ConnectionOf(session, call.connection_id);
  EXPECT_EQ(connection.kind, ConnectionKind::kSip);
  auto stream = StreamOf(session, call.stream_id);
  EXPECT_EQ(stream.connection_id, call.connection_id);
  EXPECT_TRUE(stream.has_audio);
  EXPECT_FALSE(stream.has_video);
  EXPECT_EQ(stream.name, "from@example.com");
  // The REST stream calls see it like any other stream.
  EXPECT_EQ(Must(service_.GetStream(kKey, session, call.stream_id)).stream_id, call.stream_id);
  auto calls = Must(service_.SipCalls(session));
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(calls[0].stream_id, call.stream_id);

  auto with_video = Request(session);
  with_video.video = true;
  EXPECT_TRUE(StreamOf(session, Must(service_.Dial(kKey, with_video)).stream_id).has_video);
}

TEST_F(SipTest, TheCallIsAPublisherForArchivesAndEndsWithAForceDisconnect) {
  auto session = RoutedSession();
  auto client = Connect(session);  // an archive needs a connected client
  auto archive = Start(session);
  EXPECT_EQ(Get(archive.id).status, ArchiveStatus::kPaused);  // nobody publishes yet
  auto call = Dial(session);
  EXPECT_EQ(Get(archive.id).status, ArchiveStatus::kStarted);  // the call's audio is recorded

  Must(service_.ForceDisconnect(kKey, session, call.connection_id));
  EXPECT_EQ(Get(archive.id).status, ArchiveStatus::kPaused);
  EXPECT_TRUE(Must(service_.SipCalls(session)).empty());
  auto snapshot = Must(service_.GetSession(session));
  ASSERT_EQ(snapshot.left_connections.size(), 1u);
  EXPECT_EQ(snapshot.left_connections[0].connection.kind, ConnectionKind::kSip);
  EXPECT_EQ(snapshot.left_connections[0].reason, DisconnectReason::kForceDisconnected);
  EXPECT_EQ(snapshot.connections.size(), 1u);
  EXPECT_EQ(snapshot.connections[0].connection_id, client);
}

TEST_F(SipTest, DialErrorsCreateNothing) {
  auto routed = RoutedSession();
  auto relayed = Must(service_.CreateSession(kKey, SessionSettings{})).session_id;
  auto expect = [&](DialRequest const& request, int status, std::string const& part) {
    auto result = service_.Dial(kKey, request);
    ASSERT_FALSE(result) << part;
    EXPECT_EQ(result.error().http_status, status) << result.error().message;
    EXPECT_NE(result.error().message.find(part), std::string::npos) << result.error().message;
  };
  auto request = Request(routed);
  request.session_id.clear();
  expect(request, 400, "sessionId");
  request = Request(routed);
  request.token.clear();
  expect(request, 400, "token");
  request = Request(routed);
  request.uri.clear();
  expect(request, 400, "sip.uri");
  request.uri = "tel:+15551234567";
  expect(request, 400, "sip.uri");
  request = Request(routed);
  request.headers = {{"Bad Header", "v"}};
  expect(request, 400, "Bad Header");
  request.headers = {{"X-Ok", "line\r\nInjected: yes"}};
  expect(request, 400, "CR or LF");
  request = Request(routed);
  request.session_id = "not-a-session-id";
  expect(request, 400, "sessionId");
  request.session_id = opentok::common::EncodeSessionId({kKey, "", "1", "unknown"});
  expect(request, 404, "session");
  request = Request(routed);
  request.token = Token(RoutedSession());  // another session's token
  expect(request, 403, "another session");
  request.token = "garbage";
  EXPECT_EQ(service_.Dial(kKey, request).error().http_status, 403);
  expect(Request(relayed), 409, "routed mode");
  Must(service_.AddProject("22222222", "other"));
  EXPECT_EQ(service_.Dial("22222222", Request(routed)).error().http_status, 404);

  EXPECT_TRUE(Must(service_.GetSession(routed)).connections.empty());
  EXPECT_TRUE(Must(service_.GetSession(relayed)).connections.empty());
  EXPECT_TRUE(Must(service_.SipCalls(routed)).empty());

  // Both URI schemes pass, in any case.
  request = Request(routed);
  request.uri = "SIPS:user@example.com";
  Must(service_.Dial(kKey, request));
}

TEST_F(SipTest, SessionDtmfReachesEverySipCallAndConnectionDtmfOnlyThatOne) {
  auto session = RoutedSession();
  auto client = Connect(session);
  auto first = Dial(session);
  auto second = Dial(session);
  Advance(1);
  Must(service_.PlayDtmf(kKey, session, "1234#"));
  for (auto const& call : {first, second}) {
    auto activity = Activity(session, call.connection_id);
    ASSERT_EQ(activity.dtmf.size(), 1u);
    EXPECT_EQ(activity.dtmf[0].digits, "1234#");
    EXPECT_EQ(activity.dtmf[0].at_ms, service_.NowMs());
  }
  EXPECT_TRUE(Activity(session, client).dtmf.empty());  // not a SIP call
  Advance(1);
  Must(service_.PlayDtmf(kKey, session, "p*9", second.connection_id));
  EXPECT_EQ(Activity(session, first.connection_id).dtmf.size(), 1u);
  auto activity = Activity(session, second.connection_id);
  ASSERT_EQ(activity.dtmf.size(), 2u);
  EXPECT_EQ(activity.dtmf[1].digits, "p*9");
  EXPECT_EQ(activity.dtmf_total, 2);

  for (auto const* bad : {"", "12a", "1 2", "P"}) {
    auto error = service_.PlayDtmf(kKey, session, bad).error();
    EXPECT_EQ(error.http_status, 400) << bad;
    EXPECT_EQ(error.code, 400);
    EXPECT_EQ(error.message, "Invalid DTMF Digits");
  }
  EXPECT_EQ(service_.PlayDtmf(kKey, session, "1", "ghost").error().http_status, 404);
  EXPECT_EQ(service_.PlayDtmf(kKey, "unknown", "1").error().http_status, 404);
  Must(service_.ForceDisconnect(kKey, session, first.connection_id));
  EXPECT_EQ(service_.PlayDtmf(kKey, session, "1", first.connection_id).error().http_status, 404);
  EXPECT_EQ(Activity(session, first.connection_id).dtmf.size(), 1u);  // kept after the call ended
  EXPECT_EQ(Activity(session, second.connection_id).dtmf.size(), 2u);
  // A session without SIP calls: nothing to play into, and nothing wrong either.
  Must(service_.PlayDtmf(kKey, RoutedSession(), "1"));
}

TEST_F(SipTest, ACallObeysForceMuteOnlyWhenDialledToObserveIt) {
  auto session = RoutedSession();
  auto deaf = Dial(session);
  auto request = Request(session);
  request.observe_force_mute = true;
  auto obedient = Must(service_.Dial(kKey, request));
  Must(service_.ForceMuteStream(kKey, session, deaf.stream_id));  // 200, no effect
  EXPECT_FALSE(StreamOf(session, deaf.stream_id).audio_muted);
  Must(service_.ForceMuteAll(kKey, session, MuteAllState{true, {}}));
  EXPECT_FALSE(StreamOf(session, deaf.stream_id).audio_muted);
  EXPECT_TRUE(StreamOf(session, obedient.stream_id).audio_muted);
  // Dialled while the mute-all is active.
  auto late = Must(service_.Dial(kKey, request));
  EXPECT_TRUE(StreamOf(session, late.stream_id).audio_muted);
  EXPECT_FALSE(StreamOf(session, Dial(session).stream_id).audio_muted);
}

TEST_F(SipTest, SignalsToTheSessionSkipSipCalls) {
  auto session = RoutedSession();
  auto call = Dial(session);
  // Only a SIP call is connected: no client can receive a session signal.
  EXPECT_EQ(service_.Signal(kKey, session, SignalRequest{"t", "d"}).error().http_status, 404);
  auto client = Connect(session);
  Must(service_.Signal(kKey, session, SignalRequest{"t", "d"}));
  EXPECT_EQ(Activity(session, client).signals.size(), 1u);
  EXPECT_TRUE(Activity(session, call.connection_id).signals.empty());
}

}  // namespace
}  // namespace opentok_mock::testing
