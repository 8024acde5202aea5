#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "opentok_mock/media_model.h"

namespace opentok_mock {

// What can happen to a session's live captions after they started (the start answers 202
// and the captions are `started` at once).
enum class CaptionsEvent {
  kUserStop,       // POST .../captions/{id}/stop
  kMaxDuration,    // maxDuration seconds of mock time after the start (timer)
  kSystemFailure,  // POST /_mock/captions/{id}/fail
};

std::string_view ToString(CaptionsEvent event);

struct CaptionsTransition {
  CaptionsStatus from;
  CaptionsEvent event;
  CaptionsStatus to;
  std::string_view reason;  // the captions' new `reason`
};

// THE captions lifecycle. The service applies events only through this table, and the core
// tests drive every row of it; a (status, event) pair that is not here is rejected (404 for
// a stop: "not found or already stopped") or, for the timer, ignored. Nothing makes
// captions `paused` in the mock (the status exists in the Node SDK's vocabulary).
inline constexpr std::array kCaptionsTransitions{
    CaptionsTransition{CaptionsStatus::kStarted, CaptionsEvent::kUserStop, CaptionsStatus::kStopped,
                       "Stopped by user"},
    CaptionsTransition{CaptionsStatus::kStarted, CaptionsEvent::kMaxDuration, CaptionsStatus::kStopped,
                       "Max duration exceeded"},
    CaptionsTransition{CaptionsStatus::kStarted, CaptionsEvent::kSystemFailure, CaptionsStatus::kFailed,
                       "System failure"},
};

inline constexpr std::optional<CaptionsTransition> FindCaptionsTransition(CaptionsStatus from, CaptionsEvent event) {
  for (auto const& transition : kCaptionsTransitions) {
    if (transition.from == from && transition.event == event) return transition;
  }
  return std::nullopt;
}

}  // namespace opentok_mock
