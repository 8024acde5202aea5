// Resets are exclusive: workers pass the gate shared, one step at a time, and a reset waits
// until no step is in flight, holds new steps back (writer first, so that busy workers
// cannot starve it), resets the mock and opens a new epoch. The per-epoch tallies the
// invariants compare against are only touched inside a step, so the resetter reads a
// consistent set.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace opentok_soak {

// Counts of what the workers created and deleted in the current epoch.
struct EpochTallies {
  std::uint64_t archives_started = 0;
  std::uint64_t archives_deleted = 0;
  std::uint64_t broadcasts_started = 0;
  std::uint64_t renders_started = 0;
};

class EpochGate {
 public:
  // A worker's step: shared with other steps, exclusive with a reset.
  class Step {
   public:
    explicit Step(EpochGate& gate) : gate_(gate) { gate_.EnterStep(); }
    ~Step() { gate_.LeaveStep(); }
    Step(Step const&) = delete;
    Step& operator=(Step const&) = delete;
    std::uint64_t epoch() const { return gate_.epoch_; }
    // Only inside a step; the caller's own counters are added under the gate's lock.
    template <typename F>
    void Tally(F&& update) {
      std::lock_guard lock(gate_.mutex_);
      update(gate_.tallies_);
    }

   private:
    EpochGate& gate_;
  };

  // Runs `reset(tallies)` with no step in flight, then opens the next epoch with fresh
  // tallies.
  template <typename F>
  void Exclusive(F&& reset) {
    std::unique_lock lock(mutex_);
    resetting_ = true;
    idle_.wait(lock, [&] { return active_ == 0; });
    EpochTallies tallies = tallies_;
    lock.unlock();
    reset(tallies);
    lock.lock();
    tallies_ = {};
    ++epoch_;
    resetting_ = false;
    open_.notify_all();
  }

 private:
  void EnterStep() {
    std::unique_lock lock(mutex_);
    open_.wait(lock, [&] { return !resetting_; });
    ++active_;
  }
  void LeaveStep() {
    std::lock_guard lock(mutex_);
    if (--active_ == 0) idle_.notify_all();
  }

  std::mutex mutex_;
  std::condition_variable open_, idle_;
  bool resetting_ = false;
  int active_ = 0;
  std::uint64_t epoch_ = 0;  // written only while no step is active
  EpochTallies tallies_;
};

}  // namespace opentok_soak
