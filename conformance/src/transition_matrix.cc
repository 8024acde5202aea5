#include "transition_matrix.h"

#include <sstream>

#include "archive_transitions.h"

namespace opentok::conformance {
namespace {

char const* Mark(std::map<std::string, Verdict> const& verdicts, TransitionCell const& cell) {
  auto it = verdicts.find(std::string(kTransitionSuite) + ".Cell/" + CellId(cell));
  if (it == verdicts.end()) return " (not run)";
  switch (it->second) {
    case Verdict::kPass: return " ✅";
    case Verdict::kFail: return " ❌";
    case Verdict::kSkip: return " ⏭️";
  }
  return "";
}

}  // namespace

std::string FormatTransitionMatrix(std::map<std::string, Verdict> const& verdicts, std::string const& target) {
  std::ostringstream os;
  os << "| state \\ operation |";
  for (auto operation : AllArchiveOperations()) os << " " << Name(operation) << " |";
  os << "\n|---|";
  for (std::size_t i = 0; i < AllArchiveOperations().size(); ++i) os << "---|";
  os << "\n";
  for (auto state : AllArchiveStates()) {
    os << "| **" << Name(state) << "** |";
    for (auto operation : AllArchiveOperations()) {
      TransitionCell const* found = nullptr;
      for (auto const& cell : ArchiveTransitionTable()) {
        if (cell.from == state && cell.operation == operation) found = &cell;
      }
      os << " " << (found ? DescribeOutcome(*found) + Mark(verdicts, *found) : std::string("—")) << " |";
    }
    os << "\n";
  }
  os << "\nVerdicts against: " << target << ". ✅ pass, ❌ fail, ⏭️ skipped, — no such transition.\n";
  return os.str();
}

}  // namespace opentok::conformance
