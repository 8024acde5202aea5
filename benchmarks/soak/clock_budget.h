// Mock-clock moves are shared by every worker (the clock is one per mock), so their total
// is rationed: at most `rate` mock seconds per wall second since the start. That keeps the
// mock clock within the client tokens' lifetime (the soak signs them for 29 days of wall
// time) and archives short of their 72-hour expiry in any sensible run.
#pragma once

#include <chrono>
#include <mutex>

namespace opentok_soak {

class ClockBudget {
 public:
  explicit ClockBudget(double rate) : rate_(rate), start_(std::chrono::steady_clock::now()) {}

  // True (and the seconds are spent) when the budget allows this move now.
  bool TryTake(double seconds) {
    std::lock_guard lock(mutex_);
    double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    if (used_ + seconds > rate_ * elapsed) return false;
    used_ += seconds;
    return true;
  }
  double Used() const {
    std::lock_guard lock(mutex_);
    return used_;
  }

 private:
  mutable std::mutex mutex_;
  double rate_;
  std::chrono::steady_clock::time_point start_;
  double used_ = 0;
};

}  // namespace opentok_soak
