// The mock's client-token verification (VerifyClientToken: T1, HS256, RS256), the check
// every simulated client connect runs.
//
// Input: a mode byte, then text.
//   mode % 5 == 0  the text is the token, as received
//   mode % 5 == 1  the text is a JWT payload, signed HS256 by the project
//   mode % 5 == 2  the text is a JWT payload, signed RS256 by the application
//   mode % 5 == 3  the text is T1 data ("session_id=...&role=..."), signed by the project
//   mode % 5 == 4  "<JOSE header>\n<payload>", signed HS256 by the project
// Signing the fuzzed claims correctly takes the fuzzer past the signature checks into the
// claim parsing. Invariants: a failure is a 403 with a message; an accepted token names a
// known owner, a session id and an expiry after now.

#include <cstddef>
#include <cstdint>
#include <string>

#include "checks.h"
#include "fuzz_input.h"
#include "opentok_mock/client_token.h"
#include "owners.h"

namespace {

std::string TokenOf(opentok_fuzz::FuzzInput& input, opentok_fuzz::Owners const& owners) {
  switch (input.Byte() % 5) {
    case 1: return owners.SignedJwtOf(input, 0);
    case 2: return owners.SignedJwtOf(input, 1);
    case 3: return owners.SignT1(input.Rest());
    case 4: return owners.SignedJwtOf(input, 2);
    default: return std::string(input.Rest());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  auto const& owners = opentok_fuzz::Owners::Get();
  static auto const lookup = owners.Lookup();
  opentok_fuzz::FuzzInput input(data, size);
  auto token = TokenOf(input, owners);
  auto claims = opentok_mock::VerifyClientToken(token, lookup, opentok_fuzz::kNowS);
  if (!claims) {
    opentok_fuzz::Check(claims.error().http_status == 403, "a rejected client token is not a 403", token);
    opentok_fuzz::Check(!claims.error().message.empty(), "a rejected client token has no message", token);
    return 0;
  }
  opentok_fuzz::Check(claims->api_key == opentok_fuzz::kProjectKey || claims->api_key == opentok_fuzz::kApplicationId,
                      "an accepted client token names an unknown owner", token);
  opentok_fuzz::Check(!claims->session_id.empty(), "an accepted client token has no session id", token);
  opentok_fuzz::Check(claims->expire_time_s > opentok_fuzz::kNowS, "an accepted client token has expired", token);
  return 0;
}
