#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "internal/credentials.h"
#include "opentok/clock.h"
#include "opentok/types.h"

namespace opentok::internal {

// Client tokens: validates what GenerateToken was given (the same rules for projects and
// applications) and has the credentials mint the token. Pure CPU work; thread-safe, since
// everything it holds is immutable (the clock is thread-safe by contract).
class TokenGenerator {
 public:
  TokenGenerator(std::shared_ptr<Credentials const> credentials, std::shared_ptr<Clock> clock);

  // Validates everything (ArgumentException) and mints a token in `format`. Takes the
  // token fields by reference so the positional GenerateToken overload copies nothing.
  std::string Generate(std::string_view session_id, Role role, std::int64_t expire_time, std::string_view data,
                       std::vector<std::string> const& initial_layout_class_list, TokenFormat format) const;

 private:
  std::shared_ptr<Credentials const> credentials_;
  std::shared_ptr<Clock> clock_;
};

}  // namespace opentok::internal
