#include "opentok_mock/clock.h"

#include <chrono>
#include <utility>

namespace opentok_mock {

std::int64_t SystemWallMs() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

MockClock::MockClock(WallSource wall) : wall_(std::move(wall)) {}

std::int64_t MockClock::NowMs() const {
  auto frozen_at = frozen_at_.load();
  if (frozen_at != kRunning) return frozen_at;
  return wall_() + offset_ms_.load();
}

void MockClock::Advance(std::int64_t ms) {
  if (ms <= 0) return;
  std::lock_guard lock(change_mutex_);
  if (frozen()) {
    frozen_at_.fetch_add(ms);
  } else {
    offset_ms_.fetch_add(ms);
  }
}

void MockClock::Freeze() {
  std::lock_guard lock(change_mutex_);
  if (!frozen()) frozen_at_.store(wall_() + offset_ms_.load());
}

void MockClock::Unfreeze() {
  std::lock_guard lock(change_mutex_);
  if (!frozen()) return;
  // The offset is set before the freeze is lifted, so a concurrent reader sees either the
  // frozen instant or the new running time, never the stale offset.
  auto frozen_at = frozen_at_.load();
  auto offset = frozen_at - wall_();
  offset_ms_.store(offset);
  frozen_at_.store(kRunning);
}

}  // namespace opentok_mock
