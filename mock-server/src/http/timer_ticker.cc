#include "timer_ticker.h"

#include <algorithm>

namespace opentok_mock::http {

TimerTicker::TimerTicker(Hooks hooks, std::chrono::milliseconds recheck)
    : hooks_(std::move(hooks)), recheck_(std::max(recheck, std::chrono::milliseconds(1))) {
  thread_ = std::thread([this] { Loop(); });
}

TimerTicker::~TimerTicker() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

void TimerTicker::Wake() {
  if (woken_.exchange(true)) return;  // already woken, not looked yet
  std::lock_guard lock(mutex_);         // so that the wake-up cannot fall between check and wait
  cv_.notify_all();
}

void TimerTicker::Loop() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    woken_ = false;
    auto looked_at = std::chrono::steady_clock::now();
    lock.unlock();
    // The service is called without the ticker's lock: its event subscribers call Wake()
    // under the service's lock, and the two locks must never be taken in the other order.
    auto wait = recheck_;
    if (auto due = hooks_.next_due_ms(); due && !hooks_.frozen()) {
      auto until_due = *due - hooks_.now_ms();
      if (until_due <= 0) {
        hooks_.fire_due();
        // Fired timers may have queued later ones; a timer that stays due (the clock froze in
        // between) is looked at again after `recheck_`, not in a busy loop.
        if (auto next = hooks_.next_due_ms(); next && *next > *due) wait = std::chrono::milliseconds(0);
      } else {
        wait = std::min(wait, std::chrono::milliseconds(until_due));
      }
    }
    lock.lock();
    if (wait.count() > 0) cv_.wait_for(lock, wait, [&] { return stopping_ || woken_.load(); });
    // Events can come thousands of times a second: look at most every 2 ms (a timer a wake-up
    // announces is then at most 2 ms late), so that the ticker does not compete for the
    // service's lock with the requests that caused them.
    if (!stopping_) cv_.wait_until(lock, looked_at + kMinLookInterval, [&] { return stopping_; });
  }
}

}  // namespace opentok_mock::http
