#include "archive_transitions.h"

#include <array>

#include "cell_name.h"

namespace opentok::conformance {
namespace {

using S = ArchiveState;
using Op = ArchiveOperation;

// Sources: the REST API documentation of archives (https://tokbox.com/developer/rest/: status
// codes, error conditions, statuses) and the archiving guide
// (https://tokbox.com/developer/guides/archiving/): archiving needs a routed session with a
// connected client; one recording archive per session; stop only while recording; delete
// only when available, uploaded or deleted; deleted archives are not listed; paused while
// nobody publishes; timed stops and retention. The maximum duration counts recorded time, which
// does not grow while an archive is paused, so a paused archive never reaches it.
constexpr std::array kTable{
    // none: no archive exists; operations that name one use an unknown id.
    TransitionCell{S::kNone, Op::kStart, 200, S::kStarted, ""},
    TransitionCell{S::kNone, Op::kStop, 404, S::kNone, ""},
    TransitionCell{S::kNone, Op::kGet, 404, S::kNone, ""},
    TransitionCell{S::kNone, Op::kList, 200, S::kNone, ""},
    TransitionCell{S::kNone, Op::kDelete, 404, S::kNone, ""},
    TransitionCell{S::kNone, Op::kPublish, std::nullopt, S::kNone, ""},
    TransitionCell{S::kNone, Op::kUnpublish, std::nullopt, S::kNone, ""},
    // started: recording.
    TransitionCell{S::kStarted, Op::kStart, 409, S::kStarted, ""},
    TransitionCell{S::kStarted, Op::kStop, 200, S::kStopped, "user initiated"},
    TransitionCell{S::kStarted, Op::kGet, 200, S::kStarted, ""},
    TransitionCell{S::kStarted, Op::kList, 200, S::kStarted, ""},
    TransitionCell{S::kStarted, Op::kDelete, 409, S::kStarted, ""},
    TransitionCell{S::kStarted, Op::kPublish, std::nullopt, S::kStarted, ""},
    TransitionCell{S::kStarted, Op::kUnpublish, std::nullopt, S::kPaused, ""},
    TransitionCell{S::kStarted, Op::kMaxDuration, std::nullopt, S::kStopped, "maximum duration exceeded"},
    TransitionCell{S::kStarted, Op::kLastClientLeaves, std::nullopt, S::kStopped, "session ended"},
    // paused: recording, but nobody publishes.
    TransitionCell{S::kPaused, Op::kStart, 409, S::kPaused, ""},
    TransitionCell{S::kPaused, Op::kStop, 200, S::kStopped, "user initiated"},
    TransitionCell{S::kPaused, Op::kGet, 200, S::kPaused, ""},
    TransitionCell{S::kPaused, Op::kList, 200, S::kPaused, ""},
    TransitionCell{S::kPaused, Op::kDelete, 409, S::kPaused, ""},
    TransitionCell{S::kPaused, Op::kPublish, std::nullopt, S::kStarted, ""},
    TransitionCell{S::kPaused, Op::kUnpublish, std::nullopt, S::kPaused, ""},
    TransitionCell{S::kPaused, Op::kLastClientLeaves, std::nullopt, S::kStopped, "session ended"},
    // stopped: recording finished, file not ready yet.
    TransitionCell{S::kStopped, Op::kStart, 200, S::kStopped, ""},
    TransitionCell{S::kStopped, Op::kStop, 409, S::kStopped, ""},
    TransitionCell{S::kStopped, Op::kGet, 200, S::kStopped, ""},
    TransitionCell{S::kStopped, Op::kList, 200, S::kStopped, ""},
    TransitionCell{S::kStopped, Op::kDelete, 409, S::kStopped, ""},
    TransitionCell{S::kStopped, Op::kPublish, std::nullopt, S::kStopped, ""},
    TransitionCell{S::kStopped, Op::kUnpublish, std::nullopt, S::kStopped, ""},
    TransitionCell{S::kStopped, Op::kProcessingDone, std::nullopt, S::kAvailable, ""},
    // available: downloadable from the cloud.
    TransitionCell{S::kAvailable, Op::kStart, 200, S::kAvailable, ""},
    TransitionCell{S::kAvailable, Op::kStop, 409, S::kAvailable, ""},
    TransitionCell{S::kAvailable, Op::kGet, 200, S::kAvailable, ""},
    TransitionCell{S::kAvailable, Op::kList, 200, S::kAvailable, ""},
    TransitionCell{S::kAvailable, Op::kDelete, 204, S::kDeleted, ""},
    TransitionCell{S::kAvailable, Op::kPublish, std::nullopt, S::kAvailable, ""},
    TransitionCell{S::kAvailable, Op::kUnpublish, std::nullopt, S::kAvailable, ""},
    TransitionCell{S::kAvailable, Op::kRetentionExpiry, std::nullopt, S::kExpired, ""},
    // uploaded: delivered to the project's upload target.
    TransitionCell{S::kUploaded, Op::kStart, 200, S::kUploaded, ""},
    TransitionCell{S::kUploaded, Op::kStop, 409, S::kUploaded, ""},
    TransitionCell{S::kUploaded, Op::kGet, 200, S::kUploaded, ""},
    TransitionCell{S::kUploaded, Op::kList, 200, S::kUploaded, ""},
    TransitionCell{S::kUploaded, Op::kDelete, 204, S::kDeleted, ""},
    TransitionCell{S::kUploaded, Op::kPublish, std::nullopt, S::kUploaded, ""},
    TransitionCell{S::kUploaded, Op::kUnpublish, std::nullopt, S::kUploaded, ""},
    TransitionCell{S::kUploaded, Op::kRetentionExpiry, std::nullopt, S::kUploaded, ""},
    // expired: the cloud copy is gone.
    TransitionCell{S::kExpired, Op::kStart, 200, S::kExpired, ""},
    TransitionCell{S::kExpired, Op::kStop, 409, S::kExpired, ""},
    TransitionCell{S::kExpired, Op::kGet, 200, S::kExpired, ""},
    TransitionCell{S::kExpired, Op::kList, 200, S::kExpired, ""},
    TransitionCell{S::kExpired, Op::kDelete, 409, S::kExpired, ""},
    TransitionCell{S::kExpired, Op::kPublish, std::nullopt, S::kExpired, ""},
    TransitionCell{S::kExpired, Op::kUnpublish, std::nullopt, S::kExpired, ""},
    // deleted: removed through the API.
    TransitionCell{S::kDeleted, Op::kStart, 200, S::kDeleted, ""},
    TransitionCell{S::kDeleted, Op::kStop, 409, S::kDeleted, ""},
    TransitionCell{S::kDeleted, Op::kGet, 200, S::kDeleted, ""},
    TransitionCell{S::kDeleted, Op::kList, 200, S::kDeleted, ""},
    TransitionCell{S::kDeleted, Op::kDelete, 204, S::kDeleted, ""},
    TransitionCell{S::kDeleted, Op::kPublish, std::nullopt, S::kDeleted, ""},
    TransitionCell{S::kDeleted, Op::kUnpublish, std::nullopt, S::kDeleted, ""},
};

constexpr std::array kStates{S::kNone,      S::kStarted,  S::kPaused,  S::kStopped,
                             S::kAvailable, S::kUploaded, S::kExpired, S::kDeleted};
constexpr std::array kOperations{Op::kStart,       Op::kStop,           Op::kGet,
                                 Op::kList,        Op::kDelete,         Op::kPublish,
                                 Op::kUnpublish,   Op::kMaxDuration,    Op::kLastClientLeaves,
                                 Op::kProcessingDone, Op::kRetentionExpiry};

}  // namespace

std::span<TransitionCell const> ArchiveTransitionTable() { return kTable; }
std::span<ArchiveState const> AllArchiveStates() { return kStates; }
std::span<ArchiveOperation const> AllArchiveOperations() { return kOperations; }

std::string_view Name(ArchiveState state) {
  switch (state) {
    case S::kNone: return "none";
    case S::kStarted: return "started";
    case S::kPaused: return "paused";
    case S::kStopped: return "stopped";
    case S::kAvailable: return "available";
    case S::kUploaded: return "uploaded";
    case S::kExpired: return "expired";
    case S::kDeleted: return "deleted";
  }
  return "?";
}

std::string_view Name(ArchiveOperation operation) {
  switch (operation) {
    case Op::kStart: return "start";
    case Op::kStop: return "stop";
    case Op::kGet: return "get";
    case Op::kList: return "list";
    case Op::kDelete: return "delete";
    case Op::kPublish: return "publish";
    case Op::kUnpublish: return "unpublish";
    case Op::kMaxDuration: return "max-duration";
    case Op::kLastClientLeaves: return "last-client-leaves";
    case Op::kProcessingDone: return "processing-done";
    case Op::kRetentionExpiry: return "72h-expiry";
  }
  return "?";
}

bool IsRestOperation(ArchiveOperation operation) {
  return operation == Op::kStart || operation == Op::kStop || operation == Op::kGet || operation == Op::kList ||
         operation == Op::kDelete;
}

std::string CellId(TransitionCell const& cell) {
  return CellName(Name(cell.from), Name(cell.operation));
}

void PrintTo(TransitionCell const& cell, std::ostream* os) { *os << CellId(cell) << ": " << DescribeOutcome(cell); }

std::string DescribeOutcome(TransitionCell const& cell) {
  std::string text = cell.status ? std::to_string(*cell.status) + " → " : "→ ";
  text += Name(cell.to);
  if (!cell.reason.empty()) text += " (" + std::string(cell.reason) + ")";
  return text;
}

}  // namespace opentok::conformance
