// "Resident memory stops growing after warm-up", made testable: the first half of the run
// is warm-up (allocator pools, thread stacks, the request journal filling to its bound);
// over the second half, the least-squares slope of the mock's VmRSS samples times the
// half's length is the growth, and it must stay within max(limit_percent of the half's
// mean, limit_floor_kib). A leak of a few hundred bytes per request grows linearly and
// fails this; the saw-tooth that resets leave does not.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace opentok_soak {

struct MemorySample {
  double seconds = 0;  // since the start of the load
  std::int64_t rss_kib = 0;
};

struct MemoryVerdict {
  double slope_kib_per_s = 0;  // over the second half
  double growth_kib = 0;       // slope times the second half's length
  double mean_kib = 0;         // of the second half
  double limit_kib = 0;
  std::int64_t first_kib = 0, peak_kib = 0, last_kib = 0;
  bool enough_samples = false;
  bool ok = false;
};

MemoryVerdict JudgeMemory(std::vector<MemorySample> const& samples, double limit_percent, double limit_floor_kib);
// The samples as rows of "t=12s 34.5" (MiB), ten to a line.
std::string FormatSamples(std::vector<MemorySample> const& samples);

}  // namespace opentok_soak
