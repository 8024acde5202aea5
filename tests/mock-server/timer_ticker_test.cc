// The timer ticker with hand-made hooks: it fires due timers while the clock runs, looks
// again when woken, and leaves a frozen clock alone. Completion is observed through the
// hooks (a condition variable), never by sleeping.

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>

#include "timer_ticker.h"

namespace opentok_mock::testing {
namespace {

using http::TimerTicker;
using namespace std::chrono_literals;

std::int64_t SteadyMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

// A fake service: one pending timer at most, mock time on the steady clock unless frozen.
class FakeTimers {
 public:
  TimerTicker::Hooks Hooks() {
    return {[this] {
              std::lock_guard lock(mutex_);
              ++looks_;
              cv_.notify_all();
              return due_;
            },
            [this] {
              std::lock_guard lock(mutex_);
              return frozen_ ? frozen_at_ : SteadyMs();
            },
            [this] {
              std::lock_guard lock(mutex_);
              return frozen_;
            },
            [this] {
              std::lock_guard lock(mutex_);
              auto now = frozen_ ? frozen_at_ : SteadyMs();
              if (due_ && *due_ <= now) {
                fired_at_.push_back(now);
                due_.reset();
                cv_.notify_all();
              }
            }};
  }
  void SetDue(std::optional<std::int64_t> due) {
    std::lock_guard lock(mutex_);
    due_ = due;
  }
  void Freeze() {
    std::lock_guard lock(mutex_);
    frozen_ = true;
    frozen_at_ = SteadyMs();
  }
  bool WaitForFires(std::size_t count) {
    std::unique_lock lock(mutex_);
    return cv_.wait_for(lock, 10s, [&] { return fired_at_.size() >= count; });
  }
  bool WaitForLooks(int count) {
    std::unique_lock lock(mutex_);
    return cv_.wait_for(lock, 10s, [&] { return looks_ >= count; });
  }
  int Looks() {
    std::lock_guard lock(mutex_);
    return looks_;
  }
  std::vector<std::int64_t> FiredAt() {
    std::lock_guard lock(mutex_);
    return fired_at_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  std::optional<std::int64_t> due_;
  bool frozen_ = false;
  std::int64_t frozen_at_ = 0;
  int looks_ = 0;
  std::vector<std::int64_t> fired_at_;
};

TEST(TimerTickerTest, FiresATimerWhenItIsDueNotBefore) {
  FakeTimers timers;
  auto due = SteadyMs() + 50;
  timers.SetDue(due);
  TimerTicker ticker(timers.Hooks(), 1h);  // no periodic look: the wait is computed from the due time
  ASSERT_TRUE(timers.WaitForFires(1));
  EXPECT_GE(timers.FiredAt()[0], due);
}

TEST(TimerTickerTest, WakeLooksAgainForATimerAddedLater) {
  FakeTimers timers;
  TimerTicker ticker(timers.Hooks(), 1h);
  ASSERT_TRUE(timers.WaitForLooks(1));  // nothing pending: it waits for an hour or a wake-up
  timers.SetDue(SteadyMs());
  ticker.Wake();
  ASSERT_TRUE(timers.WaitForFires(1));
}

TEST(TimerTickerTest, LeavesTimersAloneWhileTheClockIsFrozen) {
  FakeTimers timers;
  timers.Freeze();
  timers.SetDue(0);  // long due, but the frozen clock only moves when advanced (which fires it)
  TimerTicker ticker(timers.Hooks(), 1ms);
  ASSERT_TRUE(timers.WaitForLooks(5));
  EXPECT_TRUE(timers.FiredAt().empty());
}

}  // namespace
}  // namespace opentok_mock::testing
