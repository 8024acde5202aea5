#pragma once

// The per-connection logs of session control (signals received, DTMF played).

#include <cstdint>
#include <deque>
#include <utility>

#include "opentok_mock/session_control.h"

namespace opentok_mock {

// Appends to a log that keeps the newest kMaxActivityEntries; `total` counts every entry.
template <typename Entry>
void AppendActivity(std::deque<Entry>& log, std::int64_t& total, Entry entry) {
  log.push_back(std::move(entry));
  ++total;
  if (log.size() > kMaxActivityEntries) log.pop_front();
}

}  // namespace opentok_mock
