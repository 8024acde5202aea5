#pragma once

#include <cstdint>
#include <optional>
#include <queue>
#include <string>
#include <vector>

namespace opentok_mock {

enum class TimerKind {
  kArchiveMaxDuration,  // target: archive id
  kArchiveProcessed,    // target: archive id
  kArchiveRetention,    // target: archive id
  kSessionEnded,        // target: session id
  kBroadcastMaxDuration,  // target: broadcast id
  kCaptionsMaxDuration,   // target: captions id
  kRenderLoaded,          // target: render id
  kRenderMaxDuration,     // target: render id
};

// A timed transition. Timers are never removed when their reason goes away; instead the
// target carries an epoch that every relevant change bumps, and a popped timer whose epoch
// no longer matches is ignored (lazy cancellation keeps scheduling O(log n)).
struct Timer {
  std::int64_t due_ms = 0;
  TimerKind kind = TimerKind::kArchiveProcessed;
  std::string target;
  std::uint64_t epoch = 0;
  std::uint64_t sequence = 0;  // set by the queue: equal due times fire in scheduling order
};

// Min-heap of timers by (due time, scheduling order). Not thread-safe (the service's lock).
class TimerQueue {
 public:
  void Schedule(Timer timer);
  // The earliest timer due at or before `now_ms`, removed from the queue.
  std::optional<Timer> PopDue(std::int64_t now_ms);
  // Due time of the earliest timer; nullopt when empty.
  std::optional<std::int64_t> NextDue() const;
  std::size_t size() const { return heap_.size(); }
  void Clear();

  // Snapshots (state_export.cc, state_import.cc): every pending timer (stale ones too) in
  // firing order, and the next scheduling sequence; Restore replaces the queue with them.
  std::vector<Timer> Pending() const;
  std::uint64_t next_sequence() const { return next_sequence_; }
  void Restore(std::vector<Timer> timers, std::uint64_t next_sequence);

 private:
  struct Later {
    bool operator()(Timer const& a, Timer const& b) const {
      return a.due_ms != b.due_ms ? a.due_ms > b.due_ms : a.sequence > b.sequence;
    }
  };
  std::priority_queue<Timer, std::vector<Timer>, Later> heap_;
  std::uint64_t next_sequence_ = 0;
};

}  // namespace opentok_mock
