#include "opentok_mock/clock.h"

#include <chrono>
#include <utility>

namespace opentok_mock {
namespace {

std::int64_t SaturatingAdd(std::int64_t a, std::int64_t b) {
  std::int64_t sum = 0;
  if (!__builtin_add_overflow(a, b, &sum)) return sum;
  return b > 0 ? std::numeric_limits<std::int64_t>::max() : std::numeric_limits<std::int64_t>::min();
}

}  // namespace

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
  Record();
}

void MockClock::Freeze() {
  std::lock_guard lock(change_mutex_);
  if (frozen()) return;
  frozen_at_.store(wall_() + offset_ms_.load());
  Record();
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
  Record();
}

void MockClock::Record() {
  auto frozen_at = frozen_at_.load();
  history_.push_back(Segment{wall_(), offset_ms_.load(),
                             frozen_at == kRunning ? std::nullopt : std::optional<std::int64_t>(frozen_at)});
  if (history_.size() > kMaxHistory) {
    history_.erase(history_.begin());
    history_.front().since_wall_ms.reset();
  }
}

MockClock::Segment const& MockClock::SegmentBefore(std::int64_t wall_ms) const {
  // The last segment that had begun before `wall_ms`; the oldest covers everything before.
  auto segment = history_.rbegin();
  while (segment->since_wall_ms && *segment->since_wall_ms >= wall_ms) ++segment;
  return *segment;
}

std::int64_t MockClock::ValueAt(Segment const& segment, std::int64_t wall_ms) {
  if (segment.frozen_at_ms) return *segment.frozen_at_ms;
  return SaturatingAdd(wall_ms, segment.offset_ms);
}

std::int64_t MockClock::MockAtWallMs(std::int64_t wall_ms) const {
  std::lock_guard lock(change_mutex_);
  return ValueAt(SegmentBefore(wall_ms), wall_ms);
}

std::optional<std::int64_t> MockClock::TokenIssueSecond(std::int64_t issued_s) const {
  constexpr std::int64_t kLimit = std::numeric_limits<std::int64_t>::max() / 1000 - 1;
  if (issued_s > kLimit || issued_s < -kLimit) return std::nullopt;  // no clock ever ran there
  std::int64_t const start_ms = issued_s * 1000;
  std::int64_t const end_ms = start_ms + 1000;
  if (start_ms > wall_()) return std::nullopt;
  std::lock_guard lock(change_mutex_);
  auto const& before = SegmentBefore(start_ms);
  std::int64_t const before_s = ValueAt(before, start_ms) / 1000;
  auto const& after = SegmentBefore(end_ms);
  if (&after == &before || issued_s == before_s) return before_s;
  return ValueAt(after, end_ms - 1) / 1000;
}

std::vector<MockClock::Segment> MockClock::History() const {
  std::lock_guard lock(change_mutex_);
  return history_;
}

std::string MockClock::ValidHistory(std::vector<Segment> const& history) {
  if (history.empty()) return "must have at least one segment";
  if (history.size() > kMaxHistory) return "has more than " + std::to_string(kMaxHistory) + " segments";
  if (history.front().since_wall_ms) return "[0].since_wall_ms must be null (the oldest segment covers all earlier time)";
  for (std::size_t i = 0; i < history.size(); ++i) {
    auto const& segment = history[i];
    if (segment.frozen_at_ms == kRunning) return "[" + std::to_string(i) + "].frozen_at_ms is out of range";
    if (i == 0) continue;
    if (!segment.since_wall_ms) return "[" + std::to_string(i) + "].since_wall_ms must be a number";
    if (i > 1 && *segment.since_wall_ms < *history[i - 1].since_wall_ms) {
      return "[" + std::to_string(i) + "].since_wall_ms goes back in time";
    }
  }
  return {};
}

void MockClock::Restore(std::vector<Segment> history) {
  std::lock_guard lock(change_mutex_);
  history_ = std::move(history);
  auto const& now = history_.back();
  offset_ms_.store(now.offset_ms);
  frozen_at_.store(now.frozen_at_ms.value_or(kRunning));
}

}  // namespace opentok_mock
