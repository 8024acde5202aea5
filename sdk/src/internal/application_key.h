#pragma once

#include <memory>
#include <string>

#include "internal/credentials.h"
#include "opentok/clock.h"
#include "opentok_common/rsa.h"

namespace opentok::internal {

// A Vonage application's id and RSA private key: REST requests carry an RS256 JWT in
// `Authorization: Bearer` (claims application_id, iat, exp = iat + 300, jti; the Vonage
// SDKs' JWT with a five-minute lifetime) and client tokens are RS256 JWTs with the claims of
// the Vonage Video SDKs (vonage-node-sdk, vonage-python-sdk). There are no T1 tokens.
class ApplicationKey final : public Credentials {
 public:
  static constexpr std::int64_t kRestLifetimeSeconds = 300;

  // `application_id` must already be a UUID (IsApplicationId).
  ApplicationKey(std::string application_id, common::RsaPrivateKey key, std::shared_ptr<Clock> clock,
                 std::shared_ptr<RandomSource> random);

  std::string const& project_id() const noexcept override { return application_id_; }
  std::string_view owner_kind() const noexcept override { return "application"; }
  std::pair<std::string, std::string> SignRequest() const override;
  std::string MintClientToken(ClientTokenClaims const& claims, TokenFormat format) const override;

 private:
  std::string application_id_;
  common::RsaPrivateKey key_;
  std::shared_ptr<Clock> clock_;
  std::shared_ptr<RandomSource> random_;
};

// True for a UUID in the 8-4-4-4-12 hex form, either case.
bool IsApplicationId(std::string_view text);

}  // namespace opentok::internal
