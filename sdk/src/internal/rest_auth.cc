#include "internal/rest_auth.h"

#include <chrono>

#include "opentok_common/json_text.h"
#include "opentok_common/jwt.h"

namespace opentok::internal {

RestAuth::RestAuth(std::string api_key, std::shared_ptr<common::HmacSigner const> hs256,
                   std::shared_ptr<Clock> clock, std::shared_ptr<RandomSource> random)
    : api_key_(std::move(api_key)), hs256_(std::move(hs256)), clock_(std::move(clock)), random_(std::move(random)) {}

std::string RestAuth::MakeToken() const {
  auto iat = std::chrono::duration_cast<std::chrono::seconds>(clock_->Now().time_since_epoch()).count();
  std::string payload;
  payload.reserve(160);
  payload.push_back('{');
  common::AppendJsonKey(payload, "iss");
  common::AppendJsonString(payload, api_key_);
  payload.append(R"(,"ist":"project",)");
  common::AppendJsonKey(payload, "iat");
  common::AppendInteger(payload, iat);
  payload.push_back(',');
  common::AppendJsonKey(payload, "exp");
  common::AppendInteger(payload, iat + kLifetimeSeconds);
  payload.push_back(',');
  common::AppendJsonKey(payload, "jti");
  common::AppendJsonString(payload, random_->NewId());
  payload.push_back('}');
  return common::SignJwtHs256(payload, *hs256_);
}

}  // namespace opentok::internal
