// Experience Composer renders in the core: every row of kRenderTransitions and the events
// ended renders reject, the render as a participant of its session (its connection and
// stream, recorded by archives, received by Audio Connectors), the URL probe (called outside
// the lock, never for rejected starts), start rules and listing. No sockets.

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "core_fixture.h"
#include "opentok_common/api_rules.h"
#include "opentok_common/session_id.h"
#include "opentok_mock/render_transitions.h"
#include "doc_table.h"

namespace opentok_mock::testing {
namespace {

namespace rules = opentok::common::rules;

constexpr std::int64_t kLoadS = 2;  // starting -> started

class RenderTest : public CoreTest {
 protected:
  RenderTest() : CoreTest(WithProbe(this)) {}

  // The probe says what `loadable_` says and records what it was asked; it reads the
  // service, which would deadlock if the service called it under its lock.
  static ServiceOptions WithProbe(RenderTest* self) {
    auto options = DefaultOptions();
    options.url_loadable = [self](std::string const& url) {
      self->probed_.push_back(url);
      self->renders_seen_by_probe_ = self->service_.AllRenders().size();
      return self->loadable_;
    };
    return options;
  }

  StartRenderRequest Request(std::string const& session_id) {
    StartRenderRequest request;
    request.session_id = session_id;
    request.token = Token(session_id);
    request.url = "https://example.com/composer";
    return request;
  }

  Render StartRender(std::string const& session_id) { return Must(service_.StartRender(kKey, Request(session_id))); }
  Render GetRender(std::string const& id) { return Must(service_.GetRender(kKey, id)); }

  std::vector<Connection> Connections(std::string const& session_id) {
    return Must(service_.GetSession(session_id)).connections;
  }
  std::vector<Stream> Streams(std::string const& session_id) { return Must(service_.GetSession(session_id)).streams; }

  // A render in `status`: starting right after the start, started 2 s later.
  Render InStatus(RenderStatus status, std::string const& session_id) {
    auto render = StartRender(session_id);
    if (status == RenderStatus::kStarted) Advance(kLoadS);
    return GetRender(render.id);
  }

  // Makes `event` happen the way it happens in use.
  void Fire(RenderEvent event, Render const& render) {
    switch (event) {
      case RenderEvent::kLoaded:
        Advance(kLoadS);
        break;
      case RenderEvent::kLoadFailed:
        FAIL() << "set up by the test: the probe said no at the start";
        break;
      case RenderEvent::kUserStop:
        Must(service_.StopRender(kKey, render.id));
        break;
      case RenderEvent::kMaxDuration:
        Advance(render.max_duration_s);
        break;
      case RenderEvent::kConnectionLeft:
        Must(service_.Disconnect(render.session_id, render.connection_id));
        break;
      case RenderEvent::kSystemFailure:
        Must(service_.FailRender(render.id));
        break;
    }
  }

  bool loadable_ = true;
  std::vector<std::string> probed_;
  std::size_t renders_seen_by_probe_ = 0;
};

class RenderRowTest : public RenderTest, public ::testing::WithParamInterface<RenderTransition> {};

TEST_P(RenderRowTest, EventMovesTheRenderToTheTableStatus) {
  auto const& row = GetParam();
  auto session_id = RoutedSession();
  Render before;
  if (row.event == RenderEvent::kLoadFailed) {
    loadable_ = false;
    before = StartRender(session_id);
    Advance(kLoadS);
  } else {
    before = InStatus(row.from, session_id);
    ASSERT_EQ(before.status, row.from);
    if (row.from == RenderStatus::kStarting && row.event != RenderEvent::kLoaded) Advance(1);  // still starting
    Fire(row.event, before);
  }
  auto after = GetRender(before.id);
  EXPECT_EQ(after.status, row.to) << ToString(row.from) << " --" << ToString(row.event) << "--> ?";
  EXPECT_EQ(after.reason, row.reason);
  EXPECT_GT(after.updated_at_ms, after.created_at_ms);
  EXPECT_LE(after.updated_at_ms, service_.NowMs());  // timer events are stamped with their due time
  auto connections = Connections(session_id);
  auto streams = Streams(session_id);
  if (row.to == RenderStatus::kStarted) {
    // In the session: one connection of kind render publishing the render's stream.
    ASSERT_EQ(connections.size(), 1u);
    EXPECT_EQ(connections[0].kind, ConnectionKind::kRender);
    EXPECT_EQ(connections[0].connection_id, after.connection_id);
    ASSERT_EQ(streams.size(), 1u);
    EXPECT_EQ(streams[0].stream_id, after.stream_id);
    EXPECT_EQ(streams[0].connection_id, after.connection_id);
  } else {
    // Out of the session (or never in it), for good: its timers change nothing any more.
    EXPECT_TRUE(connections.empty());
    EXPECT_TRUE(streams.empty());
    Advance(after.max_duration_s);
    EXPECT_EQ(GetRender(after.id).updated_at_ms, after.updated_at_ms);
    EXPECT_TRUE(Connections(session_id).empty());
  }
  bool const was_in_session = row.from == RenderStatus::kStarted || row.to == RenderStatus::kStarted;
  EXPECT_EQ(after.stream_id.empty(), !was_in_session);
}

std::string RowName(::testing::TestParamInfo<RenderTransition> const& info) {
  std::string name = std::string(ToString(info.param.from)) + "_" + std::string(ToString(info.param.event));
  for (auto& c : name) c = std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(EveryRow, RenderRowTest, ::testing::ValuesIn(kRenderTransitions), RowName);

// docs/mock-rest-surface.md's "The render lifecycle" table says what kRenderTransitions says, row by row:
// `| from | event (explanation) | to | reason |`.
TEST_F(RenderTest, TheDocumentedLifecycleTableIsTheTransitionTable) {
  auto rows = DocTable(OPENTOK_REST_SURFACE_DOC, "### The render lifecycle");
  ASSERT_EQ(rows.size(), kRenderTransitions.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    auto const& row = kRenderTransitions[i];
    ASSERT_EQ(rows[i].size(), 4u);
    EXPECT_EQ(rows[i][0], ToString(row.from));
    EXPECT_EQ(rows[i][1].rfind(ToString(row.event), 0), 0u) << rows[i][1];
    EXPECT_EQ(rows[i][2], ToString(row.to));
    EXPECT_EQ(rows[i][3], row.reason.empty() ? "" : "`" + std::string(row.reason) + "`");
  }
}

TEST_F(RenderTest, TheTableCoversEveryStatusAndEvent) {
  std::set<RenderStatus> statuses;
  std::set<RenderEvent> events;
  for (auto const& row : kRenderTransitions) {
    statuses.insert(row.from);
    statuses.insert(row.to);
    events.insert(row.event);
  }
  EXPECT_EQ(statuses.size(), 4u);
  EXPECT_EQ(events.size(), 6u);
}

// Stopped and failed renders take no event: a stop is the 404 of "not found or already
// stopped", a failure a 409.
TEST_F(RenderTest, EventsOnEndedRendersAreRejected) {
  auto session_id = RoutedSession();
  auto stopped = StartRender(session_id);
  Must(service_.StopRender(kKey, stopped.id));
  auto failed = StartRender(session_id);
  Must(service_.FailRender(failed.id));
  for (auto const& id : {stopped.id, failed.id}) {
    auto before = GetRender(id);
    auto stop = service_.StopRender(kKey, id);
    ASSERT_FALSE(stop);
    EXPECT_EQ(stop.error().http_status, 404);
    EXPECT_EQ(service_.FailRender(id).error().http_status, 409);
    Advance(kLoadS);
    auto after = GetRender(id);
    EXPECT_EQ(after.status, before.status);
    EXPECT_EQ(after.updated_at_ms, before.updated_at_ms);
  }
  EXPECT_TRUE(Connections(session_id).empty());
}

TEST_F(RenderTest, StartsTwoSecondsAfterTheAnswer) {
  auto session_id = RoutedSession();
  auto render = StartRender(session_id);
  EXPECT_EQ(render.status, RenderStatus::kStarting);
  EXPECT_TRUE(render.stream_id.empty());
  EXPECT_EQ(render.resolution, "1280x720");
  EXPECT_EQ(render.max_duration_s, 7200);
  EXPECT_FALSE(render.name);
  Must(service_.AdvanceClock(std::chrono::milliseconds(kLoadS * 1000 - 1)));
  EXPECT_EQ(GetRender(render.id).status, RenderStatus::kStarting);
  EXPECT_TRUE(Connections(session_id).empty());
  Must(service_.AdvanceClock(std::chrono::milliseconds(1)));
  auto started = GetRender(render.id);
  EXPECT_EQ(started.status, RenderStatus::kStarted);
  EXPECT_EQ(started.updated_at_ms, render.created_at_ms + kLoadS * 1000);
  EXPECT_EQ(started.stream_id.size(), 36u);
}

TEST_F(RenderTest, TheRenderJoinsAsAParticipantWithItsTokenAndName) {
  auto session_id = RoutedSession();
  auto request = Request(session_id);
  request.name = "Composed";
  request.token = MakeJwt(
      [&] {
        auto claims = ClientClaims(kKey, session_id, "moderator", service_.NowMs() / 1000);
        claims["connection_data"] = "render=1";
        return claims;
      }(),
      kSecret);
  auto render = Must(service_.StartRender(kKey, request));
  Advance(kLoadS);
  auto connections = Connections(session_id);
  ASSERT_EQ(connections.size(), 1u);
  EXPECT_EQ(connections[0].role, Role::kModerator);
  EXPECT_EQ(connections[0].data, "render=1");
  auto streams = Streams(session_id);
  ASSERT_EQ(streams.size(), 1u);
  EXPECT_EQ(streams[0].name, "Composed");
  EXPECT_EQ(GetRender(render.id).name, "Composed");
}

// The render publishes through the same session code as any client: a composed archive
// that was paused for lack of publishers records it, and stops recording when it leaves.
TEST_F(RenderTest, ItsStreamIsRecordedByAComposedArchive) {
  auto session_id = RoutedSession();
  Connect(session_id);  // archives need a connected client; this one does not publish
  auto archive = Start(session_id);
  EXPECT_EQ(Get(archive.id).status, ArchiveStatus::kPaused);
  auto render = StartRender(session_id);
  Advance(kLoadS);
  EXPECT_EQ(Get(archive.id).status, ArchiveStatus::kStarted);
  Advance(30);
  Must(service_.StopRender(kKey, render.id));
  EXPECT_EQ(Get(archive.id).status, ArchiveStatus::kPaused);
  auto stopped = Must(service_.StopArchive(kKey, archive.id));
  EXPECT_EQ(Get(archive.id).duration_s, 30);
  EXPECT_EQ(stopped.status, ArchiveStatus::kStopped);
}

TEST_F(RenderTest, ItsStreamCanBeSelectedByAManualArchive) {
  auto session_id = RoutedSession();
  Connect(session_id);
  StartArchiveRequest manual;
  manual.session_id = session_id;
  manual.stream_mode = StreamMode::kManual;
  auto archive = Must(service_.StartArchive(kKey, manual));
  auto render = StartRender(session_id);
  Advance(kLoadS);
  auto stream_id = GetRender(render.id).stream_id;
  Must(service_.ChangeArchiveStreams(kKey, archive.id, {StreamSelectionChange::Kind::kAdd, stream_id}));
  ASSERT_EQ(Get(archive.id).streams.size(), 1u);
  Must(service_.StopRender(kKey, render.id));
  EXPECT_TRUE(Get(archive.id).streams.empty());  // the unpublished stream left the selection
}

TEST_F(RenderTest, MaxDurationCountsFromTheStart) {
  auto session_id = RoutedSession();
  auto request = Request(session_id);
  request.max_duration_s = rules::kRenderMaxDuration.min;
  auto render = Must(service_.StartRender(kKey, request));
  Advance(rules::kRenderMaxDuration.min - 1);
  EXPECT_EQ(GetRender(render.id).status, RenderStatus::kStarted);
  Advance(3600);
  auto after = GetRender(render.id);
  EXPECT_EQ(after.status, RenderStatus::kStopped);
  EXPECT_EQ(after.reason, "Max duration exceeded");
  EXPECT_EQ(after.updated_at_ms, render.created_at_ms + *request.max_duration_s * 1000);
  EXPECT_TRUE(Connections(session_id).empty());
}

TEST_F(RenderTest, ForceDisconnectingItsConnectionStopsIt) {
  auto session_id = RoutedSession();
  auto render = InStatus(RenderStatus::kStarted, session_id);
  Must(service_.ForceDisconnect(kKey, session_id, render.connection_id));
  auto after = GetRender(render.id);
  EXPECT_EQ(after.status, RenderStatus::kStopped);
  EXPECT_EQ(after.reason, "Render connection disconnected");
  EXPECT_EQ(service_.StopRender(kKey, render.id).error().http_status, 404);
}

TEST_F(RenderTest, AnUnloadablePageFailsAfterTheLoadTimeAndNeverJoins) {
  loadable_ = false;
  auto session_id = RoutedSession();
  auto render = StartRender(session_id);
  EXPECT_EQ(render.status, RenderStatus::kStarting);  // the answer does not tell yet
  Advance(kLoadS);
  auto after = GetRender(render.id);
  EXPECT_EQ(after.status, RenderStatus::kFailed);
  EXPECT_EQ(after.reason, "Could not load URL");
  EXPECT_TRUE(after.stream_id.empty());
  EXPECT_TRUE(Connections(session_id).empty());
}

TEST_F(RenderTest, TheProbeIsAskedOnceOutsideTheLockAndNeverForARejectedStart) {
  auto session_id = RoutedSession();
  StartRender(RoutedSession());
  ASSERT_EQ(probed_, (std::vector<std::string>{"https://example.com/composer"}));
  EXPECT_EQ(renders_seen_by_probe_, 0u);  // asked before the render existed, without deadlocking

  auto bad_url = Request(session_id);
  bad_url.url = "https://x.io";
  auto bad_token = Request(session_id);
  bad_token.token = Token(RoutedSession());
  auto subscriber = Request(session_id);
  subscriber.token = Token(session_id, "subscriber");
  auto relayed = Request(Must(service_.CreateSession(kKey, {})).session_id);
  relayed.token = Token(relayed.session_id);
  auto unknown = Request(session_id);
  unknown.session_id = opentok::common::EncodeSessionId({kKey, "", "1", "unknown"});
  std::pair<StartRenderRequest, int> const rejected[] = {
      {bad_url, 400}, {bad_token, 403}, {subscriber, 403}, {relayed, 409}, {unknown, 404}};
  for (auto const& [request, status] : rejected) {
    auto result = service_.StartRender(kKey, request);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().http_status, status) << result.error().message;
  }
  EXPECT_EQ(probed_.size(), 1u);
  EXPECT_EQ(service_.AllRenders().size(), 1u);
}

TEST_F(RenderTest, InvalidStartsAre400sThatNameTheFieldAndCreateNothing) {
  auto session_id = RoutedSession();
  struct Case {
    char const* field;
    void (*change)(StartRenderRequest&);
  };
  Case const cases[] = {
      {"sessionId", [](StartRenderRequest& r) { r.session_id.clear(); }},
      {"token", [](StartRenderRequest& r) { r.token.clear(); }},
      {"url", [](StartRenderRequest& r) { r.url.clear(); }},
      {"url", [](StartRenderRequest& r) { r.url = "https://x.io/ab"; r.url.pop_back(); }},  // 14 characters
      {"url", [](StartRenderRequest& r) { r.url = "https://x.io/" + std::string(2036, 'a'); }},  // 2049
      {"maxDuration", [](StartRenderRequest& r) { r.max_duration_s = rules::kRenderMaxDuration.min - 1; }},
      {"maxDuration", [](StartRenderRequest& r) { r.max_duration_s = rules::kRenderMaxDuration.max + 1; }},
      {"resolution", [](StartRenderRequest& r) { r.resolution = "1280x721"; }},
      {"properties.name", [](StartRenderRequest& r) { r.name = ""; }},
      {"properties.name", [](StartRenderRequest& r) { r.name = std::string(201, 'n'); }},
      {"statusCallbackUrl", [](StartRenderRequest& r) { r.status_callback_url = "http://a.b/c"; }},
  };
  for (auto const& c : cases) {
    auto request = Request(session_id);
    c.change(request);
    auto result = service_.StartRender(kKey, request);
    ASSERT_FALSE(result) << c.field;
    EXPECT_EQ(result.error().http_status, 400) << c.field;
    EXPECT_NE(result.error().message.find(c.field), std::string::npos) << result.error().message;
  }
  EXPECT_TRUE(service_.AllRenders().empty());
  EXPECT_TRUE(probed_.empty());
  EXPECT_EQ(service_.PendingTimers(), 0u);

  // The limits themselves are fine; lengths count characters, not bytes.
  auto edge = Request(session_id);
  edge.url = "https://x.io/ab";
  edge.max_duration_s = rules::kRenderMaxDuration.max;
  edge.resolution = "1920x1080";
  std::string name;
  for (int i = 0; i < 200; ++i) name += "\xC3\xA9";  // 200 x U+00E9, 400 bytes
  edge.name = name;
  edge.status_callback_url = "https://x.io/cb";
  auto render = Must(service_.StartRender(kKey, edge));
  EXPECT_EQ(render.name, name);
  EXPECT_EQ(render.callback_url, "https://x.io/cb");
  EXPECT_EQ(render.resolution, "1920x1080");
}

TEST_F(RenderTest, ListsNewestFirstPerProjectAndSession) {
  auto first_session = RoutedSession();
  auto second_session = RoutedSession();
  std::vector<std::string> ids;
  for (int i = 0; i < 5; ++i) ids.push_back(StartRender(i % 2 == 0 ? first_session : second_session).id);
  auto page = Must(service_.ListRenders(kKey, {1, 2, {}}));
  EXPECT_EQ(page.total, 5);
  ASSERT_EQ(page.items.size(), 2u);
  EXPECT_EQ(page.items[0].id, ids[3]);
  EXPECT_EQ(page.items[1].id, ids[2]);
  auto of_second = Must(service_.ListRenders(kKey, {0, 50, second_session}));
  EXPECT_EQ(of_second.total, 2);
  EXPECT_EQ(of_second.items[0].id, ids[3]);
  EXPECT_EQ(service_.ListRenders(kKey, {0, 1001, {}}).error().http_status, 400);
  EXPECT_EQ(service_.ListRenders(kKey, {-1, 10, {}}).error().http_status, 400);
  Must(service_.AddProject("87654321", kSecret));
  EXPECT_EQ(Must(service_.ListRenders("87654321", {})).total, 0);
  EXPECT_EQ(service_.GetRender("87654321", ids[0]).error().http_status, 404);
  EXPECT_EQ(service_.StopRender("87654321", ids[0]).error().http_status, 404);
  EXPECT_EQ(service_.AllRenders().front().id, ids.back());
}

TEST_F(RenderTest, AnAudioConnectorForEveryStreamReceivesTheRendersStream) {
  auto session_id = RoutedSession();
  ConnectAudioRequest request;
  request.session_id = session_id;
  request.token = Token(session_id);
  request.uri = "wss://example.com/audio";
  auto call = Must(service_.ConnectAudio(kKey, request));
  auto render = InStatus(RenderStatus::kStarted, session_id);
  EXPECT_EQ(Must(service_.FindAudioConnector(call.id)).subscribed_stream_ids,
            (std::vector<std::string>{render.stream_id}));
  Must(service_.StopRender(kKey, render.id));
  EXPECT_TRUE(Must(service_.FindAudioConnector(call.id)).subscribed_stream_ids.empty());
}

}  // namespace
}  // namespace opentok_mock::testing
