#pragma once

#include <chrono>
#include <functional>

namespace opentok::conformance {

// Calls `done` until it returns true or `timeout` elapses, waiting the target's poll
// interval between calls. Only for the live service, which reaches states on its own
// schedule (a publisher joining, an archive finishing processing): against a mock the
// suite moves the mock clock instead and never waits.
bool PollUntil(std::function<bool()> const& done, std::chrono::seconds timeout);

}  // namespace opentok::conformance
