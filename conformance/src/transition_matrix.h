#pragma once

#include <map>
#include <string>

#include "summary_listener.h"

namespace opentok::conformance {

// Test-suite prefixes of the parameterized transition checks.
inline constexpr char kTransitionSuite[] = "ArchiveTransitions/ArchiveTransitionTest";
inline constexpr char kBroadcastTransitionSuite[] = "BroadcastTransitions/BroadcastTransitionTest";

// A transition table as a Markdown matrix (states × operations), each cell the expected
// outcome with this run's verdict. Pairs without a cell are "—".
std::string FormatTransitionMatrix(std::map<std::string, Verdict> const& verdicts, std::string const& target);
std::string FormatBroadcastMatrix(std::map<std::string, Verdict> const& verdicts, std::string const& target);

// What --matrix-out writes: both matrices, each between the marker comments of
// docs/conformance.md (`<!-- transition-matrix:begin -->`, `<!-- broadcast-matrix:begin -->`,
// and the matching `:end`), so scripts/doc-matrix can replace each block of that file.
std::string FormatReadmeMatrices(std::map<std::string, Verdict> const& verdicts, std::string const& target);

}  // namespace opentok::conformance
