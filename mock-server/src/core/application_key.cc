#include "opentok_mock/application_key.h"

#include <nlohmann/json.hpp>

#include <cctype>

#include "jwt_algorithm.h"
#include "opentok_common/random.h"

namespace opentok_mock {

bool IsApplicationId(std::string_view id) {
  static constexpr std::string_view kShape = "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";
  if (id.size() != kShape.size()) return false;
  for (std::size_t i = 0; i < id.size(); ++i) {
    bool ok = kShape[i] == '-' ? id[i] == '-' : std::isxdigit(static_cast<unsigned char>(id[i])) != 0;
    if (!ok) return false;
  }
  return true;
}

ApplicationKey::ApplicationKey(std::string application_id, opentok::common::RsaPublicKey public_key,
                               std::optional<opentok::common::RsaPrivateKey> private_key)
    : application_id_(std::move(application_id)),
      public_key_(std::move(public_key)),
      public_key_pem_(public_key_.Pem()),
      private_key_(std::move(private_key)) {}

std::optional<std::string> ApplicationKey::private_key_pem() const {
  if (!private_key_) return std::nullopt;
  return private_key_->PrivateKeyPem();
}

std::optional<std::string> ApplicationKey::CheckJwtSignature(opentok::common::DecodedJwt const& jwt) const {
  // VerifyRs256 refuses any other alg too; the check here only makes the message say why.
  auto algorithm = internal::JwtAlgorithm(jwt);
  if (algorithm != "RS256") {
    return application_id_ + " is a Vonage application: its tokens are RS256 JWTs signed with its private key, not '" +
           algorithm + "'";
  }
  if (opentok::common::VerifyRs256(jwt, public_key_)) return std::nullopt;
  return std::string();
}

std::optional<std::string> ApplicationKey::CheckT1Signature(std::string_view, std::string_view) const {
  return application_id_ +
         " is a Vonage application: T1 tokens are signed with a project's API secret; an application's client tokens "
         "are RS256 JWTs";
}

std::optional<std::string> ApplicationKey::CheckPartnerSecret(std::string_view) const {
  return application_id_ +
         " is a Vonage application: X-TB-PARTNER-AUTH carries a project's secret; send an RS256 JWT in "
         "Authorization: Bearer";
}

std::optional<RestAuthHeader> ApplicationKey::MintRestAuth(std::int64_t now_s, std::int64_t lifetime_s) const {
  if (!private_key_) return std::nullopt;
  // The claims our SDK and the Vonage SDKs send (application_id, iat, exp, jti).
  nlohmann::json payload{{"application_id", application_id_},
                         {"iat", now_s},
                         {"exp", now_s + lifetime_s},
                         {"jti", opentok::common::FormatUuidV4(opentok::common::RandomBytes(16))}};
  return RestAuthHeader{"Authorization", "Bearer ", opentok::common::SignJwtRs256(payload.dump(), *private_key_)};
}

}  // namespace opentok_mock
