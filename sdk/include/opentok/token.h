#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "opentok/types.h"

namespace opentok {

// Everything GenerateToken accepts. Limits are checked before a token is made:
//   expire_time: seconds since the Unix epoch; 0 means 24 hours from now; must be in the
//                future and at most 30 days from now.
//   data:        connection data, at most 1000 characters.
struct TokenOptions {
  Role role = Role::kPublisher;
  std::int64_t expire_time = 0;
  std::string data;
  std::vector<std::string> initial_layout_class_list;
  // nullopt: ClientOptions::token_format (JWT unless configured otherwise).
  std::optional<TokenFormat> format;
};

}  // namespace opentok
