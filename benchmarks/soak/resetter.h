// Resets the mock every `interval` (exclusively: no worker step in flight) after checking
// the project-wide invariants of the epoch that ends: the archive list's count equals the
// archives started minus those deleted, the broadcast and render lists' counts equal those
// started, and no list names an object twice.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>

#include "clients.h"
#include "worker.h"

namespace opentok_soak {

class Resetter {
 public:
  Resetter(SharedRun& run, std::chrono::milliseconds interval);
  // Until Finish(): sleeps an interval, checks, resets.
  void Run();
  // Wakes Run() to return; its last epoch is checked by FinalCheck().
  void Finish();
  void FinalCheck();
  int resets() const { return resets_; }

 private:
  void Check(EpochTallies const& tallies);

  SharedRun& run_;
  std::chrono::milliseconds interval_;
  Clients clients_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool finished_ = false;
  int resets_ = 0;
};

}  // namespace opentok_soak
