#include "transition_matrix.h"

#include <sstream>

#include "archive_transitions.h"
#include "broadcast_transitions.h"

namespace opentok::conformance {
namespace {

template <typename Cell>
char const* Mark(std::map<std::string, Verdict> const& verdicts, char const* suite, Cell const& cell) {
  auto it = verdicts.find(std::string(suite) + ".Cell/" + CellId(cell));
  if (it == verdicts.end()) return " (not run)";
  switch (it->second) {
    case Verdict::kPass: return " ✅";
    case Verdict::kFail: return " ❌";
    case Verdict::kSkip: return " ⏭️";
  }
  return "";
}

// One matrix for any table whose cells have `from` and `operation` and for which Name,
// CellId and DescribeOutcome are overloaded (the archive and the broadcast tables).
template <typename Cell, typename State, typename Operation>
std::string FormatMatrix(std::span<Cell const> table, std::span<State const> states,
                         std::span<Operation const> operations, char const* suite,
                         std::map<std::string, Verdict> const& verdicts, std::string const& target) {
  std::ostringstream os;
  os << "| state \\ operation |";
  for (auto operation : operations) os << " " << Name(operation) << " |";
  os << "\n|---|";
  for (std::size_t i = 0; i < operations.size(); ++i) os << "---|";
  os << "\n";
  for (auto state : states) {
    os << "| **" << Name(state) << "** |";
    for (auto operation : operations) {
      Cell const* found = nullptr;
      for (auto const& cell : table) {
        if (cell.from == state && cell.operation == operation) found = &cell;
      }
      os << " " << (found ? DescribeOutcome(*found) + Mark(verdicts, suite, *found) : std::string("—")) << " |";
    }
    os << "\n";
  }
  os << "\nVerdicts against: " << target << ". ✅ pass, ❌ fail, ⏭️ skipped, — no such transition.\n";
  return os.str();
}

std::string Marked(std::string const& name, std::string const& matrix) {
  return "<!-- " + name + ":begin -->\n" + matrix + "<!-- " + name + ":end -->\n";
}

}  // namespace

std::string FormatTransitionMatrix(std::map<std::string, Verdict> const& verdicts, std::string const& target) {
  return FormatMatrix(ArchiveTransitionTable(), AllArchiveStates(), AllArchiveOperations(), kTransitionSuite,
                      verdicts, target);
}

std::string FormatBroadcastMatrix(std::map<std::string, Verdict> const& verdicts, std::string const& target) {
  return FormatMatrix(BroadcastTransitionTable(), AllBroadcastStates(), AllBroadcastOperations(),
                      kBroadcastTransitionSuite, verdicts, target);
}

std::string FormatReadmeMatrices(std::map<std::string, Verdict> const& verdicts, std::string const& target) {
  return Marked("transition-matrix", FormatTransitionMatrix(verdicts, target)) +
         Marked("broadcast-matrix", FormatBroadcastMatrix(verdicts, target));
}

}  // namespace opentok::conformance
