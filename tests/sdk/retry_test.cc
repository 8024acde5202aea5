// The retry policy through the public API: which failures are retried for which kind of
// operation, the attempt limit, the time budget, backoff growth and jitter, Retry-After,
// and that the default policy sends every request exactly once. A scripted transport
// answers; a recording sleeper moves the fake clock instead of sleeping.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "opentok/opentok.h"
#include "opentok/retry.h"
#include "test_client.h"
#include "test_data.h"

namespace opentok {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using testing_util::kApiSecret;
using testing_util::kArchiveId;
using testing_util::kArchiveJson;
using testing_util::kNonce;
using testing_util::kNow;
using testing_util::kSessionId;
using testing_util::TestClient;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

// Records every wait and moves the client's fake clock forward by it, so the budget sees
// time pass while the test never sleeps.
class RecordingSleeper final : public Sleeper {
 public:
  void SleepFor(milliseconds duration) override {
    std::lock_guard lock(mu_);
    waits_.push_back(duration);
    elapsed_ += duration;
    if (advance_) advance_(elapsed_);
  }
  void OnSleep(std::function<void(milliseconds total)> advance) { advance_ = std::move(advance); }
  std::vector<milliseconds> waits() const {
    std::lock_guard lock(mu_);
    return waits_;
  }

 private:
  mutable std::mutex mu_;
  std::vector<milliseconds> waits_;
  milliseconds elapsed_{0};
  std::function<void(milliseconds)> advance_;
};

// A client with `policy` whose waits are recorded; the clock starts at kNow and advances
// (in whole seconds, as the fake clock counts) by the total of the waits.
struct RetryClient {
  std::shared_ptr<RecordingSleeper> sleeper = std::make_shared<RecordingSleeper>();
  TestClient t;

  explicit RetryClient(RetryPolicy policy) : t(Options(policy, sleeper)) {
    sleeper->OnSleep([clock = t.clock](milliseconds total) {
      clock->Set(kNow + std::chrono::duration_cast<seconds>(total).count());
    });
  }
  void Answer(int status, std::string body = "{}", HttpHeaders headers = {}) {
    headers.emplace_back("Content-Type", "application/json");
    t.transport->Enqueue(HttpResponse{.status = status, .headers = std::move(headers), .body = std::move(body)});
  }
  void FailTransport(bool request_may_have_been_sent) {
    t.transport->EnqueueFailure(
        std::make_exception_ptr(TransportException("connection reset", request_may_have_been_sent)));
  }
  std::size_t requests() const { return t.transport->requests().size(); }

 private:
  static ClientOptions Options(RetryPolicy policy, std::shared_ptr<Sleeper> sleeper) {
    ClientOptions options;
    options.retry = policy;
    options.sleeper = std::move(sleeper);
    return options;
  }
};

// Up to five attempts, whole-second deterministic backoff (1 s, 2 s, 4 s, ...), a budget
// no test reaches unless it means to.
RetryPolicy Retrying() {
  RetryPolicy policy;
  policy.max_attempts = 5;
  policy.total_budget = seconds(600);
  policy.initial_backoff = seconds(1);
  policy.max_backoff = seconds(60);
  policy.multiplier = 2.0;
  policy.jitter = 0.0;
  return policy;
}

std::string ErrorBody(int status, std::string const& message) {
  return R"({"code":)" + std::to_string(status) + R"(,"message":")" + message + R"("})";
}

// ---- the default policy ----

TEST(RetryDefault, IsOneAttempt) {
  RetryPolicy policy;
  EXPECT_EQ(policy.max_attempts, 1);
  EXPECT_EQ(ClientOptions{}.retry.max_attempts, 1);
}

TEST(RetryDefault, SendsEachRequestOnceEvenWhenTheFailureIsRetryable) {
  RetryClient c{RetryPolicy{}};
  c.Answer(503, ErrorBody(503, "busy"));
  c.Answer(200, kArchiveJson);
  try {
    c.t.client.GetArchive(kArchiveId);
    FAIL() << "expected the 503";
  } catch (RequestException const& e) {
    EXPECT_EQ(e.http_status(), 503);
    EXPECT_THAT(e.what(), HasSubstr("GetArchive failed: HTTP 503"));
    EXPECT_THAT(e.what(), Not(HasSubstr("attempts")));
  }
  EXPECT_EQ(c.requests(), 1u);

  RetryClient refused{RetryPolicy{}};
  refused.FailTransport(/*request_may_have_been_sent=*/false);
  refused.Answer(200, kArchiveJson);
  EXPECT_THROW(refused.t.client.GetArchive(kArchiveId), TransportException);
  EXPECT_EQ(refused.requests(), 1u);
  EXPECT_TRUE(c.sleeper->waits().empty());
  EXPECT_TRUE(refused.sleeper->waits().empty());
}

// ---- idempotent operations ----

class IdempotentRetried : public ::testing::TestWithParam<int> {};

TEST_P(IdempotentRetried, GetArchiveRetriesTheStatusAndSucceeds) {
  RetryClient c(Retrying());
  c.Answer(GetParam(), ErrorBody(GetParam(), "try later"));
  c.Answer(200, kArchiveJson);
  EXPECT_EQ(c.t.client.GetArchive(kArchiveId).id, kArchiveId);
  EXPECT_EQ(c.requests(), 2u);
  EXPECT_THAT(c.sleeper->waits(), ElementsAre(seconds(1)));
}

INSTANTIATE_TEST_SUITE_P(TransientStatuses, IdempotentRetried, ::testing::Values(429, 502, 503, 504));

class IdempotentNotRetried : public ::testing::TestWithParam<int> {};

TEST_P(IdempotentNotRetried, GetArchiveGivesTheFirstAnswer) {
  RetryClient c(Retrying());
  c.Answer(GetParam(), ErrorBody(GetParam(), "final"));
  c.Answer(200, kArchiveJson);
  try {
    c.t.client.GetArchive(kArchiveId);
    FAIL() << "expected HTTP " << GetParam();
  } catch (RequestException const& e) {
    EXPECT_EQ(e.http_status(), GetParam());
    EXPECT_EQ(e.service_message(), "final");
  }
  EXPECT_EQ(c.requests(), 1u);
}

// 500 says the service failed while handling the request, not "come back later".
INSTANTIATE_TEST_SUITE_P(FinalStatuses, IdempotentNotRetried, ::testing::Values(400, 401, 403, 404, 405, 409, 500));

TEST(RetryIdempotent, TransportFailuresAreRetriedWhetherOrNotTheRequestWasSent) {
  RetryClient c(Retrying());
  c.FailTransport(/*request_may_have_been_sent=*/false);
  c.FailTransport(/*request_may_have_been_sent=*/true);
  c.Answer(200, kArchiveJson);
  EXPECT_EQ(c.t.client.GetArchive(kArchiveId).id, kArchiveId);
  EXPECT_EQ(c.requests(), 3u);
  EXPECT_THAT(c.sleeper->waits(), ElementsAre(seconds(1), seconds(2)));
}

TEST(RetryIdempotent, StopsDeletesAndPutsAreRetried) {
  RetryClient c(Retrying());
  c.Answer(503);
  c.Answer(200, kArchiveJson);
  c.t.client.StopArchive(kArchiveId);
  c.Answer(502);
  c.Answer(204, "");
  c.t.client.DeleteArchive(kArchiveId);
  c.FailTransport(true);
  c.Answer(200, kArchiveJson);
  c.t.client.SetArchiveLayout(kArchiveId, ArchiveLayout{});
  EXPECT_EQ(c.requests(), 6u);
}

TEST(RetryIdempotent, CreateSessionIsRetried) {
  RetryClient c(Retrying());
  c.Answer(503);
  c.Answer(200, R"([{"session_id":"RETRIED-SESSION"}])");
  EXPECT_EQ(c.t.client.CreateSession().id, "RETRIED-SESSION");
  EXPECT_EQ(c.requests(), 2u);
}

TEST(RetryIdempotent, EveryAttemptIsSignedAfresh) {
  RetryClient c(Retrying());
  c.Answer(503);
  c.Answer(200, kArchiveJson);
  c.t.client.GetArchive(kArchiveId);
  auto requests = c.t.transport->requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].url, requests[1].url);
  EXPECT_NE(requests[0].headers.front(), requests[1].headers.front()) << "the retry reused the first auth token";
  EXPECT_EQ(c.t.random->ids_issued(), 2);
}

// ---- non-idempotent operations ----

// One call per non-idempotent kind; each answers with the SDK's decoded result or nothing.
struct NonIdempotentCall {
  char const* name;
  std::function<void(OpenTok const&)> call;
};

std::vector<NonIdempotentCall> NonIdempotentCalls() {
  return {
      {"StartArchive", [](OpenTok const& c) { c.StartArchive(kSessionId, StartArchiveOptions{}); }},
      {"Signal", [](OpenTok const& c) { c.Signal(kSessionId, SignalProperties{.type = "t", .data = "d"}); }},
      {"ForceMuteAll", [](OpenTok const& c) { c.ForceMuteAll(kSessionId, {}); }},
  };
}

class NonIdempotent : public ::testing::TestWithParam<NonIdempotentCall> {};

TEST_P(NonIdempotent, AnswersThatMayFollowTheServiceActingAreNotRetried) {
  for (int status : {429, 502, 503, 504}) {
    RetryClient c(Retrying());
    c.Answer(status, ErrorBody(status, "busy"));
    c.Answer(200, kArchiveJson);
    try {
      GetParam().call(c.t.client);
      FAIL() << "expected HTTP " << status;
    } catch (RequestException const& e) {
      EXPECT_EQ(e.http_status(), status);
    }
    EXPECT_EQ(c.requests(), 1u) << "HTTP " << status << " was retried";
  }
}

TEST_P(NonIdempotent, ATransportFailureAfterTheRequestMayHaveBeenSentIsNotRetried) {
  RetryClient c(Retrying());
  c.FailTransport(/*request_may_have_been_sent=*/true);
  c.Answer(200, kArchiveJson);
  try {
    GetParam().call(c.t.client);
    FAIL() << "expected TransportException";
  } catch (TransportException const& e) {
    EXPECT_TRUE(e.request_may_have_been_sent());
    EXPECT_THAT(e.what(), HasSubstr(std::string(GetParam().name) + " failed: connection reset"));
  }
  EXPECT_EQ(c.requests(), 1u);
}

TEST_P(NonIdempotent, AFailureBeforeTheRequestLeftIsRetried) {
  RetryClient c(Retrying());
  c.FailTransport(/*request_may_have_been_sent=*/false);
  c.FailTransport(/*request_may_have_been_sent=*/false);
  c.Answer(200, kArchiveJson);
  GetParam().call(c.t.client);
  EXPECT_EQ(c.requests(), 3u);
}

INSTANTIATE_TEST_SUITE_P(Kinds, NonIdempotent, ::testing::ValuesIn(NonIdempotentCalls()),
                         [](auto const& info) { return std::string(info.param.name); });

TEST(RetryNonIdempotent, AForeignExceptionFromACustomTransportCountsAsMaybeSent) {
  RetryClient c(Retrying());
  c.t.transport->EnqueueFailure(std::make_exception_ptr(std::runtime_error("socket closed")));
  c.Answer(200, kArchiveJson);
  try {
    c.t.client.StartArchive(kSessionId, StartArchiveOptions{});
    FAIL() << "expected TransportException";
  } catch (TransportException const& e) {
    EXPECT_TRUE(e.request_may_have_been_sent());
    EXPECT_THAT(e.what(), HasSubstr("socket closed"));
  }
  EXPECT_EQ(c.requests(), 1u);
}

// ---- limits: attempts and budget ----

TEST(RetryLimits, MaxAttemptsCountsTheFirstAttemptAndTheLastFailureIsThrown) {
  RetryPolicy policy = Retrying();
  policy.max_attempts = 3;
  RetryClient c(policy);
  for (int i = 1; i <= 4; ++i) c.Answer(503, ErrorBody(503, "busy " + std::to_string(i)));
  try {
    c.t.client.GetArchive(kArchiveId);
    FAIL() << "expected HTTP 503";
  } catch (RequestException const& e) {
    EXPECT_EQ(e.http_status(), 503);
    EXPECT_EQ(e.service_message(), "busy 3");
    EXPECT_THAT(e.what(), HasSubstr("GetArchive (3 attempts) failed: HTTP 503"));
    EXPECT_THAT(e.what(), Not(HasSubstr(kApiSecret)));
  }
  EXPECT_EQ(c.requests(), 3u);
  EXPECT_THAT(c.sleeper->waits(), ElementsAre(seconds(1), seconds(2)));
}

TEST(RetryLimits, TheLastFailureKeepsItsType) {
  RetryClient c(Retrying());
  c.Answer(503);
  c.Answer(404, ErrorBody(404, "no such archive"));
  EXPECT_THROW(c.t.client.GetArchive(kArchiveId), NotFoundException);
  EXPECT_EQ(c.requests(), 2u);

  c.Answer(503);
  c.FailTransport(false);
  c.FailTransport(true);
  c.FailTransport(true);
  c.FailTransport(true);
  try {
    c.t.client.GetArchive(kArchiveId);
    FAIL() << "expected TransportException";
  } catch (TransportException const& e) {
    EXPECT_THAT(e.what(), HasSubstr("GetArchive (5 attempts) failed: connection reset"));
  }
  EXPECT_EQ(c.requests(), 7u);
}

TEST(RetryLimits, NoRetryWhoseWaitWouldEndBeyondTheBudget) {
  RetryPolicy policy = Retrying();
  policy.max_attempts = 10;
  policy.total_budget = seconds(6);
  RetryClient c(policy);
  for (int i = 0; i < 10; ++i) c.Answer(503);
  EXPECT_THROW(c.t.client.GetArchive(kArchiveId), RequestException);
  // Waits of 1 s and 2 s fit (3 s spent); the next, 4 s, would end at 7 s > 6 s.
  EXPECT_THAT(c.sleeper->waits(), ElementsAre(seconds(1), seconds(2)));
  EXPECT_EQ(c.requests(), 3u);
}

// ---- backoff ----

TEST(RetryBackoff, GrowsByTheMultiplierUpToTheMaximum) {
  RetryPolicy policy = Retrying();
  policy.max_attempts = 6;
  policy.multiplier = 3.0;
  policy.max_backoff = seconds(10);
  RetryClient c(policy);
  for (int i = 0; i < 6; ++i) c.Answer(502);
  EXPECT_THROW(c.t.client.ListArchives(), RequestException);
  EXPECT_THAT(c.sleeper->waits(), ElementsAre(seconds(1), seconds(3), seconds(9), seconds(10), seconds(10)));
}

TEST(RetryBackoff, JitterTakesTheRandomSourcesFractionOffEachDelay) {
  RetryPolicy policy = Retrying();
  policy.max_attempts = 3;
  policy.initial_backoff = milliseconds(1000);
  policy.jitter = 1.0;
  RetryClient c(policy);
  for (int i = 0; i < 3; ++i) c.Answer(503);
  EXPECT_THROW(c.t.client.GetArchive(kArchiveId), RequestException);
  // The test client's random source always answers kNonce.
  auto jittered = [](double delay_ms) { return milliseconds(static_cast<std::int64_t>(delay_ms * (1.0 - kNonce))); };
  EXPECT_THAT(c.sleeper->waits(), ElementsAre(jittered(1000), jittered(2000)));
}

// ---- Retry-After ----

TEST(RetryAfter, DelaySecondsReplaceTheBackoff) {
  RetryClient c(Retrying());
  c.Answer(429, ErrorBody(429, "slow down"), {{"Retry-After", "7"}});
  c.Answer(200, kArchiveJson);
  c.t.client.GetArchive(kArchiveId);
  EXPECT_THAT(c.sleeper->waits(), ElementsAre(seconds(7)));
}

TEST(RetryAfter, AnHttpDateIsAWaitUntilThen) {
  RetryClient c(Retrying());
  // kNow + 5 s (kNow is 2015-02-18T00:56:53Z).
  c.Answer(503, "{}", {{"retry-after", "Wed, 18 Feb 2015 00:56:58 GMT"}});
  c.Answer(200, kArchiveJson);
  c.t.client.GetArchive(kArchiveId);
  EXPECT_THAT(c.sleeper->waits(), ElementsAre(seconds(5)));
}

TEST(RetryAfter, IgnoredWhenThePolicySaysSo) {
  RetryPolicy policy = Retrying();
  policy.honor_retry_after = false;
  RetryClient c(policy);
  c.Answer(429, "{}", {{"Retry-After", "7"}});
  c.Answer(200, kArchiveJson);
  c.t.client.GetArchive(kArchiveId);
  EXPECT_THAT(c.sleeper->waits(), ElementsAre(seconds(1)));
}

TEST(RetryAfter, AnUnreadableValueFallsBackToTheBackoff) {
  RetryClient c(Retrying());
  c.Answer(503, "{}", {{"Retry-After", "soon"}});
  c.Answer(200, kArchiveJson);
  c.t.client.GetArchive(kArchiveId);
  EXPECT_THAT(c.sleeper->waits(), ElementsAre(seconds(1)));
}

TEST(RetryAfter, BeyondTheBudgetTheAnswerIsFinal) {
  RetryPolicy policy = Retrying();
  policy.total_budget = seconds(30);
  RetryClient c(policy);
  c.Answer(429, ErrorBody(429, "rate limited"), {{"Retry-After", "31"}});
  c.Answer(200, kArchiveJson);
  try {
    c.t.client.GetArchive(kArchiveId);
    FAIL() << "expected HTTP 429";
  } catch (RequestException const& e) {
    EXPECT_EQ(e.http_status(), 429);
    EXPECT_EQ(e.service_message(), "rate limited");
  }
  EXPECT_EQ(c.requests(), 1u);
  EXPECT_TRUE(c.sleeper->waits().empty());
}

// ---- validation ----

TEST(RetryPolicyValidation, UnusablePoliciesAreArgumentExceptionsNamingTheField) {
  auto rejects = [](std::function<void(RetryPolicy&)> change, std::string const& field) {
    RetryPolicy policy;
    change(policy);
    ClientOptions options;
    options.retry = policy;
    try {
      OpenTok client(testing_util::kApiKey, kApiSecret, options);
      ADD_FAILURE() << "accepted a bad " << field;
    } catch (ArgumentException const& e) {
      EXPECT_THAT(e.what(), HasSubstr("retry." + field)) << e.what();
    }
  };
  rejects([](RetryPolicy& p) { p.max_attempts = 0; }, "max_attempts");
  rejects([](RetryPolicy& p) { p.total_budget = milliseconds(0); }, "total_budget");
  rejects([](RetryPolicy& p) { p.initial_backoff = milliseconds(-1); }, "initial_backoff");
  rejects([](RetryPolicy& p) { p.max_backoff = p.initial_backoff - milliseconds(1); }, "max_backoff");
  rejects([](RetryPolicy& p) { p.multiplier = 0.5; }, "multiplier");
  rejects([](RetryPolicy& p) { p.multiplier = std::numeric_limits<double>::quiet_NaN(); }, "multiplier");
  rejects([](RetryPolicy& p) { p.jitter = 1.5; }, "jitter");
  rejects([](RetryPolicy& p) { p.jitter = -0.1; }, "jitter");
}

}  // namespace
}  // namespace opentok
