#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "opentok/clock.h"
#include "opentok/types.h"
#include "opentok_common/hmac.h"

namespace opentok::internal {

// Client tokens: HS256 JWTs with the claims node-ot >= 2.21 sends,
// and legacy "T1==" tokens. Pure CPU work on keyed HMACs made once per OpenTok object.
// Thread-safe: all members are immutable after construction (the clock and random
// source are thread-safe by contract).
class TokenGenerator {
 public:
  // `hs256` is keyed with the API secret and shared with the REST auth signer.
  TokenGenerator(std::string api_key, std::shared_ptr<common::HmacSigner const> hs256, std::string_view api_secret,
                 std::shared_ptr<Clock> clock, std::shared_ptr<RandomSource> random);

  // Validates everything (ArgumentException) and mints a token in `format`. Takes the
  // token fields by reference so the positional GenerateToken overload copies nothing.
  std::string Generate(std::string_view session_id, Role role, std::int64_t expire_time, std::string_view data,
                       std::vector<std::string> const& initial_layout_class_list, TokenFormat format) const;

 private:
  struct Fields;

  Fields Validate(std::string_view session_id, Role role, std::int64_t expire_time, std::string_view data,
                  std::vector<std::string> const& initial_layout_class_list) const;
  std::string MakeJwt(Fields const& fields) const;
  std::string MakeT1(Fields const& fields) const;

  std::string api_key_;
  std::shared_ptr<common::HmacSigner const> hs256_;
  common::HmacSigner sha1_;
  std::shared_ptr<Clock> clock_;
  std::shared_ptr<RandomSource> random_;
};

}  // namespace opentok::internal
