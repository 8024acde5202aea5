#pragma once

#include <string>

#include "opentok_common/jwt.h"

namespace opentok_mock::internal {

// The JOSE header's "alg" as text ("" when absent or not a string), for the messages that
// name a token of the wrong kind.
inline std::string JwtAlgorithm(opentok::common::DecodedJwt const& jwt) {
  auto it = jwt.header.find("alg");
  return it != jwt.header.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace opentok_mock::internal
