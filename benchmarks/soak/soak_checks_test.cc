// The soak's own judges: a soak whose checks accepted everything would always pass.
#include <gtest/gtest.h>

#include "memory_trend.h"
#include "transitions.h"

namespace opentok_soak {
namespace {

TEST(SoakTransitions, ArchiveAcceptsSkippedStatesAndRejectsGoingBack) {
  auto const& archive = ArchiveTransitions();
  EXPECT_TRUE(archive.IsInitial("started"));
  EXPECT_FALSE(archive.IsInitial("paused"));
  EXPECT_TRUE(archive.IsReachable("started", "started"));
  EXPECT_TRUE(archive.IsReachable("started", "available"));  // stopped was not polled
  EXPECT_TRUE(archive.IsReachable("paused", "started"));
  EXPECT_TRUE(archive.IsReachable("available", "deleted"));
  EXPECT_TRUE(archive.IsReachable("stopped", "failed"));
  EXPECT_FALSE(archive.IsReachable("stopped", "started"));
  EXPECT_FALSE(archive.IsReachable("available", "stopped"));
  EXPECT_FALSE(archive.IsReachable("deleted", "available"));
  EXPECT_FALSE(archive.IsReachable("uploaded", "available"));
  EXPECT_FALSE(archive.IsReachable("expired", "deleted"));
  EXPECT_FALSE(archive.IsReachable("failed", "stopped"));
  EXPECT_FALSE(archive.IsKnown("recording"));
}

TEST(SoakTransitions, BroadcastCaptionsAndRenders) {
  EXPECT_TRUE(BroadcastTransitions().IsReachable("started", "stopped"));
  EXPECT_FALSE(BroadcastTransitions().IsReachable("stopped", "started"));
  EXPECT_TRUE(CaptionsTransitions().IsReachable("paused", "failed"));
  EXPECT_FALSE(CaptionsTransitions().IsReachable("stopped", "paused"));
  EXPECT_TRUE(RenderTransitions().IsInitial("starting"));
  EXPECT_TRUE(RenderTransitions().IsReachable("starting", "stopped"));
  EXPECT_FALSE(RenderTransitions().IsReachable("started", "starting"));
  EXPECT_FALSE(RenderTransitions().IsReachable("failed", "started"));
}

std::vector<MemorySample> Samples(int count, std::int64_t start_kib, double kib_per_s) {
  std::vector<MemorySample> samples;
  for (int t = 0; t < count; ++t) {
    samples.push_back({static_cast<double>(t), start_kib + static_cast<std::int64_t>(kib_per_s * t)});
  }
  return samples;
}

TEST(SoakMemory, PlateauAfterWarmUpPasses) {
  auto samples = Samples(60, 10000, 0);
  for (int t = 0; t < 20; ++t) samples[t].rss_kib = 5000 + 250 * t;  // warm-up climb
  auto verdict = JudgeMemory(samples, 5, 4096);
  ASSERT_TRUE(verdict.enough_samples);
  EXPECT_TRUE(verdict.ok);
  EXPECT_NEAR(verdict.slope_kib_per_s, 0, 1e-9);
}

TEST(SoakMemory, LinearGrowthFails) {
  auto verdict = JudgeMemory(Samples(120, 20000, 200), 5, 4096);  // 200 KiB/s: 12 MiB over the last minute
  ASSERT_TRUE(verdict.enough_samples);
  EXPECT_FALSE(verdict.ok);
  EXPECT_NEAR(verdict.slope_kib_per_s, 200, 1);
}

TEST(SoakMemory, TooFewSamplesIsNotAVerdict) { EXPECT_FALSE(JudgeMemory(Samples(3, 1000, 0), 5, 4096).enough_samples); }

}  // namespace
}  // namespace opentok_soak
