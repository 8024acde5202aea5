#pragma once

// Callback (webhook) delivery: the mock POSTs each service event that has callback URLs to
// them, from its own worker threads, with retries, and keeps a log of every attempt.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "opentok_mock/service_events.h"

namespace opentok_mock {

struct CallbackOptions {
  // Attempts per URL and event (the first one included); then the delivery is given up.
  int max_attempts = 4;
  // Per attempt: to connect, and for the receiver to answer.
  std::chrono::milliseconds attempt_timeout{2000};
  // Wall-clock wait before the second attempt; doubled for each further one, up to max_backoff.
  std::chrono::milliseconds first_backoff{100};
  std::chrono::milliseconds max_backoff{2000};
  // Outbound targets: loopback hosts (127.0.0.0/8, localhost, [::1]) always; these hosts too;
  // any host when allow_any_host. A URL whose host is not allowed is logged as refused and
  // never contacted: a mock in CI must not post to the internet by accident.
  std::vector<std::string> allowed_hosts;
  bool allow_any_host = false;
  std::size_t log_capacity = 10'000;  // delivery log entries kept (oldest dropped first)
};

// One line of the delivery log: an attempt, a refusal, or a give-up.
struct CallbackAttempt {
  std::uint64_t event_sequence = 0;
  std::string event;    // the wire event name ("archive", "connectionCreated", ...)
  std::string api_key;  // the project or application
  std::string url;
  int attempt = 0;  // 1, 2, ...; 0 for a refused host
  // "delivered" (2xx), "retrying" (failed; another attempt follows), "failed" (failed; no
  // attempt left: given up), "refused" (host not allowed: never contacted).
  std::string outcome;
  std::optional<int> status;  // the receiver's answer, when there was one
  std::string error;          // connection error or timeout, when there was no answer
  std::int64_t event_at_ms = 0;    // mock time of the event
  std::int64_t attempted_at_ms = 0;  // wall time of the attempt
};

// What an in-process sink receives: the event and the JSON body that would be POSTed.
struct CallbackMessage {
  ServiceEvent const& event;
  std::string_view body;
};
using CallbackSink = std::function<void(CallbackMessage const&)>;

}  // namespace opentok_mock
