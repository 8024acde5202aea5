#include "opentok_mock/credentials.h"

#include <nlohmann/json.hpp>

#include "jwt_algorithm.h"
#include "opentok_common/random.h"

namespace opentok_mock {

std::string_view ToString(CredentialKind kind) {
  return kind == CredentialKind::kApplicationKey ? "application" : "project";
}

std::string_view DescribeOwner(CredentialKind kind) {
  return kind == CredentialKind::kApplicationKey ? "a Vonage application" : "a project";
}

std::string_view DescribeTokens(CredentialKind kind) {
  return kind == CredentialKind::kApplicationKey
             ? "a Vonage application's token (an RS256 JWT signed with its private key)"
             : "a project's token (an HS256 JWT or T1 token signed with its API secret)";
}

std::optional<std::string> ProjectKeys::CheckJwtSignature(opentok::common::DecodedJwt const& jwt) const {
  if (internal::JwtAlgorithm(jwt) == "RS256") {
    return api_key + " is a project: its tokens are HS256 JWTs signed with its API secret, not RS256";
  }
  if (opentok::common::VerifyHs256(jwt, jwt_signer)) return std::nullopt;
  return std::string();
}

std::optional<std::string> ProjectKeys::CheckT1Signature(std::string_view data, std::string_view signature_hex) const {
  if (opentok::common::ConstantTimeEquals(t1_signer.SignHex(data), signature_hex)) return std::nullopt;
  return std::string();
}

std::optional<std::string> ProjectKeys::CheckPartnerSecret(std::string_view secret) const {
  if (opentok::common::ConstantTimeEquals(secret, api_secret)) return std::nullopt;
  return std::string();
}

std::optional<RestAuthHeader> ProjectKeys::MintRestAuth(std::int64_t now_s, std::int64_t lifetime_s) const {
  nlohmann::json payload{{"iss", api_key},
                         {"ist", "project"},
                         {"iat", now_s},
                         {"exp", now_s + lifetime_s},
                         {"jti", opentok::common::FormatUuidV4(opentok::common::RandomBytes(16))}};
  return RestAuthHeader{"X-OPENTOK-AUTH", "", opentok::common::SignJwtHs256(payload.dump(), jwt_signer)};
}

}  // namespace opentok_mock
