#include "broadcast_transitions.h"

#include <array>

#include "cell_name.h"

namespace opentok::conformance {
namespace {

using S = BroadcastState;
using Op = BroadcastOperation;
using Out = OutputStatus;

// Sources: the REST API reference for broadcasts (https://tokbox.com/developer/rest/; status
// codes of start, stop, get, list, layout and streams; statuses `started` and `stopped` only, as in the Java and .NET
// SDKs' enums) and the official SDKs' expectations: a session has one broadcast per
// multiBroadcastTag (none counts as one), so a second untagged start is 409 while the
// first is running; stopping an unknown or already stopped broadcast is 404 (what
// opentok/Opentok-Java-SDK and opentok/OpenTok-Ruby-SDK handle); layout and stream
// changes need a running broadcast (409 once stopped, 404 for an unknown id); broadcasts
// stop by themselves at maxDuration and when the session ends (60 s after the last
// client left, as archives do). Outputs are live while someone publishes and go idle
// (RTMP offline, HLS ready) when nobody does any more.
constexpr std::array kTable{
    // none: no broadcast exists; operations that name one use an unknown id.
    BroadcastCell{S::kNone, Op::kStart, 200, S::kStarted},
    BroadcastCell{S::kNone, Op::kStartTagged, 200, S::kStarted},
    BroadcastCell{S::kNone, Op::kStop, 404, S::kNone},
    BroadcastCell{S::kNone, Op::kGet, 404, S::kNone},
    BroadcastCell{S::kNone, Op::kList, 200, S::kNone},
    BroadcastCell{S::kNone, Op::kLayout, 404, S::kNone},
    BroadcastCell{S::kNone, Op::kAddStream, 404, S::kNone},
    BroadcastCell{S::kNone, Op::kRemoveStream, 404, S::kNone},
    BroadcastCell{S::kNone, Op::kPublish, std::nullopt, S::kNone},
    BroadcastCell{S::kNone, Op::kUnpublish, std::nullopt, S::kNone},
    BroadcastCell{S::kNone, Op::kMaxDuration, std::nullopt, S::kNone},
    BroadcastCell{S::kNone, Op::kLastClientLeaves, std::nullopt, S::kNone},
    // started: streaming to its outputs.
    BroadcastCell{S::kStarted, Op::kStart, 409, S::kStarted},
    BroadcastCell{S::kStarted, Op::kStartTagged, 200, S::kStarted},
    BroadcastCell{S::kStarted, Op::kStop, 200, S::kStopped},
    BroadcastCell{S::kStarted, Op::kGet, 200, S::kStarted},
    BroadcastCell{S::kStarted, Op::kList, 200, S::kStarted},
    BroadcastCell{S::kStarted, Op::kLayout, 200, S::kStarted},
    BroadcastCell{S::kStarted, Op::kAddStream, 204, S::kStarted},
    BroadcastCell{S::kStarted, Op::kRemoveStream, 204, S::kStarted},
    BroadcastCell{S::kStarted, Op::kPublish, std::nullopt, S::kStarted, Out::kLive},
    BroadcastCell{S::kStarted, Op::kUnpublish, std::nullopt, S::kStarted, Out::kIdle},
    BroadcastCell{S::kStarted, Op::kMaxDuration, std::nullopt, S::kStopped},
    BroadcastCell{S::kStarted, Op::kLastClientLeaves, std::nullopt, S::kStopped},
    // stopped: finished for good; a new broadcast of the session may start.
    BroadcastCell{S::kStopped, Op::kStart, 200, S::kStopped},
    BroadcastCell{S::kStopped, Op::kStartTagged, 200, S::kStopped},
    BroadcastCell{S::kStopped, Op::kStop, 404, S::kStopped},
    BroadcastCell{S::kStopped, Op::kGet, 200, S::kStopped},
    BroadcastCell{S::kStopped, Op::kList, 200, S::kStopped},
    BroadcastCell{S::kStopped, Op::kLayout, 409, S::kStopped},
    BroadcastCell{S::kStopped, Op::kAddStream, 409, S::kStopped},
    BroadcastCell{S::kStopped, Op::kRemoveStream, 409, S::kStopped},
    BroadcastCell{S::kStopped, Op::kPublish, std::nullopt, S::kStopped},
    BroadcastCell{S::kStopped, Op::kUnpublish, std::nullopt, S::kStopped},
    BroadcastCell{S::kStopped, Op::kMaxDuration, std::nullopt, S::kStopped},
    BroadcastCell{S::kStopped, Op::kLastClientLeaves, std::nullopt, S::kStopped},
};

constexpr std::array kStates{S::kNone, S::kStarted, S::kStopped};
constexpr std::array kOperations{Op::kStart,        Op::kStartTagged, Op::kStop,      Op::kGet,
                                 Op::kList,         Op::kLayout,      Op::kAddStream, Op::kRemoveStream,
                                 Op::kPublish,      Op::kUnpublish,   Op::kMaxDuration, Op::kLastClientLeaves};

}  // namespace

std::span<BroadcastCell const> BroadcastTransitionTable() { return kTable; }
std::span<BroadcastState const> AllBroadcastStates() { return kStates; }
std::span<BroadcastOperation const> AllBroadcastOperations() { return kOperations; }

std::string_view Name(BroadcastState state) {
  switch (state) {
    case S::kNone: return "none";
    case S::kStarted: return "started";
    case S::kStopped: return "stopped";
  }
  return "?";
}

std::string_view Name(BroadcastOperation operation) {
  switch (operation) {
    case Op::kStart: return "start";
    case Op::kStartTagged: return "start-tagged";
    case Op::kStop: return "stop";
    case Op::kGet: return "get";
    case Op::kList: return "list";
    case Op::kLayout: return "layout";
    case Op::kAddStream: return "add-stream";
    case Op::kRemoveStream: return "remove-stream";
    case Op::kPublish: return "publish";
    case Op::kUnpublish: return "unpublish";
    case Op::kMaxDuration: return "max-duration";
    case Op::kLastClientLeaves: return "last-client-leaves";
  }
  return "?";
}

std::string_view Name(OutputStatus outputs) {
  switch (outputs) {
    case Out::kUnchecked: return "";
    case Out::kLive: return "outputs live";
    case Out::kIdle: return "outputs offline/ready";
  }
  return "?";
}

bool IsRestOperation(BroadcastOperation operation) {
  return operation != Op::kPublish && operation != Op::kUnpublish && operation != Op::kMaxDuration &&
         operation != Op::kLastClientLeaves;
}

std::string CellId(BroadcastCell const& cell) {
  return CellName(Name(cell.from), Name(cell.operation));
}

void PrintTo(BroadcastCell const& cell, std::ostream* os) { *os << CellId(cell) << ": " << DescribeOutcome(cell); }

std::string DescribeOutcome(BroadcastCell const& cell) {
  std::string text = cell.status ? std::to_string(*cell.status) + " → " : "→ ";
  text += Name(cell.to);
  if (cell.outputs != Out::kUnchecked) text += " (" + std::string(Name(cell.outputs)) + ")";
  return text;
}

}  // namespace opentok::conformance
