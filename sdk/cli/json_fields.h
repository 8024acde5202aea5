#pragma once

// Field conversions every CLI JSON writer (json_output.cc, media_json_output.cc) shares.

#include <chrono>
#include <cstdint>
#include <string>

namespace opentok::cli {

inline std::int64_t EpochMillis(std::chrono::system_clock::time_point time) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count();
}

// An enum field as received (also an unknown value), or the enum's name when none was.
template <typename Enum>
std::string WireName(std::string const& received, Enum value) {
  return received.empty() ? std::string(ToString(value)) : received;
}

}  // namespace opentok::cli
