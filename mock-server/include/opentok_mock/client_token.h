#pragma once

#include <cstdint>
#include <functional>
#include <optional>
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
  std::int64_t expire_time_s = 0;  // as the token says (wall clock; 24 h after issue when absent)
};

// Client tokens and the mock clock (docs/state-snapshots.md, "Client tokens and the mock
// clock"). SDKs stamp client tokens with the wall clock, while the service judges them by
// mock time, which a test may have moved days ahead or frozen. So a token's issue stamp (JWT
// `iat`, T1 `create_time`) is first placed on the mock time line by `issued_at`: the mock
// second that was current at that wall-clock second, from the clock's bounded history of
// advances, freezes and unfreezes (MockClock::TokenIssueSecond, which also says how a second
// in which the clock changed is read). The token is then valid for its lifetime (exp - iat,
// expire_time - create_time; 24 h without an expiry) of mock time from that instant: a
// token minted after an advance is fresh, and one minted before an advance past its lifetime
// has expired. The plain rule, "the expiry read as mock time is still ahead", applies to a
// token without an issue stamp, and to one whose stamp `issued_at` declines to place (nullopt:
// a stamp later than the wall clock, which can only come from the mock clock, as when a test
// mints with the mock's time). With `issued_at` empty (mock time = wall time) both rules are
// the same.
struct TokenClock {
  std::int64_t now_s = 0;  // mock time
  std::function<std::optional<std::int64_t>(std::int64_t issued_s)> issued_at;
};

// Verifies a client token the way the service does when a client connects, as a pure
// function: the signature of the owner it names (the secret of a project, the public key of a
// Vonage application: RS256 only, with `application_id` naming it), a `session.connect`
// scope, a session id, a valid role and expiry on the mock clock (TokenClock). Accepts
// every official SDK's variants (opentok-token, opentok-node, Opentok-Python-SDK, Opentok-Java-SDK, OpenTok-PHP-SDK, OpenTok-Ruby-SDK, Opentok-.NET-SDK): T1 tokens in either base64 alphabet,
// with any field order, `+` or `%20` spaces, raw or encoded values and no expire_time
// (24 h after create_time); HS256 JWTs with `iss` as string or number, null extra claims,
// no `exp` (24 h after `iat`), and the layout class list as a string or an array. RS256
// JWTs of applications may carry `sub` or `subject`, `acl`, `nonce` and unknown claims.
// Failures are 403 errors whose message says why.
Result<ClientTokenClaims> VerifyClientToken(std::string_view token, ProjectLookup const& lookup, TokenClock const& clock);
// The same with mock time equal to wall time (`now_s`): expiry is plainly the token's expiry.
Result<ClientTokenClaims> VerifyClientToken(std::string_view token, ProjectLookup const& lookup, std::int64_t now_s);

// How long a token without an expiry stays valid (the official SDKs' default).
inline constexpr std::int64_t kDefaultTokenLifetimeS = 24 * 60 * 60;

}  // namespace opentok_mock
