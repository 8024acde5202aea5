#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <limits>
#include <mutex>

namespace opentok_mock {

// Milliseconds since the Unix epoch from the system clock.
std::int64_t SystemWallMs();

// The domain clock: createdAt/updatedAt, timers and client-token expiry read it. It is the
// wall clock plus an offset that only grows (Advance), or frozen at an instant (Freeze), in
// which case only Advance moves it. REST auth deliberately reads the wall clock instead,
// because SDKs stamp their auth JWTs with real time.
//
// Reads are lock-free (every request reads the clock); changes are serialised.
class MockClock {
 public:
  using WallSource = std::function<std::int64_t()>;

  // `wall` is injectable so tests can move "real" time without sleeping.
  explicit MockClock(WallSource wall = SystemWallMs);

  std::int64_t NowMs() const;
  std::int64_t WallMs() const { return wall_(); }
  bool frozen() const { return frozen_at_.load() != kRunning; }

  // Moves mock time forward by `ms` (negative values are ignored: time never goes back).
  void Advance(std::int64_t ms);
  // Stops mock time at its current value.
  void Freeze();
  // Lets mock time run with the wall clock again, continuing from the frozen instant.
  void Unfreeze();

 private:
  static constexpr std::int64_t kRunning = std::numeric_limits<std::int64_t>::min();

  WallSource wall_;
  std::mutex change_mutex_;
  std::atomic<std::int64_t> offset_ms_{0};
  std::atomic<std::int64_t> frozen_at_{kRunning};
};

}  // namespace opentok_mock
