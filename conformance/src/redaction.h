#pragma once

#include <string>
#include <string_view>

namespace opentok::conformance {

// Replaces anything that could be a credential with "[redacted]": client tokens (T1== and
// JWTs), and the values of "token", "apiSecret" and "api_secret" JSON fields. Used on every
// request and response the suite prints, so failure output never leaks secrets.
std::string Redact(std::string_view text);

// True for headers whose values are credentials (X-OPENTOK-AUTH, Authorization, ...).
bool IsSecretHeader(std::string_view name);

}  // namespace opentok::conformance
