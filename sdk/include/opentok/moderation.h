#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "opentok/types.h"

namespace opentok {

// A signal sent to the clients of a session (the .NET SDK's SignalProperties). `type` is at
// most 128 bytes and `data` at most 8 kB (8192 bytes), both valid UTF-8.
struct SignalProperties {
  std::string type;
  std::string data;

  bool operator==(SignalProperties const&) const = default;
};

// A client connected to a session, as GET .../session/{id}/connection lists it.
struct Connection {
  std::string connection_id;
  ConnectionState state = ConnectionState::kUnknown;
  std::string state_name;  // as received ("Connected", ...), also for unknown values
  std::chrono::system_clock::time_point created_at;

  bool operator==(Connection const&) const = default;
};

// The connections of a session.
struct ConnectionList {
  std::int64_t total_count = 0;
  std::string session_id;
  std::vector<Connection> items;
};

}  // namespace opentok
