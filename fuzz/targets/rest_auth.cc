// The mock's REST authentication (VerifyRestAuth, what MockService::AuthenticateRest runs
// for every REST request) over fuzzed header values.
//
// Input: a mode byte, then text.
//   mode % 4 == 0  "<X-OPENTOK-AUTH>\n<X-TB-PARTNER-AUTH>\n<Authorization>\n<path id>", raw
//   mode % 4 == 1  "<path id>\n<payload>": the payload signed HS256 by the project
//   mode % 4 == 2  "<path id>\n<payload>": the payload signed RS256 by the application
//   mode % 4 == 3  "<path id>\n<JOSE header>\n<payload>", signed HS256 by the project
// In the signed modes a second byte puts the JWT in X-OPENTOK-AUTH or in Authorization
// (with a "Bearer " or "bearer  " scheme). Invariants: a rejection has a message; an
// acceptance names a known owner, the one of the path when the path names one, and the
// header it came in.

#include <cstddef>
#include <cstdint>
#include <string>

#include "checks.h"
#include "fuzz_input.h"
#include "opentok_mock/rest_auth.h"
#include "owners.h"

namespace {

struct Headers {
  std::string opentok_auth;
  std::string partner_auth;
  std::string authorization;
  std::string path_api_key;
};

Headers SignedHeaders(std::string jwt, std::uint8_t placement, std::string_view path_api_key) {
  Headers headers;
  headers.path_api_key = path_api_key;
  switch (placement % 3) {
    case 0: headers.opentok_auth = std::move(jwt); break;
    case 1: headers.authorization = "Bearer " + jwt; break;
    default: headers.authorization = "bearer  " + jwt; break;
  }
  return headers;
}

Headers HeadersOf(opentok_fuzz::FuzzInput& input, opentok_fuzz::Owners const& owners) {
  auto mode = input.Byte() % 4;
  if (mode == 0) {
    Headers headers;
    headers.opentok_auth = input.Field();
    headers.partner_auth = input.Field();
    headers.authorization = input.Field();
    headers.path_api_key = input.Rest();
    return headers;
  }
  auto placement = input.Byte();
  auto path_api_key = input.Field();
  auto jwt = owners.SignedJwtOf(input, mode - 1);
  return SignedHeaders(std::move(jwt), placement, path_api_key);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  auto const& owners = opentok_fuzz::Owners::Get();
  static auto const lookup = owners.Lookup();
  opentok_fuzz::FuzzInput input(data, size);
  auto headers = HeadersOf(input, owners);
  opentok_mock::RestAuthHeaders view{headers.opentok_auth, headers.partner_auth, headers.authorization};
  auto verdict = opentok_mock::VerifyRestAuth(view, headers.path_api_key, lookup, opentok_fuzz::kNowS, 300);
  if (!verdict.ok) {
    opentok_fuzz::Check(!verdict.message.empty(), "a rejected request has no message", headers.opentok_auth);
    return 0;
  }
  opentok_fuzz::Check(verdict.api_key == opentok_fuzz::kProjectKey || verdict.api_key == opentok_fuzz::kApplicationId,
                      "an accepted request names an unknown owner", verdict.api_key);
  opentok_fuzz::Check(headers.path_api_key.empty() || headers.path_api_key == verdict.api_key,
                      "an accepted request names another owner than its path", verdict.api_key);
  opentok_fuzz::Check(!verdict.header.empty() && !verdict.credential.empty(),
                      "an accepted request does not say how it authenticated", verdict.api_key);
  return 0;
}
