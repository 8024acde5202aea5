#pragma once

#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>

namespace opentok::conformance {

// The broadcast lifecycle as one data table, like the archive one: for every state a
// broadcast can be in and every operation, the expected HTTP status, the resulting state
// and, where it matters, the status of the broadcast's outputs. Every state × operation
// pair has a cell (a broadcast has only two statuses, so every event is meaningful in
// every state); each cell is its own parameterized test case and a cell of the broadcast
// matrix in docs/conformance.md.

enum class BroadcastState { kNone, kStarted, kStopped };

enum class BroadcastOperation {
  // REST calls.
  kStart,         // start another broadcast of the session, without a multiBroadcastTag
  kStartTagged,   // start another broadcast of the session with a distinct multiBroadcastTag
  kStop,          // stop the broadcast
  kGet,           // get the broadcast
  kList,          // list the session's broadcasts
  kLayout,        // change the broadcast's layout
  kAddStream,     // manual stream mode: add the session's stream (again, with audio off)
  kRemoveStream,  // manual stream mode: remove the session's stream
  // Simulated clients (mock control plane).
  kPublish,    // a connected client publishes a new stream
  kUnpublish,  // every stream of the session is unpublished; the client stays connected
  // Clock-driven transitions (mock clock).
  kMaxDuration,       // the broadcast's maxDuration passes
  kLastClientLeaves,  // the last client disconnects and 60 s pass
};

// What the outputs of the broadcast (its HLS stream and RTMP destinations) report.
enum class OutputStatus {
  kUnchecked,
  kLive,  // RTMP "live", HLS "live": someone publishes
  kIdle,  // RTMP "offline", HLS "ready": nobody publishes any more, after having been live
};

struct BroadcastCell {
  BroadcastState from;
  BroadcastOperation operation;
  std::optional<int> status;  // HTTP status of a REST operation; nullopt for events
  BroadcastState to;          // the broadcast's state afterwards (start on kNone: the new one's)
  OutputStatus outputs = OutputStatus::kUnchecked;
};

// Every cell of the table, row by row.
std::span<BroadcastCell const> BroadcastTransitionTable();

std::span<BroadcastState const> AllBroadcastStates();
std::span<BroadcastOperation const> AllBroadcastOperations();
std::string_view Name(BroadcastState state);          // "none", "started", "stopped"
std::string_view Name(BroadcastOperation operation);  // "start", "start-tagged", "add-stream", ...
std::string_view Name(OutputStatus outputs);          // "", "outputs live", "outputs offline/ready"
bool IsRestOperation(BroadcastOperation operation);
// "started_add_stream": the cell's test-name suffix.
std::string CellId(BroadcastCell const& cell);
// gtest prints a failing cell's parameter with this: "started_unpublish: → started (outputs offline/ready)".
void PrintTo(BroadcastCell const& cell, std::ostream* os);
// "409 → started", or "→ started (outputs live)" for events.
std::string DescribeOutcome(BroadcastCell const& cell);

}  // namespace opentok::conformance
