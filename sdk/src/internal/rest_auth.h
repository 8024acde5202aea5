#pragma once

#include <memory>
#include <string>

#include "opentok/clock.h"
#include "opentok_common/hmac.h"

namespace opentok::internal {

inline constexpr char kAuthHeader[] = "X-OPENTOK-AUTH";

// Signs the project JWT sent as X-OPENTOK-AUTH on every REST request, as the
// official SDKs do: iss = API key (string), ist = "project", iat, exp = iat + 300 s, unique jti.
class RestAuth {
 public:
  static constexpr std::int64_t kLifetimeSeconds = 300;

  RestAuth(std::string api_key, std::shared_ptr<common::HmacSigner const> hs256, std::shared_ptr<Clock> clock,
           std::shared_ptr<RandomSource> random);

  // A fresh token; called once per attempt so that a request never carries a stale one.
  std::string MakeToken() const;

 private:
  std::string api_key_;
  std::shared_ptr<common::HmacSigner const> hs256_;
  std::shared_ptr<Clock> clock_;
  std::shared_ptr<RandomSource> random_;
};

}  // namespace opentok::internal
