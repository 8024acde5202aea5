#pragma once

#include <string>
#include <string_view>

namespace opentok::conformance {

// "started" + "max-duration" -> "started_max_duration": a transition cell's test-name
// suffix (GoogleTest names allow only letters, digits and '_').
inline std::string CellName(std::string_view state, std::string_view operation) {
  std::string id = std::string(state) + "_" + std::string(operation);
  for (char& c : id) {
    if (c == '-') c = '_';
  }
  return id;
}

}  // namespace opentok::conformance
