#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>

#include "opentok/clock.h"

namespace opentok::testing {

// A clock that stands still until the test moves it, for exact token and auth-header
// claims (iat, exp) and for code that reasons about time. Thread-safe: the SDK reads it
// from every thread that makes a request while the test sets or advances it.
class FakeClock final : public Clock {
 public:
  // Whole seconds since the Unix epoch, e.g. 1424221013.
  explicit FakeClock(std::int64_t epoch_seconds = 0);
  explicit FakeClock(std::chrono::system_clock::time_point now);

  std::chrono::system_clock::time_point Now() const override;

  void Set(std::int64_t epoch_seconds);
  void Set(std::chrono::system_clock::time_point now);
  void Advance(std::chrono::system_clock::duration by);

 private:
  // Held as a tick count because std::atomic<time_point> is not lock-free everywhere and
  // Advance needs an atomic read-modify-write.
  std::atomic<std::chrono::system_clock::rep> ticks_;
};

}  // namespace opentok::testing
