#pragma once

#include <memory>
#include <string>

#include "internal/credentials.h"
#include "internal/rest_auth.h"
#include "opentok/clock.h"
#include "opentok_common/hmac.h"

namespace opentok::internal {

// An OpenTok project's API key and secret: REST requests carry the HS256 project JWT in
// X-OPENTOK-AUTH (RestAuth); client tokens are HS256 JWTs with the claims node-ot >= 2.21
// sends, or legacy "T1==" tokens. The HMAC keys are set up once, here.
class ProjectSecret final : public Credentials {
 public:
  ProjectSecret(std::string api_key, std::string_view api_secret, std::shared_ptr<Clock> clock,
                std::shared_ptr<RandomSource> random);

  std::string const& project_id() const noexcept override { return api_key_; }
  std::string_view owner_kind() const noexcept override { return "API key"; }
  std::pair<std::string, std::string> SignRequest() const override;
  std::string MintClientToken(ClientTokenClaims const& claims, TokenFormat format) const override;

 private:
  std::string MakeJwt(ClientTokenClaims const& claims, double nonce) const;
  std::string MakeT1(ClientTokenClaims const& claims, double nonce) const;

  std::string api_key_;
  // One keyed HMAC-SHA256 serves both client JWTs and the REST auth header.
  std::shared_ptr<common::HmacSigner const> hs256_;
  common::HmacSigner sha1_;
  RestAuth rest_auth_;
  std::shared_ptr<RandomSource> random_;
};

}  // namespace opentok::internal
