#pragma once

// State that other threads change and a test thread waits on: changes go through Change
// (under the lock, then waiters wake), waits take a predicate and a timeout, reads lock
// through Lock(). C++17, for the WebSocket receiver too.

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace opentok_mock::testing {

class Notifier {
 public:
  template <typename Update>
  void Change(Update update) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      update();
    }
    changed_.notify_all();
  }

  // True once `done()` holds (checked under the lock), false if `timeout` passed first.
  template <typename Done>
  bool Wait(std::chrono::milliseconds timeout, Done done) const {
    std::unique_lock<std::mutex> lock(mutex_);
    return changed_.wait_for(lock, timeout, done);
  }

  std::unique_lock<std::mutex> Lock() const { return std::unique_lock<std::mutex>(mutex_); }

 private:
  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
};

}  // namespace opentok_mock::testing
