#include "opentok/testing/fake_clock.h"

namespace opentok::testing {
namespace {

using SystemClock = std::chrono::system_clock;

SystemClock::rep TicksOf(std::int64_t epoch_seconds) {
  return std::chrono::duration_cast<SystemClock::duration>(std::chrono::seconds(epoch_seconds)).count();
}

}  // namespace

FakeClock::FakeClock(std::int64_t epoch_seconds) : ticks_(TicksOf(epoch_seconds)) {}

FakeClock::FakeClock(SystemClock::time_point now) : ticks_(now.time_since_epoch().count()) {}

SystemClock::time_point FakeClock::Now() const {
  return SystemClock::time_point(SystemClock::duration(ticks_.load()));
}

void FakeClock::Set(std::int64_t epoch_seconds) { ticks_ = TicksOf(epoch_seconds); }

void FakeClock::Set(SystemClock::time_point now) { ticks_ = now.time_since_epoch().count(); }

void FakeClock::Advance(SystemClock::duration by) { ticks_ += by.count(); }

}  // namespace opentok::testing
