// The broadcast lifecycle table (broadcast_transitions.cc), one test case per cell, named
// <state>_<operation> so a report names the exact cell that failed.
#include <gtest/gtest.h>

#include <algorithm>

#include "broadcast_scenario.h"
#include "broadcast_transitions.h"
#include "conformance_test.h"

namespace opentok::conformance {
namespace {

class BroadcastTransitionTest : public ConformanceTest, public ::testing::WithParamInterface<BroadcastCell> {};

std::optional<SelectedStream> Selected(Broadcast const& broadcast, std::string const& stream_id) {
  auto it = std::find_if(broadcast.streams.begin(), broadcast.streams.end(),
                         [&](SelectedStream const& s) { return s.stream_id == stream_id; });
  return it == broadcast.streams.end() ? std::nullopt : std::optional(*it);
}

void ExpectOutputs(Broadcast const& broadcast, OutputStatus expected) {
  if (expected == OutputStatus::kUnchecked) return;
  ASSERT_TRUE(broadcast.broadcast_urls.has_value()) << "a started broadcast has broadcastUrls";
  auto const& urls = *broadcast.broadcast_urls;
  bool live = expected == OutputStatus::kLive;
  EXPECT_EQ(urls.hls_status_name, live ? "live" : "ready") << "hlsStatus";
  ASSERT_FALSE(urls.rtmp.empty()) << "the RTMP output is missing";
  for (auto const& rtmp : urls.rtmp) EXPECT_EQ(rtmp.status_name, live ? "live" : "offline") << "rtmp " << rtmp.id;
}

TEST_P(BroadcastTransitionTest, Cell) {
  BroadcastCell const& cell = GetParam();
  BroadcastScenario scenario;
  if (std::string why = scenario.Build(cell.from); !why.empty()) GTEST_SKIP() << why;
  BroadcastScenario::Outcome outcome;
  if (std::string why = scenario.Apply(cell.operation, outcome); !why.empty()) GTEST_SKIP() << why;
  if (cell.status) {
    EXPECT_EQ(outcome.status, *cell.status) << "HTTP status of '" << Name(cell.operation) << "' on a '"
                                            << Name(cell.from) << "' broadcast";
  }
  bool is_start = cell.operation == BroadcastOperation::kStart || cell.operation == BroadcastOperation::kStartTagged;
  if (is_start && cell.from != BroadcastState::kNone && cell.status == 200) {
    ASSERT_FALSE(outcome.started_broadcast_id.empty());
    EXPECT_EQ(Name(scenario.Observe(outcome.started_broadcast_id)), Name(BroadcastState::kStarted))
        << "the other broadcast of the session";
  }
  bool started_new = cell.from == BroadcastState::kNone && is_start;
  std::string const& id = started_new ? outcome.started_broadcast_id : scenario.broadcast_id();
  ASSERT_FALSE(id.empty()) << "no broadcast to observe";
  Broadcast broadcast;
  BroadcastState now = scenario.Observe(id, &broadcast);
  EXPECT_EQ(Name(now), Name(cell.to)) << "state after '" << Name(cell.operation) << "'";
  if (now == BroadcastState::kStopped) {
    EXPECT_FALSE(broadcast.broadcast_urls.has_value()) << "a stopped broadcast has broadcastUrls null";
  }
  ExpectOutputs(broadcast, cell.outputs);
  if (now == BroadcastState::kStarted && cell.operation == BroadcastOperation::kAddStream) {
    auto selected = Selected(broadcast, scenario.stream_id());
    ASSERT_TRUE(selected.has_value()) << "the added stream is not in `streams`";
    EXPECT_FALSE(selected->has_audio) << "adding a selected stream again updates hasAudio";
    EXPECT_TRUE(selected->has_video);
  }
  if (now == BroadcastState::kStarted && cell.operation == BroadcastOperation::kRemoveStream) {
    EXPECT_FALSE(Selected(broadcast, scenario.stream_id()).has_value()) << "the removed stream is still in `streams`";
  }
  if (cell.operation == BroadcastOperation::kList) {
    auto listed = scenario.ObserveInList(id);
    EXPECT_EQ(listed.has_value(), cell.to != BroadcastState::kNone);
    if (listed) {
      EXPECT_EQ(Name(*listed), Name(cell.to)) << "the list shows another status than GET";
    }
  }
}

INSTANTIATE_TEST_SUITE_P(BroadcastTransitions, BroadcastTransitionTest,
                         ::testing::ValuesIn(BroadcastTransitionTable()),
                         [](auto const& info) { return CellId(info.param); });

}  // namespace
}  // namespace opentok::conformance
