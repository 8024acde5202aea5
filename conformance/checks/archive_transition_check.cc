// The archive lifecycle table (archive_transitions.cc), one test case per cell, named
// <state>_<operation> so a report names the exact cell that failed.
#include <gtest/gtest.h>

#include "archive_scenario.h"
#include "archive_transitions.h"
#include "conformance_test.h"

namespace opentok::conformance {
namespace {

class ArchiveTransitionTest : public ConformanceTest, public ::testing::WithParamInterface<TransitionCell> {};

TEST_P(ArchiveTransitionTest, Cell) {
  TransitionCell const& cell = GetParam();
  ArchiveScenario scenario;
  if (std::string why = scenario.Build(cell.from); !why.empty()) GTEST_SKIP() << why;
  ArchiveScenario::Outcome outcome;
  if (std::string why = scenario.Apply(cell.operation, outcome); !why.empty()) GTEST_SKIP() << why;
  if (cell.status) {
    EXPECT_EQ(outcome.status, *cell.status) << "HTTP status of '" << Name(cell.operation) << "' on a '"
                                            << Name(cell.from) << "' archive";
  }
  bool started_new = cell.from == ArchiveState::kNone && cell.operation == ArchiveOperation::kStart;
  std::string const& id = started_new ? outcome.started_archive_id : scenario.archive_id();
  ASSERT_FALSE(id.empty()) << "no archive to observe";
  Archive archive;
  ArchiveState now = scenario.Observe(id, &archive);
  EXPECT_EQ(Name(now), Name(cell.to)) << "state after '" << Name(cell.operation) << "'";
  if (!cell.reason.empty()) {
    EXPECT_EQ(archive.reason, cell.reason);
  }
  if (cell.to == ArchiveState::kAvailable) {
    EXPECT_TRUE(archive.url.has_value()) << "an available archive has a url";
  }
  if (cell.to == ArchiveState::kExpired || cell.to == ArchiveState::kUploaded) {
    EXPECT_FALSE(archive.url.has_value()) << "only an available archive has a url";
  }
  if (cell.operation == ArchiveOperation::kList) {
    auto listed = scenario.ObserveInList(id);
    bool should_be_listed = cell.to != ArchiveState::kNone && cell.to != ArchiveState::kDeleted;
    EXPECT_EQ(listed.has_value(), should_be_listed);
    if (listed) {
      EXPECT_EQ(Name(*listed), Name(cell.to)) << "the list shows another status than GET";
    }
  }
}

INSTANTIATE_TEST_SUITE_P(ArchiveTransitions, ArchiveTransitionTest, ::testing::ValuesIn(ArchiveTransitionTable()),
                         [](auto const& info) { return CellId(info.param); });

}  // namespace
}  // namespace opentok::conformance
