#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "opentok_mock/model.h"

namespace opentok_mock {

// What can happen to a broadcast after it was created (creation answers `started`).
enum class BroadcastEvent {
  kUserStop,      // POST .../broadcast/{id}/stop
  kMaxDuration,   // maxDuration seconds of mock time after the start (timer)
  kSessionEnded,  // 60 s after the last client left the session (timer), as for archives
};

std::string_view ToString(BroadcastEvent event);

struct BroadcastTransition {
  BroadcastStatus from;
  BroadcastEvent event;
  BroadcastStatus to;
};

// THE broadcast lifecycle. The service applies events only through this table, and the core
// tests drive every row of it; a (status, event) pair that is not here is rejected (404 for
// a stop: the Java and Ruby SDKs expect "not found or already stopped") or, for the timer
// events, ignored. The outputs' statuses (connecting, live, ...) are not part of it: they
// follow the session's publishers while the broadcast is started.
inline constexpr std::array kBroadcastTransitions{
    BroadcastTransition{BroadcastStatus::kStarted, BroadcastEvent::kUserStop, BroadcastStatus::kStopped},
    BroadcastTransition{BroadcastStatus::kStarted, BroadcastEvent::kMaxDuration, BroadcastStatus::kStopped},
    BroadcastTransition{BroadcastStatus::kStarted, BroadcastEvent::kSessionEnded, BroadcastStatus::kStopped},
};

inline constexpr std::optional<BroadcastTransition> FindBroadcastTransition(BroadcastStatus from,
                                                                          BroadcastEvent event) {
  for (auto const& transition : kBroadcastTransitions) {
    if (transition.from == from && transition.event == event) return transition;
  }
  return std::nullopt;
}

}  // namespace opentok_mock
