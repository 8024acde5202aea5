// State snapshots (MockService::ExportState / ImportState): the round trip is exact on a
// state with every family, the copy then evolves as the original does, a refused document
// changes nothing; and client tokens stamped with the wall clock against a moved mock clock.

#include <nlohmann/json.hpp>

#include "application_helpers.h"
#include "core_fixture.h"

namespace opentok_mock::testing {
namespace {

using std::chrono::hours;
using std::chrono::seconds;

constexpr std::int64_t kDayS = 24 * 60 * 60;
constexpr char kHook[] = "http://127.0.0.1:9/hook";

class StateTest : public CoreTest {
 protected:
  explicit StateTest(bool frozen = true) : CoreTest(Options(frozen)) {}

  static ServiceOptions Options(bool frozen) {
    auto options = DefaultOptions();
    options.frozen_clock = frozen;
    return options;
  }

  // A second service on the same wall clock, as a fresh mock would be.
  std::unique_ptr<MockService> FreshService(bool frozen = true) {
    auto options = Options(frozen);
    options.wall_clock = [wall = wall_ms_] { return wall->load(); };
    return std::make_unique<MockService>(std::move(options));
  }

  // A client token as an SDK mints it: stamped with the wall clock, valid `lifetime_s`.
  std::string WallJwt(std::string const& session_id, std::int64_t lifetime_s = 3600) {
    auto now_s = wall_ms_->load() / 1000;
    auto claims = ClientClaims(kKey, session_id, "publisher", now_s);
    claims["exp"] = now_s + lifetime_s;
    claims["expire_time"] = now_s + lifetime_s;
    return MakeJwt(claims, kSecret);
  }
  std::string WallT1(std::string const& session_id, std::int64_t lifetime_s = 3600) {
    auto now_s = wall_ms_->load() / 1000;
    return MakeT1(kKey, kSecret,
                  "session_id=" + session_id + "&create_time=" + std::to_string(now_s) +
                      "&expire_time=" + std::to_string(now_s + lifetime_s) + "&role=publisher&nonce=42");
  }

  // Every family of records, with timers pending and records in several statuses.
  void BuildRichState() {
    Must(service_.SetArchiveUploadTarget(kKey, R"({"type":"s3"})"));
    Must(service_.SetCallbackUrl(kKey, CallbackGroup::kArchive, kHook));
    Must(service_.RegisterCallback(kKey, "connection", "created", kHook));
    Must(service_.AddApplication(kApplicationId, ApplicationPrivateKey().PublicKeyPem()));
    Must(service_.AddProject("87654321", "another-secret"));

    auto session = RoutedSession();
    auto publisher = Connect(session);
    auto stream = Publish(session, publisher);
    auto watcher = Connect(session, "moderator");
    Must(service_.Signal(kKey, session, SignalRequest{"chat", "hello"}, watcher));
    Must(service_.ForceMuteAll(kKey, session, MuteAllState{true, {stream}}));

    auto stopped = Start(session, "first").id;  // stopped, its processing timer pending
    Advance(30);
    Must(service_.StopArchive(kKey, stopped));
    auto deleted = Start(session, "second").id;
    Advance(10);
    Must(service_.StopArchive(kKey, deleted));
    Advance(10);
    Must(service_.DeleteArchive(kKey, deleted));
    Start(session, "recording");

    StartBroadcastRequest broadcast;
    broadcast.session_id = session;
    broadcast.hls = HlsSettings{true, false};
    broadcast.rtmp.push_back(RtmpOutput{"out", "rtmp://127.0.0.1/live", "key", RtmpStatus::kConnecting});
    Must(service_.StartBroadcast(kKey, broadcast));

    StartCaptionsRequest captions;
    captions.session_id = session;
    captions.token = Token(session);
    Must(service_.StartCaptions(kKey, captions));

    StartRenderRequest render;
    render.session_id = session;
    render.token = Token(session);
    render.url = "http://127.0.0.1:9/page";
    render.name = "composer";
    Must(service_.StartRender(kKey, render));  // starting: its load timer pending

    ConnectAudioRequest audio;
    audio.session_id = session;
    audio.token = Token(session);
    audio.uri = "wss://example.com/audio";
    audio.headers = {{"Authorization", "Bearer abc"}};
    Must(service_.ConnectAudio(kKey, audio));

    DialRequest dial;
    dial.session_id = session;
    dial.token = Token(session);
    dial.uri = "sip:user@sip.example.com";
    dial.from = "from@example.com";
    auto call = Must(service_.Dial(kKey, dial));
    Must(service_.PlayDtmf(kKey, session, "1234", call.connection_id));

    auto other = RoutedSession();
    Connect(other);
    Must(service_.Disconnect(other, Connect(other, "subscriber")));  // a left connection
  }

  void ExpectRejected(nlohmann::json const& document, std::string const& names) {
    auto before = service_.ExportState();
    auto imported = service_.ImportState(document.dump());
    ASSERT_FALSE(imported) << "accepted: " << names;
    EXPECT_EQ(imported.error().http_status, 400);
    EXPECT_NE(imported.error().message.find(names), std::string::npos) << imported.error().message;
    EXPECT_EQ(service_.ExportState(), before) << "a refused document changed the state";
  }
};

TEST_F(StateTest, TheRoundTripIsExactOnAStateWithEveryFamily) {
  BuildRichState();
  auto exported = service_.ExportState();
  auto json = nlohmann::json::parse(exported);
  EXPECT_EQ(json["version"], 1);
  for (auto const* family : {"projects", "sessions", "archives", "broadcasts", "captions", "renders", "audio_connectors"}) {
    EXPECT_FALSE(json[family].empty()) << family;
  }
  EXPECT_GE(json["timers"]["pending"].size(), 4u);
  EXPECT_TRUE(json["clock"]["history"].back()["frozen_at_ms"].is_number());

  auto copy = FreshService();
  Must(copy->ImportState(exported));
  EXPECT_EQ(copy->ExportState(), exported);
  EXPECT_EQ(copy->NowMs(), service_.NowMs());
  EXPECT_EQ(copy->PendingTimers(), service_.PendingTimers());
}

TEST_F(StateTest, TheCopyEvolvesAsTheOriginalDoes) {
  BuildRichState();
  auto copy = FreshService();
  Must(copy->ImportState(service_.ExportState()));
  auto session = Must(service_.CreateSession(kKey, SessionSettings{})).session_id;
  EXPECT_EQ(Must(copy->CreateSession(kKey, SessionSettings{})).session_id, session);  // ids continue alike

  for (auto step : {seconds(3), seconds(60), seconds(3600), seconds(3 * kDayS)}) {
    Must(service_.AdvanceClock(step));
    Must(copy->AdvanceClock(step));
    ASSERT_EQ(copy->ExportState(), service_.ExportState()) << "after advancing " << step.count() << " s";
  }
  auto original = Must(service_.ListArchives(kKey, ListQuery{}));
  auto copied = Must(copy->ListArchives(kKey, ListQuery{}));
  ASSERT_EQ(copied.items.size(), original.items.size());
  for (std::size_t i = 0; i < original.items.size(); ++i) {
    EXPECT_EQ(copied.items[i].id, original.items[i].id);
    EXPECT_EQ(copied.items[i].status, original.items[i].status);
    EXPECT_EQ(copied.items[i].updated_at_ms, original.items[i].updated_at_ms);
  }
  EXPECT_EQ(copy->AllRenders().front().status, service_.AllRenders().front().status);
}

class RunningStateTest : public StateTest {
 protected:
  RunningStateTest() : StateTest(false) {}
};

TEST_F(RunningStateTest, ARunningClockRoundTripsAndRunsOnWithTheWallClock) {
  BuildRichState();
  service_.FreezeClock();
  MoveWall(5000);
  service_.UnfreezeClock();  // mock time is now 5 s behind the wall's pace
  auto exported = service_.ExportState();
  EXPECT_TRUE(nlohmann::json::parse(exported)["clock"]["history"].back()["frozen_at_ms"].is_null());

  auto copy = FreshService(false);
  Must(copy->ImportState(exported));
  EXPECT_EQ(copy->ExportState(), exported);
  EXPECT_EQ(copy->NowMs(), service_.NowMs());
  MoveWall(2 * 3600 * 1000);  // real time passes for both
  EXPECT_EQ(copy->NowMs(), service_.NowMs());
  EXPECT_EQ(copy->ExportState(), service_.ExportState());
}

TEST_F(StateTest, ARefusedDocumentNamesTheMemberAndChangesNothing) {
  BuildRichState();
  auto good = nlohmann::json::parse(service_.ExportState());

  auto before = service_.ExportState();
  auto not_json = service_.ImportState("{");
  ASSERT_FALSE(not_json);
  EXPECT_EQ(not_json.error().http_status, 400);
  EXPECT_EQ(service_.ExportState(), before);

  auto bad = good;
  bad["version"] = 2;
  ExpectRejected(bad, "version");
  bad = good;
  bad["sessions"][0]["connections"][0]["role"] = "boss";
  ExpectRejected(bad, "sessions[0].connections[0].role: unknown value 'boss'");
  bad = good;
  bad["archives"][1]["view"].erase("status");
  ExpectRejected(bad, "archives[1].view.status: is missing");
  bad = good;
  bad["broadcasts"][0]["epoch"] = -1;
  ExpectRejected(bad, "broadcasts[0].epoch");
  bad = good;
  bad["projects"][0]["colour"] = "blue";
  ExpectRejected(bad, "projects[0].colour: is not a member");
  bad = good;
  bad["sessions"][0]["session"]["api_key"] = "99999999";
  ExpectRejected(bad, "sessions[0].session.api_key: names no project");
  bad = good;
  bad["renders"][0]["view"]["session_id"] = "nowhere";
  ExpectRejected(bad, "renders[0].view.session_id: names no session");
  bad = good;
  bad["clock"]["history"] = nlohmann::json::array();
  ExpectRejected(bad, "clock.history");
  bad = good;
  bad["timers"]["next_sequence"] = 0;
  ExpectRejected(bad, "timers.pending[0].sequence");
  bad = good;
  bad["sequences"]["archive"] = 1;
  ExpectRejected(bad, ".sequence");
  bad = good;
  bad["projects"][1]["public_key_pem"] = "not a key";
  ExpectRejected(bad, "projects[1].public_key_pem");
}

TEST_F(StateTest, AnImportReplacesEverythingAndKeysKeepWorking) {
  auto empty = FreshService()->ExportState();  // a fresh service has no project
  auto session = RoutedSession();
  auto exported = service_.ExportState();
  Must(service_.ImportState(empty));
  EXPECT_TRUE(service_.Projects().empty());
  EXPECT_FALSE(service_.GetSession(session));
  Must(service_.ImportState(exported));
  EXPECT_EQ(service_.Projects().front().api_secret, kSecret);
  Connect(session);  // the restored secret verifies tokens again
}

// --- Client tokens and the mock clock ---------------------------------------------------

class TokenClockTest : public StateTest, public ::testing::WithParamInterface<bool> {
 protected:
  TokenClockTest() : StateTest(GetParam()) {}

  // Success, or the refusal's status and message.
  ::testing::AssertionResult Connects(std::string const& session, std::string const& token) {
    auto connected = service_.Connect(session, token);
    if (connected) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << connected.error().http_status << " " << connected.error().message;
  }
};

TEST_P(TokenClockTest, ATokenMintedAfterAnAdvanceOfDaysConnects) {
  auto session = RoutedSession();
  Advance(3 * kDayS);
  MoveWall(1500);  // the SDK mints a moment later, on the wall clock
  EXPECT_TRUE(Connects(session, WallJwt(session)));
  EXPECT_TRUE(Connects(session, WallT1(session)));
}

TEST_P(TokenClockTest, ATokenMintedBeforeAnAdvancePastItsLifetimeHasExpired) {
  auto session = RoutedSession();
  auto jwt = WallJwt(session);
  auto t1 = WallT1(session);
  MoveWall(1500);
  Advance(2 * 3600);
  for (auto const& token : {jwt, t1}) {
    auto refused = service_.Connect(session, token);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().http_status, 403);
    EXPECT_EQ(refused.error().message, "Invalid token: the token has expired");
  }
  // Within its lifetime of mock time it still connects.
  auto session2 = RoutedSession();
  MoveWall(1500);
  auto fresh = WallJwt(session2, 3 * 3600);
  MoveWall(1500);
  Advance(2 * 3600);
  EXPECT_TRUE(Connects(session2, fresh));
}

TEST_P(TokenClockTest, TheLifetimeIsMockTimeWhateverTheWallClockDid) {
  auto session = RoutedSession();
  Advance(kDayS);
  MoveWall(1500);
  auto token = WallJwt(session, 600);
  MoveWall(1500);
  Advance(590);  // with a running clock, the wall's 1.5 s (and the stamp's rounding) count too
  EXPECT_TRUE(Connects(session, token));
  Advance(20);
  EXPECT_FALSE(Connects(session, token));
}

TEST_P(TokenClockTest, AStampFromTheMockClockIsReadAsMockTime) {
  // Tests (and clients whose clock reads the mock's) stamp tokens with mock time: after an
  // advance that stamp is ahead of the wall clock, and the token needs no placing.
  auto session = RoutedSession();
  Advance(kDayS);
  EXPECT_TRUE(Connects(session, Token(session)));
  auto token = Token(session);  // an hour of lifetime from mock now
  Advance(3601);
  EXPECT_FALSE(Connects(session, token));
}

TEST_P(TokenClockTest, InTheSecondOfAClockChangeTheStampDecidesTheOrder) {
  // Stamps have whole seconds. A stamp equal to the mock second before the change (here the
  // mock and wall clocks agreed) counts as minted before it: expired after a 2 h advance.
  auto session = RoutedSession();
  auto before = WallJwt(session);
  Advance(2 * 3600);
  EXPECT_FALSE(Connects(session, before));
  // Once the clocks differ, a wall stamp in the second of a change counts as after it.
  MoveWall(1500);
  auto token = WallJwt(session);
  Advance(2 * 3600);
  EXPECT_TRUE(Connects(session, token));
}

TEST_P(TokenClockTest, ATokenWithoutAnIssueStampExpiresAtItsExpiryReadAsMockTime) {
  auto session = RoutedSession();
  auto now_s = wall_ms_->load() / 1000;
  nlohmann::json claims = {{"iss", kKey},   {"ist", "project"},    {"session_id", session},
                           {"exp", now_s + 3600}, {"scope", "session.connect"}, {"role", "publisher"}};
  auto token = MakeJwt(claims, kSecret);
  MoveWall(1500);
  Advance(1800);
  EXPECT_TRUE(Connects(session, token));
  Advance(1800);
  EXPECT_FALSE(Connects(session, token));
}

TEST_P(TokenClockTest, ASnapshotKeepsTheClockHistoryTokensAreJudgedBy) {
  auto session = RoutedSession();
  auto before = WallJwt(session);
  MoveWall(1500);
  Advance(2 * 3600);
  MoveWall(1500);
  auto after = WallJwt(session);
  auto copy = FreshService(GetParam());
  Must(copy->ImportState(service_.ExportState()));
  EXPECT_FALSE(copy->Connect(session, before));
  EXPECT_TRUE(copy->Connect(session, after));
}

INSTANTIATE_TEST_SUITE_P(Clocks, TokenClockTest, ::testing::Values(true, false),
                         [](auto const& info) { return info.param ? "Frozen" : "Running"; });

}  // namespace
}  // namespace opentok_mock::testing
