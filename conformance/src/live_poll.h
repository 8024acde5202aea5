#pragma once

#include <chrono>
#include <functional>

namespace opentok::conformance {

// Calls `done` until it returns true or `timeout` elapses, waiting the target's poll
// interval between calls. Only for the live service, which reaches states on its own
// schedule (a publisher joining, an archive finishing processing): against a mock the
// suite moves the mock clock instead and never waits.
bool PollUntil(std::function<bool()> const& done, std::chrono::seconds timeout);

// Whether `done` holds after a request that ends something (a stop, a disconnect). A mock
// applies it before answering, so `done` must hold at once; the live service may finish
// on its own schedule, so there it is polled for up to a minute.
bool Eventually(std::function<bool()> const& done);

}  // namespace opentok::conformance
