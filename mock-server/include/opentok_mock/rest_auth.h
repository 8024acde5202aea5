#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "opentok_mock/credentials.h"

namespace opentok_mock {

struct RestAuthHeaders {
  std::string_view opentok_auth;  // X-OPENTOK-AUTH (empty: absent)
  std::string_view partner_auth;  // legacy X-TB-PARTNER-AUTH "key:secret" (empty: absent)
};

struct RestAuthVerdict {
  bool ok = false;
  std::string api_key;  // the authenticated project (or the claimed issuer when rejected)
  std::string message;  // the service's 403 message when rejected
};

// Verifies the REST auth of one request, as a pure function of its inputs. Accepts every
// official SDK's variant (X-OPENTOK-AUTH as the official SDKs send it): HS256 with the secret of the `iss` project;
// `iss` a string or a JSON number; `ist` "project" in the payload, in the JOSE header
// (Ruby) or absent; `jti` optional; unknown claims ignored. `exp` is required and checked,
// and `iat` (when present) must not be in the future, both against `wall_now_s` with
// `leeway_s` of tolerance. `path_api_key` is the project in the URL (empty for
// /session/create, where the issuer names the project).
RestAuthVerdict VerifyRestAuth(RestAuthHeaders const& headers, std::string_view path_api_key,
                               ProjectLookup const& lookup, std::int64_t wall_now_s, std::int64_t leeway_s);

// The 403 messages (the real service's texts where known).
inline constexpr char kAuthMissing[] = "No suitable authentication found";
inline constexpr char kAuthIssuerNotFound[] = "Issuer not found";
inline constexpr char kAuthBadFormat[] = "Invalid token format";
inline constexpr char kAuthBadIssuer[] = "Invalid issuer format";
inline constexpr char kAuthBadSignature[] = "Invalid signature";
inline constexpr char kAuthWrongProject[] = "Id in the token does not match the one in the url";
inline constexpr char kAuthExpired[] = "Token expired";
inline constexpr char kAuthNoExpiry[] = "Invalid token: the exp claim is missing";
inline constexpr char kAuthIssuedInFuture[] = "issued time cannot be greater than current time";
inline constexpr char kAuthBadIst[] = "Invalid token: ist must be \"project\"";
inline constexpr char kAuthBadPartnerCredentials[] = "Invalid partner credentials";

}  // namespace opentok_mock
