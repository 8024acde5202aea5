#pragma once

#include <map>
#include <string>

#include "summary_listener.h"

namespace opentok::conformance {

// Test-suite prefix of the parameterized transition checks.
inline constexpr char kTransitionSuite[] = "ArchiveTransitions/ArchiveTransitionTest";

// The archive transition table as a Markdown matrix (states × operations), each cell the
// expected outcome with this run's verdict. Cells without a check are "—".
std::string FormatTransitionMatrix(std::map<std::string, Verdict> const& verdicts, std::string const& target);

}  // namespace opentok::conformance
