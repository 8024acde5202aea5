#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <vector>

#include "opentok/opentok.h"
#include "rest_client.h"

namespace opentok::conformance {

// Records the SDK's waits between retries and, instead of sleeping, moves the mock's
// clock forward by each (whole seconds, rounded up), so a rate limit's window measured in
// mock time passes as the wait says. Needs the control plane.
class MockClockSleeper final : public Sleeper {
 public:
  void SleepFor(std::chrono::milliseconds duration) override;
  std::vector<std::chrono::milliseconds> waits() const;

 private:
  mutable std::mutex mu_;
  std::vector<std::chrono::milliseconds> waits_;
};

// An SDK client of `credentials` on the current target, through its recording transport,
// with `policy` and `sleeper`.
OpenTok RetryingClient(Credentials const& credentials, RetryPolicy const& policy, std::shared_ptr<Sleeper> sleeper);

}  // namespace opentok::conformance
