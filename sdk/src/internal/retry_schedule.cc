#include "internal/retry_schedule.h"

#include <charconv>
#include <cmath>
#include <thread>

#include "internal/http_date.h"
#include "internal/operation_safety.h"
#include "opentok/errors.h"

namespace opentok::internal {
namespace {

class ThreadSleeper final : public Sleeper {
 public:
  void SleepFor(std::chrono::milliseconds duration) override { std::this_thread::sleep_for(duration); }
};

// Longer Retry-After values than this (about 11.5 days) are clamped: they exceed any sane
// budget anyway, and the clamp keeps the millisecond arithmetic far from overflow.
constexpr std::uint64_t kMaxRetryAfterSeconds = 1'000'000;

}  // namespace

RetrySettings MakeRetrySettings(RetryPolicy const& policy, std::shared_ptr<Clock> clock,
                                std::shared_ptr<RandomSource> random, std::shared_ptr<Sleeper> sleeper) {
  if (policy.max_attempts < 1) throw ArgumentException("retry.max_attempts must be at least 1");
  if (policy.total_budget.count() <= 0) throw ArgumentException("retry.total_budget must be positive");
  if (policy.initial_backoff.count() < 0) throw ArgumentException("retry.initial_backoff must not be negative");
  if (policy.max_backoff < policy.initial_backoff) {
    throw ArgumentException("retry.max_backoff must not be less than retry.initial_backoff");
  }
  // Written so that NaN fails too.
  if (!(policy.multiplier >= 1.0) || !std::isfinite(policy.multiplier)) {
    throw ArgumentException("retry.multiplier must be a finite number of at least 1");
  }
  if (!(policy.jitter >= 0.0 && policy.jitter <= 1.0)) throw ArgumentException("retry.jitter must be in [0, 1]");
  if (!sleeper) sleeper = std::make_shared<ThreadSleeper>();
  return RetrySettings{policy, std::move(clock), std::move(random), std::move(sleeper)};
}

bool IsRetryable(AttemptFailure const& failure, bool idempotent) {
  if (failure.status == 0) return idempotent || !failure.request_may_have_been_sent;
  // Only answers that say "try again later" (rate limited, a gateway without an answer
  // from behind it, overloaded) and carry no outcome of the request itself. Any answer may
  // come after the service acted, so none is retried for a non-idempotent operation.
  bool const transient = failure.status == 429 || failure.status == 502 || failure.status == 503 ||
                         failure.status == 504;
  return transient && idempotent;
}

std::chrono::milliseconds BackoffDelay(RetryPolicy const& policy, int retry, double unit) {
  double const cap = static_cast<double>(policy.max_backoff.count());
  // pow may overflow to infinity for late retries; the cap absorbs it.
  double delay = static_cast<double>(policy.initial_backoff.count()) * std::pow(policy.multiplier, retry - 1);
  if (!(delay <= cap)) delay = cap;
  delay *= 1.0 - policy.jitter * unit;
  return std::chrono::milliseconds(static_cast<std::int64_t>(delay));
}

std::optional<std::chrono::milliseconds> RetryAfterDelay(std::string_view value,
                                                         std::chrono::system_clock::time_point now) {
  auto const first = value.find_first_not_of(" \t");
  auto const last = value.find_last_not_of(" \t");
  if (first == std::string_view::npos) return std::nullopt;
  value = value.substr(first, last - first + 1);
  std::uint64_t seconds = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
  if (end == value.data() + value.size() && (ec == std::errc{} || ec == std::errc::result_out_of_range)) {
    if (ec != std::errc{} || seconds > kMaxRetryAfterSeconds) seconds = kMaxRetryAfterSeconds;
    return std::chrono::seconds(seconds);
  }
  auto date = ParseHttpDate(value);
  if (!date) return std::nullopt;
  if (*date <= now) return std::chrono::milliseconds(0);
  auto const wait = std::chrono::ceil<std::chrono::milliseconds>(*date - now);
  return std::min<std::chrono::milliseconds>(wait, std::chrono::seconds(kMaxRetryAfterSeconds));
}

RetrySchedule::RetrySchedule(RetrySettings const& settings, std::string_view operation)
    : settings_(settings), idempotent_(IsIdempotent(operation)) {
  // The default policy never retries; it then costs no clock read.
  if (settings_.policy.max_attempts > 1) start_ = settings_.clock->Now();
}

std::optional<std::chrono::milliseconds> RetrySchedule::NextWait(AttemptFailure const& failure) {
  ++attempts_;
  RetryPolicy const& policy = settings_.policy;
  if (attempts_ >= policy.max_attempts || !IsRetryable(failure, idempotent_)) return std::nullopt;
  std::optional<std::chrono::milliseconds> wait;
  if (policy.honor_retry_after && failure.retry_after) {
    wait = RetryAfterDelay(*failure.retry_after, settings_.clock->Now());
  }
  if (!wait) wait = BackoffDelay(policy, attempts_, settings_.random->NextUnitInterval());
  if (settings_.clock->Now() + *wait > *start_ + policy.total_budget) return std::nullopt;
  return wait;
}

}  // namespace opentok::internal
