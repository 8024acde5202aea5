#include "opentok_mock/rest_auth.h"

#include <cctype>

#include "claims.h"
#include "jwt_issuer.h"
#include "opentok_common/jwt.h"

namespace opentok_mock {
namespace {

RestAuthVerdict Reject(std::string message, std::string api_key = {}, Credential const* credential = nullptr) {
  RestAuthVerdict verdict{false, std::move(api_key), std::move(message), {}, {}};
  if (credential != nullptr) verdict.credential = ToString(credential->kind());
  return verdict;
}

// "Invalid signature" alone for a plain mismatch, with the reason when there is one.
std::string WithDetail(char const* message, std::string const& detail) {
  return detail.empty() ? std::string(message) : std::string(message) + ": " + detail;
}

RestAuthVerdict VerifyPartnerAuth(std::string_view value, std::string_view path_api_key,
                                  ProjectLookup const& lookup) {
  auto colon = value.find(':');
  if (colon == std::string_view::npos) return Reject(kAuthBadFormat);
  auto key = std::string(value.substr(0, colon));
  Credential const* owner = lookup(key);
  if (owner == nullptr) return Reject(kAuthIssuerNotFound, key);
  if (auto why = owner->CheckPartnerSecret(value.substr(colon + 1))) {
    return Reject(WithDetail(kAuthBadPartnerCredentials, *why), key, owner);
  }
  if (!path_api_key.empty() && path_api_key != key) return Reject(kAuthWrongProject, key, owner);
  return RestAuthVerdict{true, key, {}, std::string(ToString(owner->kind())), "X-TB-PARTNER-AUTH"};
}

// The JWT of "Bearer <JWT>" (the scheme is case-insensitive); empty for another scheme.
std::string_view BearerToken(std::string_view authorization) {
  constexpr std::string_view kScheme = "bearer ";
  if (authorization.size() <= kScheme.size()) return {};
  for (std::size_t i = 0; i < kScheme.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(authorization[i])) != kScheme[i]) return {};
  }
  auto token = authorization.substr(kScheme.size());
  while (!token.empty() && token.front() == ' ') token.remove_prefix(1);
  return token;
}

RestAuthVerdict VerifyJwtAuth(std::string_view token, std::string_view path_api_key, ProjectLookup const& lookup,
                              std::int64_t wall_now_s, std::int64_t leeway_s) {
  auto jwt = opentok::common::DecodeJwt(token);
  if (!jwt) return Reject(kAuthBadFormat);
  auto issuer = internal::IdentifyJwtIssuer(*jwt, lookup);
  switch (issuer.failure) {
    case internal::IssuerFailure::kNone: break;
    case internal::IssuerFailure::kMissing: return Reject(kAuthBadIssuer);
    case internal::IssuerFailure::kConflict: return Reject(kAuthIssuerConflict);
    case internal::IssuerFailure::kUnknown: return Reject(kAuthIssuerNotFound, issuer.id);
    case internal::IssuerFailure::kWrongClaim:
      return Reject(WithDetail(kAuthBadIssuer, issuer.detail), issuer.id, issuer.credential);
    case internal::IssuerFailure::kBadSignature:
      return Reject(WithDetail(kAuthBadSignature, issuer.detail), issuer.id, issuer.credential);
  }
  auto reject = [&](char const* message) { return Reject(message, issuer.id, issuer.credential); };
  if (!path_api_key.empty() && path_api_key != issuer.id) return reject(kAuthWrongProject);
  // Ruby puts `ist` in the JOSE header; others in the payload; some omit it.
  for (auto const* where : {&jwt->payload, &jwt->header}) {
    auto const* ist = internal::FindClaim(*where, "ist");
    if (ist != nullptr && !(ist->is_string() && ist->get<std::string>() == "project")) return reject(kAuthBadIst);
  }
  auto expires = internal::NumericClaim(jwt->payload, "exp");
  if (!expires) return reject(kAuthNoExpiry);
  if (internal::SaturatingAdd(*expires, leeway_s) < wall_now_s) return reject(kAuthExpired);
  auto issued = internal::NumericClaim(jwt->payload, "iat");
  if (issued && internal::SaturatingAdd(*issued, -leeway_s) > wall_now_s) return reject(kAuthIssuedInFuture);
  return RestAuthVerdict{true, issuer.id, {}, std::string(ToString(issuer.credential->kind())), {}};
}

}  // namespace

RestAuthVerdict VerifyRestAuth(RestAuthHeaders const& headers, std::string_view path_api_key,
                               ProjectLookup const& lookup, std::int64_t wall_now_s, std::int64_t leeway_s) {
  // X-OPENTOK-AUTH first (every OpenTok SDK, and the PHP SDK's Vonage mode), then a bearer
  // token (the Vonage SDKs), then the legacy partner header.
  if (!headers.opentok_auth.empty()) {
    auto verdict = VerifyJwtAuth(headers.opentok_auth, path_api_key, lookup, wall_now_s, leeway_s);
    verdict.header = "X-OPENTOK-AUTH";
    return verdict;
  }
  if (auto bearer = BearerToken(headers.authorization); !bearer.empty()) {
    auto verdict = VerifyJwtAuth(bearer, path_api_key, lookup, wall_now_s, leeway_s);
    verdict.header = "Authorization";
    return verdict;
  }
  if (!headers.partner_auth.empty()) return VerifyPartnerAuth(headers.partner_auth, path_api_key, lookup);
  if (!headers.authorization.empty()) return Reject(kAuthNotBearer);
  return Reject(kAuthMissing);
}

}  // namespace opentok_mock
