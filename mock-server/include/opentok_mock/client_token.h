#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "opentok_mock/credentials.h"
#include "opentok_mock/model.h"
#include "opentok_mock/result.h"

namespace opentok_mock {

// What a verified client token grants.
struct ClientTokenClaims {
  TokenFormat format = TokenFormat::kJwt;
  std::string api_key;  // the project or application that signed it
  CredentialKind credential_kind = CredentialKind::kProjectSecret;
  std::string session_id;
  Role role = Role::kPublisher;
  std::string connection_data;
  std::vector<std::string> initial_layout_class_list;
  std::int64_t expire_time_s = 0;
};

// Verifies a client token the way the service does when a client connects, as a pure
// function: the signature of the owner it names (the secret of a project, the public key of a
// Vonage application: RS256 only, with `application_id` naming it), a `session.connect`
// scope, a session id, a valid role and expiry against `now_s` (the mock clock). Accepts
// every official SDK's variants (opentok-token, opentok-node, Opentok-Python-SDK, Opentok-Java-SDK, OpenTok-PHP-SDK, OpenTok-Ruby-SDK, Opentok-.NET-SDK): T1 tokens in either base64 alphabet,
// with any field order, `+` or `%20` spaces, raw or encoded values and no expire_time
// (24 h after create_time); HS256 JWTs with `iss` as string or number, null extra claims,
// no `exp` (24 h after `iat`), and the layout class list as a string or an array. RS256
// JWTs of applications may carry `sub` or `subject`, `acl`, `nonce` and unknown claims.
// Failures are 403 errors whose message says why.
Result<ClientTokenClaims> VerifyClientToken(std::string_view token, ProjectLookup const& lookup, std::int64_t now_s);

// How long a token without an expiry stays valid (the official SDKs' default).
inline constexpr std::int64_t kDefaultTokenLifetimeS = 24 * 60 * 60;

}  // namespace opentok_mock
