#include "opentok_mock/archive_transitions.h"

namespace opentok_mock {

std::string_view ToString(ArchiveEvent event) {
  switch (event) {
    case ArchiveEvent::kPublishersGone: return "publishers gone";
    case ArchiveEvent::kPublisherJoined: return "publisher joined";
    case ArchiveEvent::kUserStop: return "user stop";
    case ArchiveEvent::kMaxDuration: return "maximum duration";
    case ArchiveEvent::kSessionEnded: return "session ended";
    case ArchiveEvent::kProcessedToCloud: return "processed to cloud";
    case ArchiveEvent::kProcessedToTarget: return "processed to upload target";
    case ArchiveEvent::kRetentionElapsed: return "retention elapsed";
    case ArchiveEvent::kDelete: return "delete";
    case ArchiveEvent::kSystemFailure: return "system failure";
  }
  return "unknown";
}

}  // namespace opentok_mock
