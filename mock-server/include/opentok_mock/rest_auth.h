#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "opentok_mock/credentials.h"

namespace opentok_mock {

struct RestAuthHeaders {
  std::string_view opentok_auth;   // X-OPENTOK-AUTH (empty: absent)
  std::string_view partner_auth;   // legacy X-TB-PARTNER-AUTH "key:secret" (empty: absent)
  std::string_view authorization;  // Authorization, "Bearer <JWT>" (empty: absent)
};

struct RestAuthVerdict {
  bool ok = false;
  std::string api_key;  // the authenticated owner (or the claimed issuer when rejected)
  std::string message;  // the service's 403 message when rejected
  // The kind of the owner the token named ("project", "application"; empty when none was
  // found) and the header it came in: for the journal, never the token itself.
  std::string credential;
  std::string header;
};

// Verifies the REST auth of one request, as a pure function of its inputs. Accepts every
// official SDK's variant. Projects: X-OPENTOK-AUTH, HS256 with the secret of the `iss`
// project; `iss` a string or a JSON number. Vonage applications: an RS256 JWT whose
// `application_id` names the application, verified with its public key, in
// `Authorization: Bearer` (or in X-OPENTOK-AUTH, as the PHP SDK sends it); `iss`, when
// present, must name the same id. Both: `ist` "project" in the payload, in the JOSE header
// (Ruby) or absent; `jti` optional; unknown claims ignored. `exp` is required and checked,
// and `iat` (when present) must not be in the future, both against `wall_now_s` with
// `leeway_s` of tolerance. `path_api_key` is the project or application in the URL (empty
// for /session/create, where the token names the owner).
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
// The mock's own wording (the service's texts for these are not known).
inline constexpr char kAuthNotBearer[] =
    "No suitable authentication found: the Authorization header must be \"Bearer <JWT>\"";
inline constexpr char kAuthIssuerConflict[] = "Invalid issuer: iss and application_id name different ids";

}  // namespace opentok_mock
