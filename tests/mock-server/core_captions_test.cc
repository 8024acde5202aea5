// Live captions in the core: every row of kCaptionsTransitions and the events stopped
// captions reject, one captioning per session, start rules (invalid starts create nothing),
// defaults and maxDuration on the mock clock. No sockets.

#include <gtest/gtest.h>

#include <set>

#include "core_fixture.h"
#include "opentok_common/api_rules.h"
#include "opentok_common/session_id.h"
#include "opentok_mock/captions_transitions.h"
#include "doc_table.h"

namespace opentok_mock::testing {
namespace {

namespace rules = opentok::common::rules;

class CaptionsTest : public CoreTest {
 protected:
  StartCaptionsRequest Request(std::string const& session_id) {
    StartCaptionsRequest request;
    request.session_id = session_id;
    request.token = Token(session_id, "moderator");
    return request;
  }

  Captions StartCaptions(std::string const& session_id) { return Must(service_.StartCaptions(kKey, Request(session_id))); }
  Captions GetCaptions(std::string const& id) { return Must(service_.GetCaptions(kKey, id)); }

  // Makes `event` happen the way it happens in use.
  void Fire(CaptionsEvent event, Captions const& captions) {
    switch (event) {
      case CaptionsEvent::kUserStop:
        Must(service_.StopCaptions(kKey, captions.id));
        break;
      case CaptionsEvent::kMaxDuration:
        Advance(captions.max_duration_s);
        break;
      case CaptionsEvent::kSystemFailure:
        Must(service_.FailCaptions(captions.id));
        break;
    }
  }
};

class CaptionsRowTest : public CaptionsTest, public ::testing::WithParamInterface<CaptionsTransition> {};

TEST_P(CaptionsRowTest, EventMovesTheCaptionsToTheTableStatus) {
  auto const& row = GetParam();
  ASSERT_EQ(row.from, CaptionsStatus::kStarted);  // the only status captions start in
  auto session_id = RoutedSession();
  auto captions = StartCaptions(session_id);
  ASSERT_EQ(captions.status, row.from);
  Advance(10);
  Fire(row.event, captions);
  auto after = GetCaptions(captions.id);
  EXPECT_EQ(after.status, row.to) << ToString(row.from) << " --" << ToString(row.event) << "--> ?";
  EXPECT_EQ(after.reason, row.reason);
  EXPECT_GT(after.updated_at_ms, captions.created_at_ms);
  EXPECT_EQ(after.duration_s, (after.updated_at_ms - after.created_at_ms + 500) / 1000);
  // The session is free for new captions, and the ended ones stay as they are.
  Advance(100);
  EXPECT_EQ(GetCaptions(captions.id).duration_s, after.duration_s);
  EXPECT_EQ(StartCaptions(session_id).status, CaptionsStatus::kStarted);
}

std::string RowName(::testing::TestParamInfo<CaptionsTransition> const& info) {
  std::string name = std::string(ToString(info.param.from)) + "_" + std::string(ToString(info.param.event));
  for (auto& c : name) c = std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(EveryRow, CaptionsRowTest, ::testing::ValuesIn(kCaptionsTransitions), RowName);

// docs/mock-rest-surface.md's "The captions lifecycle" table says what kCaptionsTransitions says, row by row:
// `| from | event (explanation) | to | reason |`.
TEST_F(CaptionsTest, TheDocumentedLifecycleTableIsTheTransitionTable) {
  auto rows = DocTable(OPENTOK_REST_SURFACE_DOC, "### The captions lifecycle");
  ASSERT_EQ(rows.size(), kCaptionsTransitions.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    auto const& row = kCaptionsTransitions[i];
    ASSERT_EQ(rows[i].size(), 4u);
    EXPECT_EQ(rows[i][0], ToString(row.from));
    EXPECT_EQ(rows[i][1].rfind(ToString(row.event), 0), 0u) << rows[i][1];
    EXPECT_EQ(rows[i][2], ToString(row.to));
    EXPECT_EQ(rows[i][3], row.reason.empty() ? "" : "`" + std::string(row.reason) + "`");
  }
}

TEST_F(CaptionsTest, TheTableCoversEveryEvent) {
  std::set<CaptionsEvent> events;
  std::set<CaptionsStatus> reached;
  for (auto const& row : kCaptionsTransitions) {
    events.insert(row.event);
    reached.insert(row.to);
  }
  EXPECT_EQ(events.size(), 3u);
  // `paused` is in the wire vocabulary only: nothing in the mock pauses captions.
  EXPECT_EQ(reached, (std::set<CaptionsStatus>{CaptionsStatus::kStopped, CaptionsStatus::kFailed}));
}

// Every event on stopped captions is outside the table: a stop is a 404, a failure a 409,
// the maxDuration timer changes nothing.
TEST_F(CaptionsTest, EventsOnStoppedCaptionsChangeNothing) {
  auto captions = StartCaptions(RoutedSession());
  Must(service_.StopCaptions(kKey, captions.id));
  auto stopped = GetCaptions(captions.id);
  auto stop = service_.StopCaptions(kKey, captions.id);
  ASSERT_FALSE(stop);
  EXPECT_EQ(stop.error().http_status, 404);
  auto fail = service_.FailCaptions(captions.id);
  ASSERT_FALSE(fail);
  EXPECT_EQ(fail.error().http_status, 409);
  Advance(rules::kDefaultCaptionsMaxDuration);
  auto after = GetCaptions(captions.id);
  EXPECT_EQ(after.status, CaptionsStatus::kStopped);
  EXPECT_EQ(after.reason, "Stopped by user");
  EXPECT_EQ(after.updated_at_ms, stopped.updated_at_ms);
}

TEST_F(CaptionsTest, OnePerSession) {
  auto session_id = RoutedSession();
  StartCaptions(session_id);
  auto second = service_.StartCaptions(kKey, Request(session_id));
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().http_status, 409);
  EXPECT_EQ(second.error().code, 60003);
  EXPECT_EQ(second.error().message, "Audio captioning is already enabled");
  // Another session is not affected.
  EXPECT_TRUE(service_.StartCaptions(kKey, Request(RoutedSession())));
  EXPECT_EQ(service_.AllCaptions().size(), 2u);
}

TEST_F(CaptionsTest, DefaultsAndDurationOnTheMockClock) {
  auto captions = StartCaptions(RoutedSession());
  EXPECT_EQ(captions.id.size(), 36u);
  EXPECT_EQ(captions.language_code, "en-US");
  EXPECT_EQ(captions.max_duration_s, 14400);
  EXPECT_TRUE(captions.partial_captions);
  EXPECT_EQ(captions.duration_s, 0);
  EXPECT_EQ(captions.created_at_ms, service_.NowMs());
  EXPECT_TRUE(captions.reason.empty());
  Advance(42);
  EXPECT_EQ(GetCaptions(captions.id).duration_s, 42);
}

TEST_F(CaptionsTest, MaxDurationStopsAtItsDueTime) {
  auto request = Request(RoutedSession());
  request.max_duration_s = rules::kCaptionsMaxDuration.min;
  request.language_code = "pt-BR";
  request.partial_captions = false;
  request.status_callback_url = "https://example.com/captions";
  auto captions = Must(service_.StartCaptions(kKey, request));
  EXPECT_EQ(captions.language_code, "pt-BR");
  EXPECT_FALSE(captions.partial_captions);
  EXPECT_EQ(captions.status_callback_url, "https://example.com/captions");
  Advance(request.max_duration_s.value() - 1);
  EXPECT_EQ(GetCaptions(captions.id).status, CaptionsStatus::kStarted);
  Advance(1000);  // one jump well past the due time: the timer is stamped with its own time
  auto after = GetCaptions(captions.id);
  EXPECT_EQ(after.status, CaptionsStatus::kStopped);
  EXPECT_EQ(after.reason, "Max duration exceeded");
  EXPECT_EQ(after.updated_at_ms, captions.created_at_ms + *request.max_duration_s * 1000);
  EXPECT_EQ(after.duration_s, *request.max_duration_s);
}

TEST_F(CaptionsTest, InvalidStartsAre400sThatNameTheFieldAndCreateNothing) {
  auto session_id = RoutedSession();
  struct Case {
    char const* field;
    void (*change)(StartCaptionsRequest&);
  };
  Case const cases[] = {
      {"sessionId", [](StartCaptionsRequest& r) { r.session_id.clear(); }},
      {"token", [](StartCaptionsRequest& r) { r.token.clear(); }},
      {"maxDuration", [](StartCaptionsRequest& r) { r.max_duration_s = rules::kCaptionsMaxDuration.min - 1; }},
      {"maxDuration", [](StartCaptionsRequest& r) { r.max_duration_s = rules::kCaptionsMaxDuration.max + 1; }},
      {"languageCode", [](StartCaptionsRequest& r) { r.language_code = "english"; }},
      {"languageCode", [](StartCaptionsRequest& r) { r.language_code = "en_US"; }},
      {"statusCallbackUrl", [](StartCaptionsRequest& r) { r.status_callback_url = "http://a.b/c"; }},
      {"statusCallbackUrl", [](StartCaptionsRequest& r) { r.status_callback_url = "https://x/" + std::string(2040, 'a'); }},
  };
  for (auto const& c : cases) {
    auto request = Request(session_id);
    c.change(request);
    auto result = service_.StartCaptions(kKey, request);
    ASSERT_FALSE(result) << c.field;
    EXPECT_EQ(result.error().http_status, 400) << c.field;
    EXPECT_NE(result.error().message.find(c.field), std::string::npos) << result.error().message;
  }
  EXPECT_TRUE(service_.AllCaptions().empty());
  EXPECT_TRUE(service_.StartCaptions(kKey, Request(session_id)));  // the session was never taken
}

TEST_F(CaptionsTest, SessionTokenAndMediaModeRules) {
  auto routed = RoutedSession();
  auto other = RoutedSession();
  auto request = Request(routed);
  request.token = Token(other);  // a token of another session
  auto wrong_token = service_.StartCaptions(kKey, request);
  ASSERT_FALSE(wrong_token);
  EXPECT_EQ(wrong_token.error().http_status, 403);
  request.token = "not a token";
  EXPECT_EQ(service_.StartCaptions(kKey, request).error().http_status, 403);

  auto relayed = Must(service_.CreateSession(kKey, {})).session_id;
  auto on_relayed = service_.StartCaptions(kKey, Request(relayed));
  ASSERT_FALSE(on_relayed);
  EXPECT_EQ(on_relayed.error().http_status, 409);

  request = Request(routed);
  request.session_id = opentok::common::EncodeSessionId({kKey, "", "1", "unknown"});
  EXPECT_EQ(service_.StartCaptions(kKey, request).error().http_status, 404);
  request.session_id = "garbage";
  EXPECT_EQ(service_.StartCaptions(kKey, request).error().http_status, 400);
  EXPECT_TRUE(service_.AllCaptions().empty());
}

TEST_F(CaptionsTest, ProjectScoped) {
  auto captions = StartCaptions(RoutedSession());
  Must(service_.AddProject("87654321", kSecret));
  EXPECT_EQ(service_.GetCaptions("87654321", captions.id).error().http_status, 404);
  EXPECT_EQ(service_.StopCaptions("87654321", captions.id).error().http_status, 404);
  EXPECT_EQ(service_.AllCaptions("87654321").size(), 0u);
  EXPECT_EQ(service_.AllCaptions(kKey).size(), 1u);
  EXPECT_EQ(GetCaptions(captions.id).status, CaptionsStatus::kStarted);
  EXPECT_EQ(service_.GetCaptions(kKey, "unknown").error().http_status, 404);
}

TEST_F(CaptionsTest, ResetDropsCaptions) {
  auto captions = StartCaptions(RoutedSession());
  service_.Reset();
  EXPECT_TRUE(service_.AllCaptions().empty());
  EXPECT_FALSE(service_.FindCaptions(captions.id));
  EXPECT_EQ(service_.PendingTimers(), 0u);
}

}  // namespace
}  // namespace opentok_mock::testing
