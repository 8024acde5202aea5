#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <limits>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace opentok_mock {

// Milliseconds since the Unix epoch from the system clock.
std::int64_t SystemWallMs();

// The domain clock: createdAt/updatedAt, timers and client-token expiry read it. It is the
// wall clock plus an offset that only grows (Advance), or frozen at an instant (Freeze), in
// which case only Advance moves it. REST auth deliberately reads the wall clock instead,
// because SDKs stamp their auth JWTs with real time.
//
// The clock remembers how it ran (a bounded history of its changes), so that an instant of
// wall time can be placed on the mock time line as it was then: client tokens carry their
// issue time in wall time (client_token.h says how expiry uses it).
//
// Reads are lock-free (every request reads the clock); changes are serialised.
class MockClock {
 public:
  using WallSource = std::function<std::int64_t()>;

  // One stretch of the history: from wall instant `since_wall_ms` on (nullopt: since ever,
  // only the oldest), mock time was the wall clock plus `offset_ms`, or stood still at
  // `frozen_at_ms`. The last segment is the current state.
  struct Segment {
    std::optional<std::int64_t> since_wall_ms;
    std::int64_t offset_ms = 0;
    std::optional<std::int64_t> frozen_at_ms;
  };
  // Segments kept; beyond, the oldest goes and the next oldest covers everything before it
  // (a test that advances the clock in a loop must not grow memory without bound).
  static constexpr std::size_t kMaxHistory = 1024;

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

  // Mock time at wall instant `wall_ms` as the clock ran then, a change at exactly that
  // instant counted as after it (saturating).
  std::int64_t MockAtWallMs(std::int64_t wall_ms) const;
  // The mock second at which a client token stamped `issued_s` (JWT iat, T1 create_time) was
  // issued; nullopt when the stamp is later than the wall clock now, so it was taken from the
  // mock clock and needs no placing. A wall second without a clock change maps to the mock
  // time at its start. In a second in which the clock changed, the order of the token and
  // the change is unknown (stamps have whole seconds): the token counts as issued after the
  // change (what an SDK minting right after a test advanced the clock needs), unless its
  // stamp equals the mock second before the change, as a token stamped from the mock clock
  // before the change has.
  std::optional<std::int64_t> TokenIssueSecond(std::int64_t issued_s) const;

  // Snapshots (state_export.cc, state_import.cc): the history, oldest first. Restore replaces
  // the whole state; the caller checked the segments (ValidHistory).
  std::vector<Segment> History() const;
  void Restore(std::vector<Segment> history);
  // Empty text when `history` is one Restore accepts; otherwise why not.
  static std::string ValidHistory(std::vector<Segment> const& history);

 private:
  void Record();  // change_mutex_ held: appends the current state as a segment
  Segment const& SegmentBefore(std::int64_t wall_ms) const;  // change_mutex_ held
  static std::int64_t ValueAt(Segment const& segment, std::int64_t wall_ms);
  static constexpr std::int64_t kRunning = std::numeric_limits<std::int64_t>::min();

  WallSource wall_;
  mutable std::mutex change_mutex_;
  std::vector<Segment> history_{Segment{}};
  std::atomic<std::int64_t> offset_ms_{0};
  std::atomic<std::int64_t> frozen_at_{kRunning};
};

}  // namespace opentok_mock
