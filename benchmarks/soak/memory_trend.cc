#include "memory_trend.h"

#include <algorithm>
#include <cstdio>

namespace opentok_soak {

MemoryVerdict JudgeMemory(std::vector<MemorySample> const& samples, double limit_percent, double limit_floor_kib) {
  MemoryVerdict verdict;
  if (samples.empty()) return verdict;
  verdict.first_kib = samples.front().rss_kib;
  verdict.last_kib = samples.back().rss_kib;
  for (auto const& s : samples) verdict.peak_kib = std::max(verdict.peak_kib, s.rss_kib);

  double half = samples.back().seconds / 2;
  std::vector<MemorySample> tail;
  std::copy_if(samples.begin(), samples.end(), std::back_inserter(tail),
               [&](MemorySample const& s) { return s.seconds >= half; });
  verdict.enough_samples = tail.size() >= 4;
  if (!verdict.enough_samples) return verdict;

  double n = static_cast<double>(tail.size()), sum_t = 0, sum_m = 0;
  for (auto const& s : tail) {
    sum_t += s.seconds;
    sum_m += static_cast<double>(s.rss_kib);
  }
  double mean_t = sum_t / n;
  verdict.mean_kib = sum_m / n;
  double cov = 0, var = 0;
  for (auto const& s : tail) {
    cov += (s.seconds - mean_t) * (static_cast<double>(s.rss_kib) - verdict.mean_kib);
    var += (s.seconds - mean_t) * (s.seconds - mean_t);
  }
  verdict.slope_kib_per_s = var > 0 ? cov / var : 0;
  verdict.growth_kib = verdict.slope_kib_per_s * (tail.back().seconds - tail.front().seconds);
  verdict.limit_kib = std::max(verdict.mean_kib * limit_percent / 100, limit_floor_kib);
  verdict.ok = verdict.growth_kib <= verdict.limit_kib;
  return verdict;
}

std::string FormatSamples(std::vector<MemorySample> const& samples) {
  std::string out;
  char cell[48];
  for (std::size_t i = 0; i < samples.size(); ++i) {
    std::snprintf(cell, sizeof cell, "%s t=%.0fs %.1f", i % 10 == 0 ? "  " : "", samples[i].seconds,
                  static_cast<double>(samples[i].rss_kib) / 1024);
    out += cell;
    if (i % 10 == 9 || i + 1 == samples.size()) out += '\n';
  }
  return out;
}

}  // namespace opentok_soak
