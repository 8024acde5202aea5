#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string_view>

#include "opentok/clock.h"
#include "opentok/retry.h"

namespace opentok::internal {

// The retry policy with what it needs to run: the clock the budget is measured on, the
// jitter's random source and the sleeper. All three are non-null.
struct RetrySettings {
  RetryPolicy policy;
  std::shared_ptr<Clock> clock;
  std::shared_ptr<RandomSource> random;
  std::shared_ptr<Sleeper> sleeper;
};

// Checks `policy` (ArgumentException naming the field) and fills in the blocking sleeper
// when `sleeper` is null.
RetrySettings MakeRetrySettings(RetryPolicy const& policy, std::shared_ptr<Clock> clock,
                                std::shared_ptr<RandomSource> random, std::shared_ptr<Sleeper> sleeper);

// One failed attempt as the retry decision sees it.
struct AttemptFailure {
  int status = 0;  // the HTTP status; 0 when no response arrived (a TransportException)
  bool request_may_have_been_sent = true;       // for status 0
  std::optional<std::string_view> retry_after;  // the answer's Retry-After header
};

// Whether repeating the attempt is safe and may help: for idempotent operations every
// transport failure and 429, 502, 503, 504; for the others only a transport failure whose
// request surely never left the client.
bool IsRetryable(AttemptFailure const& failure, bool idempotent);

// The jittered exponential backoff before retry `retry` (1 for the first retry), given
// `unit` uniform in [0, 1).
std::chrono::milliseconds BackoffDelay(RetryPolicy const& policy, int retry, double unit);

// The wait a Retry-After value asks for at `now`: delay-seconds or an HTTP-date (a date
// in the past asks for no wait). Nullopt when the value is neither.
std::optional<std::chrono::milliseconds> RetryAfterDelay(std::string_view value,
                                                         std::chrono::system_clock::time_point now);

// The retry decisions of one call: counts its attempts and knows when it started.
class RetrySchedule {
 public:
  RetrySchedule(RetrySettings const& settings, std::string_view operation);

  // Records a failed attempt and returns the wait before the next one, or nullopt when
  // this failure is the call's answer: not retryable for the operation, attempts used up,
  // or the wait would end beyond the budget.
  std::optional<std::chrono::milliseconds> NextWait(AttemptFailure const& failure);

  // Attempts made so far.
  int attempts() const { return attempts_; }

 private:
  RetrySettings const& settings_;
  bool const idempotent_;
  std::optional<std::chrono::system_clock::time_point> start_;  // read only when retrying is possible
  int attempts_ = 0;
};

}  // namespace opentok::internal
