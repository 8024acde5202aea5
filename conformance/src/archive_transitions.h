#pragma once

#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>

namespace opentok::conformance {

// The archive lifecycle as one data table: for every state an archive can be in and every
// operation, the expected HTTP status and resulting state. One table drives the tests
// (each cell is its own parameterized test case) and the matrix printed in docs/conformance.md.

enum class ArchiveState { kNone, kStarted, kPaused, kStopped, kAvailable, kUploaded, kExpired, kDeleted };

enum class ArchiveOperation {
  // REST calls.
  kStart,   // start an archive of the archive's session
  kStop,    // stop the archive
  kGet,     // get the archive
  kList,    // list the session's archives
  kDelete,  // delete the archive
  // Simulated clients (mock control plane).
  kPublish,    // a connected client publishes a new stream
  kUnpublish,  // every stream of the session is unpublished; the client stays connected
  // Clock-driven transitions (mock clock).
  kMaxDuration,       // the archive reaches the maximum duration
  kLastClientLeaves,  // the last client disconnects and 60 s pass
  kProcessingDone,    // the processing delay after stop passes
  kRetentionExpiry,   // 72 hours pass
};

struct TransitionCell {
  ArchiveState from;
  ArchiveOperation operation;
  std::optional<int> status;  // HTTP status of a REST operation; nullopt for events
  ArchiveState to;            // the state of the archive afterwards (kStart on kNone: the new archive)
  std::string_view reason;    // expected `reason` of the resulting archive, when it matters
};

// Every cell of the table, row by row. Pairs that are absent cannot happen (e.g. the
// processing delay of an archive that is still recording); the matrix shows them as "—".
std::span<TransitionCell const> ArchiveTransitionTable();

std::span<ArchiveState const> AllArchiveStates();
std::span<ArchiveOperation const> AllArchiveOperations();
std::string_view Name(ArchiveState state);          // "started", ...; "none" for kNone
std::string_view Name(ArchiveOperation operation);  // "start", "max-duration", ...
bool IsRestOperation(ArchiveOperation operation);
// "started_stop", "available_72h_expiry": the cell's test-name suffix.
std::string CellId(TransitionCell const& cell);
// gtest prints a failing cell's parameter with this: "started_stop: 200 → stopped (user initiated)".
void PrintTo(TransitionCell const& cell, std::ostream* os);
// "409 → started", or "→ stopped (session ended)" for events.
std::string DescribeOutcome(TransitionCell const& cell);

}  // namespace opentok::conformance
