#pragma once

#include <strings.h>

#include <string_view>

namespace opentok::testing {

// HTTP header names compare case-insensitively (RFC 9110, section 5.1).
inline bool SameHeaderName(std::string_view a, std::string_view b) {
  return a.size() == b.size() && strncasecmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace opentok::testing
