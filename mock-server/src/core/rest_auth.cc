#include "opentok_mock/rest_auth.h"

#include "claims.h"
#include "opentok_common/jwt.h"

namespace opentok_mock {
namespace {

RestAuthVerdict Reject(std::string message, std::string api_key = {}) {
  return RestAuthVerdict{false, std::move(api_key), std::move(message)};
}

RestAuthVerdict VerifyPartnerAuth(std::string_view value, std::string_view path_api_key,
                                  ProjectLookup const& lookup) {
  auto colon = value.find(':');
  if (colon == std::string_view::npos) return Reject(kAuthBadFormat);
  auto key = value.substr(0, colon);
  ProjectKeys const* project = lookup(key);
  if (project == nullptr) return Reject(kAuthIssuerNotFound, std::string(key));
  if (!opentok::common::ConstantTimeEquals(value.substr(colon + 1), project->api_secret)) {
    return Reject(kAuthBadPartnerCredentials, std::string(key));
  }
  if (!path_api_key.empty() && path_api_key != key) return Reject(kAuthWrongProject, std::string(key));
  return RestAuthVerdict{true, std::string(key), {}};
}

}  // namespace

RestAuthVerdict VerifyRestAuth(RestAuthHeaders const& headers, std::string_view path_api_key,
                               ProjectLookup const& lookup, std::int64_t wall_now_s, std::int64_t leeway_s) {
  if (headers.opentok_auth.empty()) {
    if (!headers.partner_auth.empty()) return VerifyPartnerAuth(headers.partner_auth, path_api_key, lookup);
    return Reject(kAuthMissing);
  }
  auto jwt = opentok::common::DecodeJwt(headers.opentok_auth);
  if (!jwt) return Reject(kAuthBadFormat);
  auto issuer = internal::IdClaim(jwt->payload, "iss");
  if (!issuer || issuer->empty()) return Reject(kAuthBadIssuer);
  ProjectKeys const* project = lookup(*issuer);
  if (project == nullptr) return Reject(kAuthIssuerNotFound, *issuer);
  if (!opentok::common::VerifyHs256(*jwt, project->jwt_signer)) return Reject(kAuthBadSignature, *issuer);
  if (!path_api_key.empty() && path_api_key != *issuer) return Reject(kAuthWrongProject, *issuer);
  // Ruby puts `ist` in the JOSE header; others in the payload; some omit it.
  for (auto const* where : {&jwt->payload, &jwt->header}) {
    auto const* ist = internal::FindClaim(*where, "ist");
    if (ist != nullptr && !(ist->is_string() && ist->get<std::string>() == "project")) {
      return Reject(kAuthBadIst, *issuer);
    }
  }
  auto expires = internal::NumericClaim(jwt->payload, "exp");
  if (!expires) return Reject(kAuthNoExpiry, *issuer);
  if (*expires + leeway_s < wall_now_s) return Reject(kAuthExpired, *issuer);
  auto issued = internal::NumericClaim(jwt->payload, "iat");
  if (issued && *issued - leeway_s > wall_now_s) return Reject(kAuthIssuedInFuture, *issuer);
  return RestAuthVerdict{true, *issuer, {}};
}

}  // namespace opentok_mock
