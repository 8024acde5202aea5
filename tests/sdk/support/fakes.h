#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>

#include "opentok/clock.h"

namespace opentok::testing_util {

// A clock stopped at a settable instant (whole seconds since the Unix epoch).
class FakeClock final : public Clock {
 public:
  explicit FakeClock(std::int64_t epoch_seconds) : seconds_(epoch_seconds) {}
  std::chrono::system_clock::time_point Now() const override {
    return std::chrono::system_clock::time_point(std::chrono::seconds(seconds_.load()));
  }
  void Set(std::int64_t epoch_seconds) { seconds_ = epoch_seconds; }

 private:
  std::atomic<std::int64_t> seconds_;
};

// A fixed nonce and numbered ids "jti-1", "jti-2", ... (thread-safe).
class FixedRandom final : public RandomSource {
 public:
  explicit FixedRandom(double nonce) : nonce_(nonce) {}
  double NextUnitInterval() override { return nonce_; }
  std::string NewId() override { return "jti-" + std::to_string(++ids_); }
  int ids_issued() const { return ids_.load(); }

 private:
  double const nonce_;
  std::atomic<int> ids_{0};
};

}  // namespace opentok::testing_util
