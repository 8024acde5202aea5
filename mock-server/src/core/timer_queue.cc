#include "opentok_mock/timer_queue.h"

#include <utility>

namespace opentok_mock {

void TimerQueue::Schedule(Timer timer) {
  timer.sequence = next_sequence_++;
  heap_.push(std::move(timer));
}

std::optional<Timer> TimerQueue::PopDue(std::int64_t now_ms) {
  if (heap_.empty() || heap_.top().due_ms > now_ms) return std::nullopt;
  Timer timer = heap_.top();
  heap_.pop();
  return timer;
}

std::optional<std::int64_t> TimerQueue::NextDue() const {
  if (heap_.empty()) return std::nullopt;
  return heap_.top().due_ms;
}

void TimerQueue::Clear() { heap_ = {}; }

std::vector<Timer> TimerQueue::Pending() const {
  auto heap = heap_;
  std::vector<Timer> out;
  out.reserve(heap.size());
  for (; !heap.empty(); heap.pop()) out.push_back(heap.top());
  return out;
}

void TimerQueue::Restore(std::vector<Timer> timers, std::uint64_t next_sequence) {
  heap_ = {};
  for (auto& timer : timers) heap_.push(std::move(timer));
  next_sequence_ = next_sequence;
}

}  // namespace opentok_mock
