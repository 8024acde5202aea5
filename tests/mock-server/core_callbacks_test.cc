// Service events in the core: what each operation emits and in which order (session
// monitoring, archives, broadcasts, captions, renders, SIP calls), their payloads and mock
// timestamps, where their callbacks go (request URLs, project group URLs, legacy
// registrations), the callback configuration rules, and the timer hooks. No sockets.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core_fixture.h"

namespace opentok_mock::testing {
namespace {

constexpr char kHook[] = "https://hooks.example.com/opentok";

class CallbacksTest : public CoreTest {
 protected:
  CallbacksTest() {
    subscription_ = service_.SubscribeEvents([this](ServiceEvent const& event) { events_.push_back(event); });
  }

  // "name" or "name:status" for each event since the last call, and forgets them.
  std::vector<std::string> Take() {
    std::vector<std::string> out;
    for (auto const& event : events_) {
      std::string line(EventName(event));
      if (auto const* archive = std::get_if<Archive>(&event.payload)) line += ":" + std::string(ToString(archive->status));
      if (auto const* broadcast = std::get_if<Broadcast>(&event.payload)) {
        line += ":" + std::string(ToString(broadcast->status));
      }
      if (auto const* render = std::get_if<Render>(&event.payload)) line += ":" + std::string(ToString(render->status));
      if (auto const* captions = std::get_if<Captions>(&event.payload)) {
        line += ":" + std::string(ToString(captions->status));
      }
      out.push_back(std::move(line));
    }
    taken_.insert(taken_.end(), events_.begin(), events_.end());
    events_.clear();
    return out;
  }

  ServiceEvent const& Last() const { return events_.back(); }

  // A routed session with one client, whose events are already taken.
  std::string SessionWithClient() {
    auto session = RoutedSession();
    Connect(session);
    Take();
    return session;
  }

  PublishSettings AudioOnly() {
    PublishSettings settings;
    settings.name = "voice";
    settings.has_video = false;
    return settings;
  }

  std::uint64_t subscription_ = 0;
  std::vector<ServiceEvent> events_;
  std::vector<ServiceEvent> taken_;
};

using Names = std::vector<std::string>;

TEST_F(CallbacksTest, AClientJoiningPublishingAndLeavingIsMonitoredInOrder) {
  auto session = RoutedSession();
  Advance(3);
  auto client = Connect(session);
  EXPECT_EQ(Take(), (Names{"sessionCreated", "connectionCreated"}));
  auto second = Connect(session);
  EXPECT_EQ(Take(), (Names{"connectionCreated"}));  // the session exists already
  Publish(session, client);
  Publish(session, client);
  EXPECT_EQ(Take(), (Names{"streamCreated", "streamCreated"}));
  Must(service_.Disconnect(session, second));
  EXPECT_EQ(Take(), (Names{"connectionDestroyed"}));
  Must(service_.Disconnect(session, client));
  EXPECT_EQ(Take(), (Names{"streamDestroyed", "streamDestroyed", "connectionDestroyed", "sessionDestroyed"}));
  // A new first client makes a new session's worth of events.
  Connect(session);
  EXPECT_EQ(Take(), (Names{"sessionCreated", "connectionCreated"}));
  for (std::size_t i = 1; i < taken_.size(); ++i) EXPECT_EQ(taken_[i].sequence, taken_[i - 1].sequence + 1);
  for (auto const& event : taken_) {
    EXPECT_EQ(event.api_key, kKey);
    EXPECT_EQ(event.at_ms, service_.NowMs());  // the frozen mock clock
    EXPECT_TRUE(event.callback_urls.empty());  // nothing configured
    EXPECT_EQ(GroupOf(event), CallbackGroup::kSessionMonitoring);
  }
}

TEST_F(CallbacksTest, MonitoringPayloadsCarryTheConnectionTheStreamAndTheReason) {
  auto session = RoutedSession();
  auto client = Connect(session);
  Take();
  auto stream_id = Must(service_.Publish(session, client, AudioOnly())).stream_id;
  ASSERT_EQ(events_.size(), 1u);
  auto created = std::get<MonitoringEvent>(Last().payload);
  EXPECT_EQ(created.kind, MonitoringEventKind::kStreamCreated);
  EXPECT_EQ(created.session_id, session);
  ASSERT_TRUE(created.stream && created.connection);
  EXPECT_EQ(created.stream->stream_id, stream_id);
  EXPECT_FALSE(created.stream->has_video);  // the body leaves videoType out
  EXPECT_EQ(created.connection->connection_id, client);
  EXPECT_FALSE(created.stream_reason);
  Take();

  Must(service_.ForceDisconnect(kKey, session, client));
  ASSERT_EQ(events_.size(), 3u);
  auto stream_gone = std::get<MonitoringEvent>(events_[0].payload);
  EXPECT_EQ(stream_gone.stream_reason, StreamEndReason::kForceDisconnected);
  EXPECT_EQ(stream_gone.connection->connection_id, client);
  auto left = std::get<MonitoringEvent>(events_[1].payload);
  EXPECT_EQ(left.kind, MonitoringEventKind::kConnectionDestroyed);
  EXPECT_EQ(left.connection_reason, DisconnectReason::kForceDisconnected);
  EXPECT_EQ(left.connection->connection_id, client);
  EXPECT_EQ(std::get<MonitoringEvent>(events_[2].payload).kind, MonitoringEventKind::kSessionDestroyed);
}

TEST_F(CallbacksTest, AnUnpublishedStreamIsDestroyedByItsClient) {
  auto session = RoutedSession();
  auto client = Connect(session);
  auto stream = Publish(session, client);
  Take();
  Must(service_.Unpublish(session, stream));
  ASSERT_EQ(events_.size(), 1u);
  auto gone = std::get<MonitoringEvent>(Last().payload);
  EXPECT_EQ(gone.kind, MonitoringEventKind::kStreamDestroyed);
  EXPECT_EQ(gone.stream_reason, StreamEndReason::kClientDisconnected);
  EXPECT_EQ(gone.connection->connection_id, client);  // still connected
}

TEST_F(CallbacksTest, ArchivesReportEveryStatusChangeAfterWhatCausedIt) {
  auto session = RoutedSession();
  auto client = Connect(session);
  Take();
  auto archive = Start(session);  // nobody publishes: paused right away
  EXPECT_EQ(Take(), (Names{"archive:started", "archive:paused"}));
  Publish(session, client);
  EXPECT_EQ(Take(), (Names{"streamCreated", "archive:started"}));
  Advance(10);
  Must(service_.StopArchive(kKey, archive.id));
  EXPECT_EQ(Take(), (Names{"archive:stopped"}));
  Advance(60);  // processing (5 s) then available, stamped with its due time
  EXPECT_EQ(Take(), (Names{"archive:available"}));
  auto const& available = taken_.back();
  EXPECT_EQ(available.at_ms, service_.NowMs() - 55'000);
  EXPECT_TRUE(std::get<Archive>(available.payload).url.has_value());
  Must(service_.DeleteArchive(kKey, archive.id));
  EXPECT_EQ(Take(), (Names{"archive:deleted"}));
}

TEST_F(CallbacksTest, ALeavingPublisherPausesTheArchiveBetweenItsStreamAndItsConnection) {
  auto session = RoutedSession();
  auto client = Connect(session);
  Publish(session, client);
  Start(session);
  Take();
  Must(service_.Disconnect(session, client));
  EXPECT_EQ(Take(), (Names{"streamDestroyed", "archive:paused", "connectionDestroyed", "sessionDestroyed"}));
  Advance(60);  // the session ends: the archive stops
  EXPECT_EQ(Take(), (Names{"archive:stopped"}));
}

TEST_F(CallbacksTest, BroadcastsReportStartAndStop) {
  auto session = SessionWithClient();
  StartBroadcastRequest request;
  request.session_id = session;
  request.hls = HlsSettings{};
  auto broadcast = Must(service_.StartBroadcast(kKey, request));
  EXPECT_EQ(Take(), (Names{"broadcast:started"}));
  Must(service_.StopBroadcast(kKey, broadcast.id));
  EXPECT_EQ(Take(), (Names{"broadcast:stopped"}));
}

TEST_F(CallbacksTest, SipCallsReportCreatedAndDestroyedAfterTheirConnection) {
  auto session = SessionWithClient();
  DialRequest dial;
  dial.session_id = session;
  dial.token = Token(session);
  dial.uri = "sip:user@sip.example.com";
  dial.from = "from@example.com";
  auto call = Must(service_.Dial(kKey, dial));
  EXPECT_EQ(Take(), (Names{"connectionCreated", "streamCreated", "callCreated"}));
  auto created = std::get<SipCallEvent>(taken_.back().payload);
  EXPECT_EQ(created.call.id, call.id);
  EXPECT_EQ(created.call.stream_id, call.stream_id);
  EXPECT_FALSE(created.reason);
  Advance(7);
  Must(service_.ForceDisconnect(kKey, session, call.connection_id));
  EXPECT_EQ(Take(), (Names{"streamDestroyed", "connectionDestroyed", "callDestroyed"}));
  auto destroyed = std::get<SipCallEvent>(taken_.back().payload);
  EXPECT_EQ(destroyed.reason, DisconnectReason::kForceDisconnected);
  EXPECT_EQ(destroyed.call.updated_at_ms, service_.NowMs());
  EXPECT_EQ(GroupOf(taken_.back()), CallbackGroup::kSip);
}

TEST_F(CallbacksTest, RendersReportEachStatusWithTheirJoinFirstAndGoToTheirStatusCallbackUrl) {
  auto session = SessionWithClient();
  Must(service_.SetCallbackUrl(kKey, CallbackGroup::kRender, kHook));
  StartRenderRequest request;
  request.session_id = session;
  request.token = Token(session);
  request.url = "https://example.com/composer";
  request.status_callback_url = "https://render.example.com/status";
  auto render = Must(service_.StartRender(kKey, request));
  EXPECT_EQ(Take(), (Names{"render:starting"}));
  EXPECT_EQ(taken_.back().callback_urls, (std::vector<std::string>{request.status_callback_url, kHook}));
  Advance(2);
  EXPECT_EQ(Take(), (Names{"connectionCreated", "streamCreated", "render:started"}));
  EXPECT_FALSE(std::get<Render>(taken_.back().payload).stream_id.empty());
  Must(service_.StopRender(kKey, render.id));
  EXPECT_EQ(Take(), (Names{"streamDestroyed", "connectionDestroyed", "render:stopped"}));
}

TEST_F(CallbacksTest, CaptionsGoToTheirStatusCallbackUrlFirstAndEachUrlOnce) {
  auto session = RoutedSession();
  Connect(session);
  Must(service_.SetCallbackUrl(kKey, CallbackGroup::kCaptions, kHook));
  Must(service_.RegisterCallback(kKey, "captions", "status", kHook));  // the same URL: once
  Take();
  StartCaptionsRequest request;
  request.session_id = session;
  request.token = Token(session, "moderator");
  request.status_callback_url = "https://captions.example.com/status";
  auto captions = Must(service_.StartCaptions(kKey, request));
  EXPECT_EQ(Take(), (Names{"captions:started"}));
  EXPECT_EQ(taken_.back().callback_urls, (std::vector<std::string>{request.status_callback_url, kHook}));
  Advance(30);
  Must(service_.StopCaptions(kKey, captions.id));
  EXPECT_EQ(Take(), (Names{"captions:stopped"}));
  EXPECT_EQ(std::get<Captions>(taken_.back().payload).duration_s, 30);
}

TEST_F(CallbacksTest, GroupUrlsAndLegacyRegistrationsSelectTheirEvents) {
  Must(service_.SetCallbackUrl(kKey, CallbackGroup::kArchive, kHook));
  auto on_connect = Must(service_.RegisterCallback(kKey, "connection", "created", "http://127.0.0.1:9/connections"));
  Must(service_.RegisterCallback(kKey, "archive", "status", "http://127.0.0.1:9/archives"));
  auto session = RoutedSession();
  auto client = Connect(session);
  ASSERT_EQ(events_.size(), 2u);
  EXPECT_TRUE(events_[0].callback_urls.empty());  // sessionCreated: nobody asked
  EXPECT_EQ(events_[1].callback_urls, std::vector<std::string>{on_connect.url});
  Take();
  Publish(session, client);
  Start(session);
  ASSERT_EQ(Take(), (Names{"streamCreated", "archive:started"}));
  EXPECT_TRUE(taken_[taken_.size() - 2].callback_urls.empty());
  EXPECT_EQ(taken_.back().callback_urls, (std::vector<std::string>{kHook, "http://127.0.0.1:9/archives"}));

  Must(service_.ClearCallbackUrl(kKey, CallbackGroup::kArchive));
  Must(service_.UnregisterCallback(kKey, on_connect.id));
  Connect(session);
  EXPECT_TRUE(Last().callback_urls.empty());
}

TEST_F(CallbacksTest, SessionMonitoringUrlCoversEveryMonitoringEvent) {
  Must(service_.SetCallbackUrl(kKey, CallbackGroup::kSessionMonitoring, kHook));
  auto session = RoutedSession();
  auto client = Connect(session);
  Publish(session, client);
  Must(service_.Disconnect(session, client));
  ASSERT_EQ(events_.size(), 6u);
  for (auto const& event : events_) EXPECT_EQ(event.callback_urls, std::vector<std::string>{kHook});
}

TEST_F(CallbacksTest, CallbackUrlsAreValidatedAndListed) {
  EXPECT_EQ(service_.SetCallbackUrl(kKey, CallbackGroup::kArchive, "ftp://example.com/x").error().http_status, 400);
  EXPECT_EQ(service_.SetCallbackUrl(kKey, CallbackGroup::kArchive, "https://").error().http_status, 400);
  EXPECT_EQ(service_.SetCallbackUrl(kKey, CallbackGroup::kArchive, "example.com/x").error().http_status, 400);
  EXPECT_EQ(service_.SetCallbackUrl(kKey, CallbackGroup::kArchive, "https://a b.example.com/").error().http_status, 400);
  EXPECT_EQ(
      service_.SetCallbackUrl(kKey, CallbackGroup::kArchive, "https://example.com/" + std::string(2100, 'a')).error().http_status,
      400);
  EXPECT_EQ(service_.SetCallbackUrl("99999", CallbackGroup::kArchive, kHook).error().http_status, 404);
  EXPECT_EQ(service_.CallbackUrls("99999").error().http_status, 404);
  EXPECT_TRUE(Must(service_.CallbackUrls(kKey)).empty());

  Must(service_.SetCallbackUrl(kKey, CallbackGroup::kSip, "http://127.0.0.1:8080/sip"));
  Must(service_.SetCallbackUrl(kKey, CallbackGroup::kArchive, "http://127.0.0.1:8080/first"));
  Must(service_.SetCallbackUrl(kKey, CallbackGroup::kArchive, kHook));  // replaces
  auto urls = Must(service_.CallbackUrls(kKey));
  ASSERT_EQ(urls.size(), 2u);
  EXPECT_EQ(urls[0], std::make_pair(CallbackGroup::kArchive, std::string(kHook)));
  EXPECT_EQ(urls[1], std::make_pair(CallbackGroup::kSip, std::string("http://127.0.0.1:8080/sip")));
  Must(service_.ClearCallbackUrl(kKey, CallbackGroup::kSip));
  Must(service_.ClearCallbackUrl(kKey, CallbackGroup::kSip));  // clearing twice is fine
  EXPECT_EQ(Must(service_.CallbackUrls(kKey)).size(), 1u);
}

TEST_F(CallbacksTest, LegacyRegistrationsFollowTheRules) {
  EXPECT_EQ(service_.RegisterCallback(kKey, "archive", "created", kHook).error().http_status, 400);
  EXPECT_EQ(service_.RegisterCallback(kKey, "nonsense", "status", kHook).error().http_status, 400);
  EXPECT_EQ(service_.RegisterCallback(kKey, "archive", "status", "not a url").error().http_status, 400);
  EXPECT_EQ(service_.RegisterCallback("99999", "archive", "status", kHook).error().http_status, 404);
  Advance(2);
  auto first = Must(service_.RegisterCallback(kKey, "archive", "status", "http://127.0.0.1:1/a"));
  EXPECT_EQ(first.id.size(), 36u);
  EXPECT_EQ(first.group, "archive");
  EXPECT_EQ(first.event, "status");
  EXPECT_EQ(first.created_at_ms, service_.NowMs());
  EXPECT_EQ(first.updated_at_ms, first.created_at_ms);
  auto stream = Must(service_.RegisterCallback(kKey, "stream", "destroyed", kHook));
  Advance(3);
  auto again = Must(service_.RegisterCallback(kKey, "archive", "status", kHook));  // same pair: replaced
  EXPECT_EQ(again.id, first.id);
  EXPECT_EQ(again.url, kHook);
  EXPECT_EQ(again.created_at_ms, first.created_at_ms);
  EXPECT_EQ(again.updated_at_ms, first.created_at_ms + 3000);
  auto listed = Must(service_.ListCallbacks(kKey));
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0].id, first.id);
  EXPECT_EQ(listed[1].id, stream.id);
  EXPECT_EQ(service_.UnregisterCallback(kKey, "no-such-id").error().http_status, 404);
  Must(service_.UnregisterCallback(kKey, first.id));
  EXPECT_EQ(service_.UnregisterCallback(kKey, first.id).error().http_status, 404);
  EXPECT_EQ(Must(service_.ListCallbacks(kKey)).size(), 1u);
}

TEST_F(CallbacksTest, ResetKeepsTheConfigurationTheSubscriptionsAndTheSequence) {
  Must(service_.SetCallbackUrl(kKey, CallbackGroup::kSessionMonitoring, kHook));
  auto registered = Must(service_.RegisterCallback(kKey, "session", "created", "http://127.0.0.1:1/s"));
  Connect(RoutedSession());
  auto before = events_.back().sequence;
  service_.Reset();
  EXPECT_EQ(Must(service_.CallbackUrls(kKey)).size(), 1u);
  ASSERT_EQ(Must(service_.ListCallbacks(kKey)).size(), 1u);
  // A seeded id sequence restarts with Reset; a new registration still gets a fresh id.
  auto other = Must(service_.RegisterCallback(kKey, "session", "destroyed", "http://127.0.0.1:1/s"));
  EXPECT_NE(other.id, registered.id);
  Connect(RoutedSession());
  EXPECT_EQ(events_.back().sequence, before + 2);
  EXPECT_EQ(events_.back().callback_urls, std::vector<std::string>{kHook});
  EXPECT_EQ(events_[events_.size() - 2].callback_urls, (std::vector<std::string>{kHook, registered.url}));
}

TEST_F(CallbacksTest, UnsubscribedSubscribersHearNothingMore) {
  service_.UnsubscribeEvents(subscription_);
  Connect(RoutedSession());
  EXPECT_TRUE(events_.empty());
}

class CallbackTimersTest : public CoreTest {
 protected:
  CallbackTimersTest() : CoreTest(Running()) {}
  static ServiceOptions Running() {
    auto options = DefaultOptions();
    options.frozen_clock = false;  // mock time follows the injected wall clock
    return options;
  }
};

TEST_F(CallbackTimersTest, ATickerFiresDueTimersWithoutAnyOtherOperation) {
  std::vector<ServiceEvent> events;
  service_.SubscribeEvents([&](ServiceEvent const& event) { events.push_back(event); });
  EXPECT_FALSE(service_.NextTimerDueMs());
  auto session = RoutedSession();
  auto client = Connect(session);
  Publish(session, client);
  auto archive = Start(session);
  Must(service_.StopArchive(kKey, archive.id));
  auto due = service_.NextTimerDueMs();
  ASSERT_TRUE(due);
  EXPECT_EQ(*due, service_.NowMs() + 5000);  // processing
  events.clear();
  service_.FireDueTimers();  // nothing due yet
  EXPECT_TRUE(events.empty());
  MoveWall(5000);
  service_.FireDueTimers();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(std::get<Archive>(events[0].payload).status, ArchiveStatus::kAvailable);
  EXPECT_EQ(events[0].at_ms, *due);
  EXPECT_GT(*service_.NextTimerDueMs(), *due);  // retention
}

}  // namespace
}  // namespace opentok_mock::testing
