#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "opentok_mock/model.h"

namespace opentok_mock {

// What can happen to an archive after it was created (creation itself always answers
// `started`: the Node SDK rejects a start response with any other status).
enum class ArchiveEvent {
  kPublishersGone,     // the last published stream of the session went away
  kPublisherJoined,    // a client published a stream in the session
  kUserStop,           // POST .../archive/{id}/stop
  kMaxDuration,        // recorded time reached the maximum duration (timer)
  kSessionEnded,       // 60 s after the last client left the session (timer)
  kProcessedToCloud,   // processing finished, no upload target: file on the mock's "cloud" (timer)
  kProcessedToTarget,  // processing finished and the project has an upload target (timer)
  kRetentionElapsed,   // 72 h after the archive became available (timer)
  kDelete,             // DELETE .../archive/{id}
  kSystemFailure,      // POST /_mock/archives/{id}/fail
};

std::string_view ToString(ArchiveEvent event);

struct ArchiveTransition {
  ArchiveStatus from;
  ArchiveEvent event;
  ArchiveStatus to;
  std::string_view reason;  // the archive's new `reason`; empty keeps the current one
};

// THE archive lifecycle. The service applies events only through this table, and the core
// tests drive every row of it; a (status, event) pair that is not here is rejected (409 for
// the REST-triggered events) or, for internal events, ignored.
inline constexpr std::array kArchiveTransitions{
    ArchiveTransition{ArchiveStatus::kStarted, ArchiveEvent::kPublishersGone, ArchiveStatus::kPaused, ""},
    ArchiveTransition{ArchiveStatus::kPaused, ArchiveEvent::kPublisherJoined, ArchiveStatus::kStarted, ""},
    ArchiveTransition{ArchiveStatus::kStarted, ArchiveEvent::kUserStop, ArchiveStatus::kStopped, "user initiated"},
    ArchiveTransition{ArchiveStatus::kPaused, ArchiveEvent::kUserStop, ArchiveStatus::kStopped, "user initiated"},
    ArchiveTransition{ArchiveStatus::kStarted, ArchiveEvent::kMaxDuration, ArchiveStatus::kStopped,
                      "maximum duration exceeded"},
    ArchiveTransition{ArchiveStatus::kPaused, ArchiveEvent::kSessionEnded, ArchiveStatus::kStopped, "session ended"},
    ArchiveTransition{ArchiveStatus::kStopped, ArchiveEvent::kProcessedToCloud, ArchiveStatus::kAvailable, ""},
    ArchiveTransition{ArchiveStatus::kStopped, ArchiveEvent::kProcessedToTarget, ArchiveStatus::kUploaded, ""},
    ArchiveTransition{ArchiveStatus::kAvailable, ArchiveEvent::kRetentionElapsed, ArchiveStatus::kExpired, ""},
    ArchiveTransition{ArchiveStatus::kAvailable, ArchiveEvent::kDelete, ArchiveStatus::kDeleted, ""},
    ArchiveTransition{ArchiveStatus::kUploaded, ArchiveEvent::kDelete, ArchiveStatus::kDeleted, ""},
    ArchiveTransition{ArchiveStatus::kDeleted, ArchiveEvent::kDelete, ArchiveStatus::kDeleted, ""},
    ArchiveTransition{ArchiveStatus::kStarted, ArchiveEvent::kSystemFailure, ArchiveStatus::kFailed, "system failure"},
    ArchiveTransition{ArchiveStatus::kPaused, ArchiveEvent::kSystemFailure, ArchiveStatus::kFailed, "system failure"},
    ArchiveTransition{ArchiveStatus::kStopped, ArchiveEvent::kSystemFailure, ArchiveStatus::kFailed, "system failure"},
};

inline constexpr std::optional<ArchiveTransition> FindArchiveTransition(ArchiveStatus from, ArchiveEvent event) {
  for (auto const& transition : kArchiveTransitions) {
    if (transition.from == from && transition.event == event) return transition;
  }
  return std::nullopt;
}

}  // namespace opentok_mock
