#pragma once

#include <chrono>

namespace opentok {

// When and how the SDK repeats a REST request that failed (ClientOptions::retry). The
// default sends every request exactly once, as the SDK always did: retries are opt-in.
//
// A failed attempt is repeated only when repeating it is safe for that operation (see
// docs/retries.md for the table):
//   - idempotent operations (reads, PUTs, deletes, stops): after any TransportException and
//     after HTTP 429, 502, 503 and 504;
//   - operations whose repetition would act twice (starting an archive, broadcast, render or
//     captions, a SIP dial, an Audio Connector connection, a signal, DTMF, a force mute):
//     only after a TransportException whose request_may_have_been_sent() is false (refused,
//     DNS, connect timeout, TLS handshake), never once the request may have reached the
//     service.
// The caller gets the last attempt's failure, typed as without retries.
struct RetryPolicy {
  // Attempts per call, the first one included; 1 disables retries. At least 1.
  int max_attempts = 1;
  // Time for a whole call, measured with ClientOptions::clock from the start of the first
  // attempt: no retry is made whose wait would end beyond it (the attempts themselves are
  // bounded by the request and connect timeouts). Positive.
  std::chrono::milliseconds total_budget{30'000};
  // Exponential backoff: the wait before retry n (1, 2, ...) is
  //   min(max_backoff, initial_backoff * multiplier^(n-1)) * (1 - jitter * u)
  // with u uniform in [0, 1) from ClientOptions::random. jitter 0 waits the full delay,
  // 1 waits anything from zero up to it ("full jitter"). Waits spread out so that many
  // clients failing together do not come back together.
  std::chrono::milliseconds initial_backoff{500};  // >= 0
  std::chrono::milliseconds max_backoff{8'000};    // >= initial_backoff
  double multiplier = 2.0;                         // >= 1
  double jitter = 0.5;                             // in [0, 1]
  // A Retry-After header (delay-seconds or HTTP-date) on a retryable answer replaces the
  // backoff for that wait. When it points beyond total_budget the call ends with that
  // answer instead of retrying earlier than the service asked.
  bool honor_retry_after = true;
};

// Waits between retries; the default blocks the calling thread. Inject a fake (see
// ClientOptions::sleeper) so that tests never sleep, e.g. one that advances a fake Clock.
// Implementations must be thread-safe: calls on many threads wait concurrently.
class Sleeper {
 public:
  virtual ~Sleeper() = default;
  virtual void SleepFor(std::chrono::milliseconds duration) = 0;
};

}  // namespace opentok
