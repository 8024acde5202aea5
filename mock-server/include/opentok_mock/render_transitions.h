#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "opentok_mock/media_model.h"

namespace opentok_mock {

// What can happen to an Experience Composer render after it was created (the start answers
// 202 with status `starting`).
enum class RenderEvent {
  kLoaded,          // the page loaded, 2 s of mock time after the start (timer): the render joins the session
  kLoadFailed,      // the page could not be loaded (a loopback URL that failed the probe), at the same moment
  kUserStop,        // DELETE .../render/{id}
  kMaxDuration,     // maxDuration seconds of mock time after the start (timer)
  kConnectionLeft,  // the render's connection was disconnected (force-disconnect, control plane)
  kSystemFailure,   // POST /_mock/renders/{id}/fail
};

std::string_view ToString(RenderEvent event);

struct RenderTransition {
  RenderStatus from;
  RenderEvent event;
  RenderStatus to;
  std::string_view reason;  // the render's new `reason`; empty keeps none
};

// THE render lifecycle. The service applies events only through this table, and the core
// tests drive every row of it; a (status, event) pair that is not here is rejected (404 for
// a stop: "not found or already stopped") or, for timers and session events, ignored.
// Entering `started` adds the render's connection and publishes its stream; leaving it
// removes both, with the consequences any client's leaving has (archives pause...).
inline constexpr std::array kRenderTransitions{
    RenderTransition{RenderStatus::kStarting, RenderEvent::kLoaded, RenderStatus::kStarted, ""},
    RenderTransition{RenderStatus::kStarting, RenderEvent::kLoadFailed, RenderStatus::kFailed, "Could not load URL"},
    RenderTransition{RenderStatus::kStarting, RenderEvent::kUserStop, RenderStatus::kStopped, "Stopped by user"},
    RenderTransition{RenderStatus::kStarted, RenderEvent::kUserStop, RenderStatus::kStopped, "Stopped by user"},
    RenderTransition{RenderStatus::kStarted, RenderEvent::kMaxDuration, RenderStatus::kStopped,
                     "Max duration exceeded"},
    RenderTransition{RenderStatus::kStarted, RenderEvent::kConnectionLeft, RenderStatus::kStopped,
                     "Render connection disconnected"},
    RenderTransition{RenderStatus::kStarting, RenderEvent::kSystemFailure, RenderStatus::kFailed, "System failure"},
    RenderTransition{RenderStatus::kStarted, RenderEvent::kSystemFailure, RenderStatus::kFailed, "System failure"},
};

inline constexpr std::optional<RenderTransition> FindRenderTransition(RenderStatus from, RenderEvent event) {
  for (auto const& transition : kRenderTransitions) {
    if (transition.from == from && transition.event == event) return transition;
  }
  return std::nullopt;
}

}  // namespace opentok_mock
