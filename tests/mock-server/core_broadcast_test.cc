// Broadcasts in the core: every row of kBroadcastTransitions, the (status, event) pairs the
// table rejects, start rules, output statuses on the mock clock, paging, layouts and stream
// selection. No sockets.

#include <gtest/gtest.h>

#include <set>

#include "core_fixture.h"
#include "doc_table.h"
#include "opentok_common/api_rules.h"
#include "opentok_common/session_id.h"
#include "opentok_mock/broadcast_transitions.h"

namespace opentok_mock::testing {
namespace {

namespace rules = opentok::common::rules;

// A session with one publishing client and a broadcast (HLS + one RTMP output).
struct Scenario {
  std::string session_id;
  std::string connection_id;
  std::string stream_id;
  std::string broadcast_id;
};

class BroadcastTest : public CoreTest {
 protected:
  StartBroadcastRequest Request(std::string const& session_id) {
    StartBroadcastRequest request;
    request.session_id = session_id;
    request.hls = HlsSettings{};
    request.rtmp = {{"yt", "rtmp://example.com/live", "key", RtmpStatus::kConnecting}};
    return request;
  }

  Broadcast StartBroadcast(std::string const& session_id, std::string tag = {},
                           StreamMode mode = StreamMode::kAuto) {
    auto request = Request(session_id);
    request.multi_broadcast_tag = std::move(tag);
    request.stream_mode = mode;
    return Must(service_.StartBroadcast(kKey, request));
  }

  Broadcast GetBroadcast(std::string const& id) { return Must(service_.GetBroadcast(kKey, id)); }

  Scenario Started(StreamMode mode = StreamMode::kAuto) {
    Scenario s;
    s.session_id = RoutedSession();
    s.connection_id = Connect(s.session_id);
    s.stream_id = Publish(s.session_id, s.connection_id);
    s.broadcast_id = StartBroadcast(s.session_id, {}, mode).id;
    return s;
  }

  // Makes `event` happen the way it happens in use.
  void Fire(BroadcastEvent event, Scenario const& s) {
    switch (event) {
      case BroadcastEvent::kUserStop:
        Must(service_.StopBroadcast(kKey, s.broadcast_id));
        break;
      case BroadcastEvent::kMaxDuration:
        Advance(GetBroadcast(s.broadcast_id).max_duration_s);
        break;
      case BroadcastEvent::kSessionEnded:
        Must(service_.Disconnect(s.session_id, s.connection_id));
        Advance(service_.options().session_end_grace_s);
        break;
    }
  }

  std::int64_t BroadcastCount() { return Must(service_.ListBroadcasts(kKey, {})).total; }
};

class BroadcastRowTest : public BroadcastTest, public ::testing::WithParamInterface<BroadcastTransition> {};

TEST_P(BroadcastRowTest, EventMovesTheBroadcastToTheTableStatus) {
  auto const& row = GetParam();
  ASSERT_EQ(row.from, BroadcastStatus::kStarted);  // the only status a broadcast starts in
  Scenario s = Started(StreamMode::kManual);
  Must(service_.ChangeBroadcastStreams(kKey, s.broadcast_id, {StreamSelectionChange::Kind::kAdd, s.stream_id}));
  Advance(1);
  auto before = GetBroadcast(s.broadcast_id);
  Fire(row.event, s);
  auto after = GetBroadcast(s.broadcast_id);
  EXPECT_EQ(after.status, row.to) << ToString(row.from) << " --" << ToString(row.event) << "--> ?";
  EXPECT_GT(after.updated_at_ms, before.updated_at_ms);
  EXPECT_LE(after.updated_at_ms, service_.NowMs());  // timer events are stamped with their due time
  // Stopped: no selection, no public URL, outputs ended (the REST answer's broadcastUrls is null).
  EXPECT_TRUE(after.streams.empty());
  EXPECT_TRUE(after.hls_url.empty());
  EXPECT_EQ(after.hls_status, HlsStatus::kEnded);
  EXPECT_EQ(after.rtmp[0].status, RtmpStatus::kOffline);
  EXPECT_TRUE(Must(service_.GetSession(s.session_id)).started_broadcast_ids.empty());
}

std::string RowName(::testing::TestParamInfo<BroadcastTransition> const& info) {
  std::string name = std::string(ToString(info.param.from)) + "_" + std::string(ToString(info.param.event));
  for (auto& c : name) c = std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(EveryRow, BroadcastRowTest, ::testing::ValuesIn(kBroadcastTransitions), RowName);

// docs/mock-rest-surface.md's "The broadcast lifecycle" table says what kBroadcastTransitions says: one row
// per transition, `| from | event (explanation) | to |`.
TEST_F(BroadcastTest, TheDocumentedLifecycleTableIsTheTransitionTable) {
  auto rows = opentok_mock::testing::DocTable(OPENTOK_REST_SURFACE_DOC, "### The broadcast lifecycle");
  ASSERT_EQ(rows.size(), kBroadcastTransitions.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    auto const& row = kBroadcastTransitions[i];
    ASSERT_EQ(rows[i].size(), 3u);
    EXPECT_EQ(rows[i][0], ToString(row.from));
    EXPECT_EQ(rows[i][1].rfind(ToString(row.event), 0), 0u) << rows[i][1];
    EXPECT_EQ(rows[i][2], ToString(row.to));
  }
}

TEST_F(BroadcastTest, TheTableCoversBothStatusesAndEveryEvent) {
  std::set<BroadcastStatus> statuses;
  std::set<BroadcastEvent> events;
  for (auto const& row : kBroadcastTransitions) {
    statuses.insert(row.from);
    statuses.insert(row.to);
    events.insert(row.event);
  }
  EXPECT_EQ(statuses.size(), 2u);
  EXPECT_EQ(events.size(), 3u);
}

// Every event on a stopped broadcast is outside the table: a stop is the 404 the Java and
// Ruby SDKs expect, the timers change nothing.
TEST_F(BroadcastTest, EventsOnAStoppedBroadcastChangeNothing) {
  for (auto event : {BroadcastEvent::kUserStop, BroadcastEvent::kMaxDuration, BroadcastEvent::kSessionEnded}) {
    SCOPED_TRACE(std::string(ToString(event)));
    ASSERT_FALSE(FindBroadcastTransition(BroadcastStatus::kStopped, event));
    Scenario s = Started();
    auto stopped = Must(service_.StopBroadcast(kKey, s.broadcast_id));
    if (event == BroadcastEvent::kUserStop) {
      auto error = service_.StopBroadcast(kKey, s.broadcast_id).error();
      EXPECT_EQ(error.http_status, 404);
      EXPECT_NE(error.message.find("already stopped"), std::string::npos);
    } else {
      Fire(event, s);
    }
    auto after = GetBroadcast(s.broadcast_id);
    EXPECT_EQ(after.status, BroadcastStatus::kStopped);
    EXPECT_EQ(after.updated_at_ms, stopped.updated_at_ms);
  }
}

TEST_F(BroadcastTest, StartAnswersAndDefaults) {
  auto session = RoutedSession();
  Connect(session);
  auto broadcast = StartBroadcast(session);
  EXPECT_EQ(broadcast.status, BroadcastStatus::kStarted);
  EXPECT_EQ(broadcast.session_id, session);
  EXPECT_EQ(broadcast.api_key, kKey);
  EXPECT_EQ(broadcast.created_at_ms, service_.NowMs());
  EXPECT_EQ(broadcast.resolution, "640x480");
  EXPECT_EQ(broadcast.max_duration_s, rules::kDefaultBroadcastMaxDuration);
  EXPECT_FALSE(broadcast.max_bitrate.has_value());
  EXPECT_EQ(broadcast.layout.type, "bestFit");
  EXPECT_EQ(broadcast.hls_url, "http://127.0.0.1/_mock/broadcasts/" + broadcast.id + "/hls/index.m3u8");
  EXPECT_EQ(broadcast.hls_status, HlsStatus::kConnecting);
  ASSERT_EQ(broadcast.rtmp.size(), 1u);
  EXPECT_EQ(broadcast.rtmp[0].status, RtmpStatus::kConnecting);
  EXPECT_EQ(Must(service_.GetSession(session)).started_broadcast_ids, std::vector<std::string>{broadcast.id});
}

TEST_F(BroadcastTest, StartRulesOfTheSession) {
  auto start = [&](std::string const& session, std::string tag = {}) {
    auto request = Request(session);
    request.multi_broadcast_tag = std::move(tag);
    return service_.StartBroadcast(kKey, request);
  };
  auto routed = RoutedSession();
  auto relayed = Must(service_.CreateSession(kKey, {})).session_id;
  auto error = start(routed).error();  // nobody connected: the archives' 400
  EXPECT_EQ(error.http_status, 400);
  EXPECT_EQ(error.message, "Not found. No clients are actively connected to the OpenTok session.");
  Connect(relayed);
  error = start(relayed).error();
  EXPECT_EQ(error.http_status, 409);
  EXPECT_EQ(error.code, 15008);
  EXPECT_EQ(error.message, "Only routed sessions are allowed to initiate broadcasts.");
  EXPECT_EQ(start(opentok::common::EncodeSessionId({kKey, "", "1", "abc"})).error().http_status, 404);
  EXPECT_EQ(start("not-a-session").error().http_status, 400);
  Must(service_.AddProject("22222222", "other"));
  Connect(routed);
  EXPECT_EQ(service_.StartBroadcast("22222222", Request(routed)).error().http_status, 404);

  EXPECT_TRUE(start(routed).ok());
  EXPECT_EQ(start(routed).error().http_status, 409);  // no tag counts as a tag
  EXPECT_TRUE(start(routed, "second").ok());
  EXPECT_EQ(start(routed, "second").error().http_status, 409);
  EXPECT_EQ(BroadcastCount(), 2);
  // A stopped broadcast frees its tag.
  auto list = Must(service_.ListBroadcasts(kKey, {}));
  Must(service_.StopBroadcast(kKey, list.items[0].id));
  EXPECT_TRUE(start(routed, "second").ok());
}

TEST_F(BroadcastTest, InvalidStartsAre400sAndCreateNothing) {
  auto session = RoutedSession();
  Connect(session);
  struct Case {
    char const* name;
    void (*edit)(StartBroadcastRequest&);
    char const* message_part;
  };
  Case const cases[] = {
      {"no session", [](StartBroadcastRequest& r) { r.session_id.clear(); }, "sessionId"},
      {"no outputs", [](StartBroadcastRequest& r) { r.hls.reset(), r.rtmp.clear(); }, "outputs"},
      {"six rtmp", [](StartBroadcastRequest& r) { r.rtmp.assign(6, {"", "rtmp://a/b", "c"}); }, "at most 5"},
      {"rtmp without url", [](StartBroadcastRequest& r) { r.rtmp[0].server_url.clear(); }, "outputs.rtmp[0]: serverUrl"},
      {"rtmp without name", [](StartBroadcastRequest& r) { r.rtmp[0].stream_name.clear(); }, "streamName"},
      {"duplicate rtmp id", [](StartBroadcastRequest& r) { r.rtmp.push_back(r.rtmp[0]); }, "used twice"},
      {"dvr and low latency", [](StartBroadcastRequest& r) { r.hls = HlsSettings{true, true}; }, "mutually exclusive"},
      {"no audio no video", [](StartBroadcastRequest& r) { r.has_audio = r.has_video = false; }, "hasAudio"},
      {"resolution", [](StartBroadcastRequest& r) { r.resolution = "1x1"; }, "resolution"},
      {"short", [](StartBroadcastRequest& r) { r.max_duration_s = rules::kBroadcastMaxDuration.min - 1; }, "maxDuration"},
      {"long", [](StartBroadcastRequest& r) { r.max_duration_s = rules::kBroadcastMaxDuration.max + 1; }, "maxDuration"},
      {"bitrate", [](StartBroadcastRequest& r) { r.max_bitrate = rules::kBitrate.max + 1; }, "maxBitrate"},
      {"layout", [](StartBroadcastRequest& r) { r.layout = Layout{"custom", "", ""}; }, "stylesheet"},
  };
  for (auto const& c : cases) {
    SCOPED_TRACE(c.name);
    auto request = Request(session);
    c.edit(request);
    auto error = service_.StartBroadcast(kKey, request).error();
    EXPECT_EQ(error.http_status, 400);
    EXPECT_NE(error.message.find(c.message_part), std::string::npos) << error.message;
  }
  EXPECT_EQ(BroadcastCount(), 0);
  // The limits themselves are accepted.
  auto request = Request(session);
  request.rtmp.assign(rules::kMaxRtmpOutputs, {"", "rtmp://a/b", "c"});
  request.max_duration_s = rules::kBroadcastMaxDuration.max;
  request.max_bitrate = rules::kBitrate.min;
  request.resolution = "1920x1080";
  auto broadcast = Must(service_.StartBroadcast(kKey, request));
  EXPECT_EQ(broadcast.max_duration_s, rules::kBroadcastMaxDuration.max);
  EXPECT_EQ(broadcast.max_bitrate, rules::kBitrate.min);
  EXPECT_EQ(broadcast.resolution, "1920x1080");
}

TEST_F(BroadcastTest, MaxDurationStopsAtTheExactInstantOnTheMockClock) {
  auto session = RoutedSession();
  Connect(session);
  auto request = Request(session);
  request.max_duration_s = 60;
  auto broadcast = Must(service_.StartBroadcast(kKey, request));
  Advance(59);
  EXPECT_EQ(GetBroadcast(broadcast.id).status, BroadcastStatus::kStarted);
  Advance(5);
  auto stopped = GetBroadcast(broadcast.id);
  EXPECT_EQ(stopped.status, BroadcastStatus::kStopped);
  EXPECT_EQ(stopped.updated_at_ms, broadcast.created_at_ms + 60'000);
}

TEST_F(BroadcastTest, SessionEndStopsBroadcastsAndArchivesAlikeAndAReturningClientKeepsThem) {
  Scenario s = Started();
  auto archive = Start(s.session_id);
  Must(service_.Disconnect(s.session_id, s.connection_id));
  Advance(30);
  auto back = Connect(s.session_id);
  Advance(3600);
  EXPECT_EQ(GetBroadcast(s.broadcast_id).status, BroadcastStatus::kStarted);
  Must(service_.Disconnect(s.session_id, back));
  Advance(service_.options().session_end_grace_s - 1);
  EXPECT_EQ(GetBroadcast(s.broadcast_id).status, BroadcastStatus::kStarted);
  Advance(1);
  EXPECT_EQ(GetBroadcast(s.broadcast_id).status, BroadcastStatus::kStopped);
  EXPECT_EQ(Get(archive.id).status, ArchiveStatus::kStopped);
  EXPECT_EQ(Get(archive.id).reason, "session ended");
}

TEST_F(BroadcastTest, OutputStatusesFollowThePublishers) {
  auto session = RoutedSession();
  auto connection = Connect(session);
  auto broadcast = StartBroadcast(session);
  auto statuses = [&] {
    auto b = GetBroadcast(broadcast.id);
    return std::string(ToString(b.hls_status)) + "/" + std::string(ToString(b.rtmp[0].status));
  };
  EXPECT_EQ(statuses(), "connecting/connecting");  // nobody has published yet
  Advance(600);
  EXPECT_EQ(statuses(), "connecting/connecting");
  auto stream = Publish(session, connection);
  EXPECT_EQ(statuses(), "live/live");
  auto second = Publish(session, connection);
  Must(service_.Unpublish(session, stream));
  EXPECT_EQ(statuses(), "live/live");  // somebody still publishes
  Must(service_.Unpublish(session, second));
  EXPECT_EQ(statuses(), "ready/offline");
  Publish(session, connection);
  EXPECT_EQ(statuses(), "live/live");
  auto failed = Must(service_.FailBroadcastOutput(broadcast.id, "yt"));
  EXPECT_EQ(failed.status, BroadcastStatus::kStarted);
  EXPECT_EQ(statuses(), "live/error");
  Must(service_.Disconnect(session, connection));  // error stays
  EXPECT_EQ(statuses(), "ready/error");
  Must(service_.FailBroadcastOutput(broadcast.id));
  EXPECT_EQ(statuses(), "error/error");
  EXPECT_EQ(service_.FailBroadcastOutput(broadcast.id, "nope").error().http_status, 404);
  Must(service_.StopBroadcast(kKey, broadcast.id));
  EXPECT_EQ(statuses(), "ended/offline");
  EXPECT_EQ(service_.FailBroadcastOutput(broadcast.id).error().http_status, 409);
  EXPECT_EQ(service_.FailBroadcastOutput("unknown").error().http_status, 404);
}

TEST_F(BroadcastTest, WithSomebodyPublishingTheStartAnswersConnectingAndReadsLiveAfterwards) {
  Scenario s = Started();
  Must(service_.StopBroadcast(kKey, s.broadcast_id));  // frees the session for the one below
  auto request = Request(s.session_id);
  request.hls.reset();
  auto started = Must(service_.StartBroadcast(kKey, request));
  EXPECT_EQ(started.rtmp[0].status, RtmpStatus::kConnecting);
  EXPECT_TRUE(started.hls_url.empty());  // no HLS output
  EXPECT_EQ(GetBroadcast(started.id).rtmp[0].status, RtmpStatus::kLive);
  auto hls_failure = service_.FailBroadcastOutput(started.id, "hls").error();
  EXPECT_EQ(hls_failure.http_status, 404);
}

TEST_F(BroadcastTest, ListIsNewestFirstWithPagingAndSessionFilter) {
  auto a = RoutedSession();
  auto b = RoutedSession();
  Connect(a);
  Connect(b);
  std::vector<std::string> ids;
  for (int i = 0; i < 6; ++i) {
    ids.push_back(StartBroadcast(i % 2 == 0 ? a : b, "t" + std::to_string(i)).id);
    Advance(1);
  }
  auto all = Must(service_.ListBroadcasts(kKey, {0, 50, ""}));
  ASSERT_EQ(all.total, 6);
  ASSERT_EQ(all.items.size(), 6u);
  EXPECT_EQ(all.items[0].id, ids[5]);
  EXPECT_EQ(all.items[5].id, ids[0]);
  auto page = Must(service_.ListBroadcasts(kKey, {2, 3, ""}));
  EXPECT_EQ(page.total, 6);
  ASSERT_EQ(page.items.size(), 3u);
  EXPECT_EQ(page.items[0].id, ids[3]);
  auto of_b = Must(service_.ListBroadcasts(kKey, {0, 50, b}));
  EXPECT_EQ(of_b.total, 3);
  EXPECT_EQ(of_b.items[0].id, ids[5]);
  EXPECT_EQ(Must(service_.ListBroadcasts(kKey, {0, 50, "unknown"})).total, 0);
  EXPECT_EQ(Must(service_.ListBroadcasts(kKey, {10, 50, ""})).items.size(), 0u);
  EXPECT_EQ(service_.ListBroadcasts(kKey, {-1, 50, ""}).error().http_status, 400);
  EXPECT_EQ(service_.ListBroadcasts(kKey, {0, 1001, ""}).error().http_status, 400);
  Must(service_.AddProject("22222222", "other"));
  EXPECT_EQ(Must(service_.ListBroadcasts("22222222", {})).total, 0);
  EXPECT_EQ(service_.GetBroadcast("22222222", ids[0]).error().http_status, 404);
  EXPECT_EQ(service_.AllBroadcasts().size(), 6u);
  EXPECT_EQ(service_.AllBroadcasts().front().id, ids[5]);
  EXPECT_TRUE(service_.AllBroadcasts("22222222").empty());
}

TEST_F(BroadcastTest, LayoutChangesWhileStartedAndInvalidOnesChangeNothing) {
  Scenario s = Started();
  EXPECT_EQ(Must(service_.GetBroadcastLayout(kKey, s.broadcast_id)).type, "bestFit");
  auto changed = Must(service_.SetBroadcastLayout(kKey, s.broadcast_id, {"bestFit", "", "pip"}));
  EXPECT_EQ(changed.layout.screenshare_type, "pip");
  EXPECT_EQ(Must(service_.GetBroadcastLayout(kKey, s.broadcast_id)).screenshare_type, "pip");
  for (auto const& bad : {Layout{"grid", "", ""}, Layout{"custom", "", ""}, Layout{"pip", "x", ""},
                          Layout{"pip", "", "bestFit"}, Layout{"bestFit", "", "custom"}}) {
    EXPECT_EQ(service_.SetBroadcastLayout(kKey, s.broadcast_id, bad).error().http_status, 400) << bad.type;
  }
  auto custom = Must(service_.SetBroadcastLayout(kKey, s.broadcast_id, {"custom", "stream { top: 0 }", ""}));
  EXPECT_EQ(custom.layout.stylesheet, "stream { top: 0 }");
  EXPECT_EQ(service_.SetBroadcastLayout(kKey, "unknown", {}).error().http_status, 404);
  Must(service_.StopBroadcast(kKey, s.broadcast_id));
  EXPECT_EQ(service_.SetBroadcastLayout(kKey, s.broadcast_id, {}).error().http_status, 409);
  EXPECT_EQ(Must(service_.GetBroadcastLayout(kKey, s.broadcast_id)).type, "custom");
  EXPECT_EQ(service_.GetBroadcastLayout(kKey, "unknown").error().http_status, 404);
}

TEST_F(BroadcastTest, ManualStreamSelection) {
  using Kind = StreamSelectionChange::Kind;
  Scenario s = Started(StreamMode::kManual);
  auto change = [&](Kind kind, std::string const& stream, bool audio = true, bool video = true) {
    return service_.ChangeBroadcastStreams(kKey, s.broadcast_id, {kind, stream, audio, video});
  };
  EXPECT_TRUE(GetBroadcast(s.broadcast_id).streams.empty());  // manual: exactly the streams added
  EXPECT_EQ(change(Kind::kAdd, "not-published").error().http_status, 404);
  EXPECT_EQ(change(Kind::kRemove, s.stream_id).error().http_status, 404);  // not selected
  Must(change(Kind::kAdd, s.stream_id, true, false));
  auto other = Publish(s.session_id, s.connection_id);
  Must(change(Kind::kAdd, other));
  auto streams = GetBroadcast(s.broadcast_id).streams;
  ASSERT_EQ(streams.size(), 2u);
  EXPECT_EQ(streams[0].stream_id, s.stream_id);
  EXPECT_FALSE(streams[0].has_video);
  Must(change(Kind::kAdd, s.stream_id, false, true));  // again: updates the flags
  streams = GetBroadcast(s.broadcast_id).streams;
  ASSERT_EQ(streams.size(), 2u);
  EXPECT_FALSE(streams[0].has_audio);
  EXPECT_TRUE(streams[0].has_video);
  Must(change(Kind::kRemove, s.stream_id));
  ASSERT_EQ(GetBroadcast(s.broadcast_id).streams.size(), 1u);
  Must(service_.Unpublish(s.session_id, other));  // an unpublished stream leaves the selection
  EXPECT_TRUE(GetBroadcast(s.broadcast_id).streams.empty());
  EXPECT_EQ(service_.ChangeBroadcastStreams(kKey, "unknown", {Kind::kAdd, s.stream_id}).error().http_status, 404);
  Must(service_.StopBroadcast(kKey, s.broadcast_id));
  EXPECT_EQ(change(Kind::kAdd, s.stream_id).error().http_status, 409);

  Scenario automatic = Started();
  auto error = service_.ChangeBroadcastStreams(kKey, automatic.broadcast_id, {Kind::kAdd, automatic.stream_id}).error();
  EXPECT_EQ(error.http_status, 405);
  EXPECT_NE(error.message.find("manual"), std::string::npos);
}

TEST_F(BroadcastTest, ResetDropsBroadcastsAndTheirTimers) {
  Scenario s = Started();
  service_.Reset();
  EXPECT_EQ(service_.GetBroadcast(kKey, s.broadcast_id).error().http_status, 404);
  EXPECT_TRUE(service_.AllBroadcasts().empty());
  EXPECT_EQ(service_.PendingTimers(), 0u);
}

}  // namespace
}  // namespace opentok_mock::testing
