#include "live_poll.h"

#include <thread>

#include "target.h"

namespace opentok::conformance {

bool PollUntil(std::function<bool()> const& done, std::chrono::seconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!done()) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    // Waiting between polls of a remote service is the point here; see the header.
    std::this_thread::sleep_for(CurrentTarget().poll_interval());
  }
  return true;
}

bool Eventually(std::function<bool()> const& done) {
  if (CurrentTarget().has_control_plane()) return done();
  return PollUntil(done, std::chrono::seconds(60));
}

}  // namespace opentok::conformance
