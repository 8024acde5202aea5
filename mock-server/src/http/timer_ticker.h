#pragma once

// Fires the service's timers on time while the mock clock runs. The core fires due timers
// lazily, at the next operation; without a ticker an archive that becomes available, or a
// broadcast that reaches its maximum duration, would only change (and only be called back
// about) when somebody next called the API.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

namespace opentok_mock::http {

class TimerTicker {
 public:
  // What the ticker reads and does; MockServer binds them to the service (NextTimerDueMs,
  // NowMs, ClockFrozen, FireDueTimers). Tests pass their own.
  struct Hooks {
    std::function<std::optional<std::int64_t>()> next_due_ms;  // mock time
    std::function<std::int64_t()> now_ms;                     // mock time
    std::function<bool()> frozen;
    std::function<void()> fire_due;
  };

  // Starts the thread. `recheck` bounds how long it waits without looking again, so that a
  // clock moved through the control plane (advanced, unfrozen), which is not an event, is
  // noticed within that time.
  explicit TimerTicker(Hooks hooks, std::chrono::milliseconds recheck = std::chrono::milliseconds(100));
  ~TimerTicker();  // stops and joins
  TimerTicker(TimerTicker const&) = delete;
  TimerTicker& operator=(TimerTicker const&) = delete;

  // Looks again now: a timer may have been added. Safe to call from a service event
  // subscriber (it never calls into the service) and cheap when called often: only the first
  // call since the ticker last looked takes its lock, and it looks at most every 2 ms.
  void Wake();

 private:
  void Loop();

  static constexpr std::chrono::milliseconds kMinLookInterval{2};

  Hooks const hooks_;
  std::chrono::milliseconds const recheck_;
  std::mutex mutex_;
  std::condition_variable cv_;
  bool stopping_ = false;
  std::atomic<bool> woken_{false};
  std::thread thread_;
};

}  // namespace opentok_mock::http
