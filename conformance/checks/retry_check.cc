// Retry: the SDK's retry policy (docs/retries.md) against faults the mock injects on the
// check's own project (docs/fault-injection.md). An idempotent read answered 503 once is
// retried and succeeds; a start is retried neither after a 503 nor after a connection
// closed without an answer, and the mock saw exactly one start request; a rate limit's 429
// is retried after exactly its Retry-After (the sleeper moves the mock clock instead of
// sleeping). Faults need the mock's control plane: on a live target every check skips.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "archive_tracker.h"
#include "conformance_test.h"
#include "control_session.h"
#include "retry_client.h"

namespace opentok::conformance {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

RetryPolicy ThreeAttempts() {
  RetryPolicy policy;
  policy.max_attempts = 3;
  policy.total_budget = seconds(120);
  policy.initial_backoff = milliseconds(50);
  policy.jitter = 0.0;
  return policy;
}

// A fault on one project's requests of one operation, for the next request only.
nlohmann::json FaultOn(Credentials const& credentials, std::string const& operation, nlohmann::json action) {
  return {{"project", credentials.api_key}, {"operation", operation}, {"action", std::move(action)}, {"times", 1}};
}

// The mock's journal entries of `operation` for the project, oldest first.
std::vector<nlohmann::json> Journal(Credentials const& credentials, std::string const& operation) {
  std::vector<nlohmann::json> entries;
  nlohmann::json const journal = CurrentTarget().control().Requests();
  for (auto const& item : journal.at("items")) {
    if (item.value("apiKey", "") == credentials.api_key && item.value("operation", "") == operation) {
      entries.push_back(item);
    }
  }
  return entries;
}

class RetryTest : public ConformanceTest {};

TEST_F(RetryTest, A503OnAnIdempotentReadIsRetried) {
  OPENTOK_REQUIRE_CONTROL_PLANE("fault injection");
  ControlSession session(OwnProject());
  session.Publish(session.Connect());
  std::string archive_id = session.client().StartArchive(session.id(), StartArchiveOptions{}).id;
  ArchiveTracker::Instance().Track(session.credentials(), archive_id);
  CurrentTarget().control().AddFault(FaultOn(session.credentials(), "archive.get", {{"type", "error"}, {"status", 503}}));

  auto sleeper = std::make_shared<MockClockSleeper>();
  OpenTok client = RetryingClient(session.credentials(), ThreeAttempts(), sleeper);
  EXPECT_EQ(client.GetArchive(archive_id).id, archive_id);

  auto gets = Journal(session.credentials(), "archive.get");
  ASSERT_EQ(gets.size(), 2u) << "one faulted attempt and one retry";
  EXPECT_EQ(gets[0].at("status"), 503);
  EXPECT_EQ(gets[1].at("status"), 200);
  EXPECT_EQ(sleeper->waits(), std::vector<milliseconds>{milliseconds(50)});
}

TEST_F(RetryTest, A503OnAStartIsNotRetried) {
  OPENTOK_REQUIRE_CONTROL_PLANE("fault injection");
  ControlSession session(OwnProject());
  session.Publish(session.Connect());
  CurrentTarget().control().AddFault(FaultOn(session.credentials(), "archive.start", {{"type", "error"}, {"status", 503}}));

  auto sleeper = std::make_shared<MockClockSleeper>();
  OpenTok client = RetryingClient(session.credentials(), ThreeAttempts(), sleeper);
  try {
    client.StartArchive(session.id(), StartArchiveOptions{});
    ADD_FAILURE() << "the faulted start succeeded";
  } catch (RequestException const& e) {
    EXPECT_EQ(e.http_status(), 503);
  }
  EXPECT_EQ(Journal(session.credentials(), "archive.start").size(), 1u) << "a start was repeated";
  EXPECT_TRUE(sleeper->waits().empty());
}

TEST_F(RetryTest, AConnectionClosedOnAStartIsNotRetried) {
  OPENTOK_REQUIRE_CONTROL_PLANE("fault injection");
  ControlSession session(OwnProject());
  session.Publish(session.Connect());
  CurrentTarget().control().AddFault(FaultOn(session.credentials(), "archive.start", {{"type", "close"}}));

  auto sleeper = std::make_shared<MockClockSleeper>();
  OpenTok client = RetryingClient(session.credentials(), ThreeAttempts(), sleeper);
  try {
    client.StartArchive(session.id(), StartArchiveOptions{});
    ADD_FAILURE() << "the start got an answer through a closed connection";
  } catch (TransportException const& e) {
    EXPECT_TRUE(e.request_may_have_been_sent()) << e.what();
  }
  EXPECT_EQ(Journal(session.credentials(), "archive.start").size(), 1u) << "a start was repeated";
  EXPECT_TRUE(sleeper->waits().empty());
  EXPECT_TRUE(session.client().ListArchives(0, 50, session.id()).items.empty())
      << "the closed request started an archive";
}

TEST_F(RetryTest, A429IsRetriedAfterItsRetryAfter) {
  OPENTOK_REQUIRE_CONTROL_PLANE("fault injection and rate limits");
  Credentials credentials = OwnProject();
  ControlPlane const& control = CurrentTarget().control();
  control.SetRateLimit(credentials.api_key, {{"requests", 1}, {"window_ms", 60'000}, {"operation", "archive.list"}});

  // Two attempts only: the retry succeeds only if the wait covered the rest of the window.
  RetryPolicy policy = ThreeAttempts();
  policy.max_attempts = 2;
  auto sleeper = std::make_shared<MockClockSleeper>();
  OpenTok client = RetryingClient(credentials, policy, sleeper);
  client.ListArchives();  // the window's one request
  client.ListArchives();  // 429, then admitted after the wait
  control.ClearRateLimit(credentials.api_key);

  auto lists = Journal(credentials, "archive.list");
  ASSERT_EQ(lists.size(), 3u);
  EXPECT_EQ(lists[1].at("status"), 429);
  EXPECT_EQ(lists[1].at("fault"), "rate-limit");
  EXPECT_EQ(lists[2].at("status"), 200);
  auto waits = sleeper->waits();
  ASSERT_EQ(waits.size(), 1u);
  EXPECT_GT(waits[0], seconds(0));
  EXPECT_LE(waits[0], seconds(60));
  EXPECT_EQ(waits[0] % seconds(1), milliseconds(0)) << "the wait is Retry-After's whole seconds, not a backoff";
}

}  // namespace
}  // namespace opentok::conformance
