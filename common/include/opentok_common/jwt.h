#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "opentok_common/hmac.h"

namespace opentok::common {

// The JOSE header every HS256 token we mint carries.
inline constexpr std::string_view kHs256JoseHeader = R"({"alg":"HS256","typ":"JWT"})";

// Compact JWS: base64url(header) "." base64url(payload) "." base64url(HMAC-SHA256).
// `payload_json` is serialized JSON text; `signer` must be an HmacAlgorithm::kSha256 signer.
std::string SignJwtHs256(std::string_view payload_json, HmacSigner const& signer);

struct DecodedJwt {
  nlohmann::json header;
  nlohmann::json payload;
  std::string signing_input;  // "<header>.<payload>" exactly as received
  std::string signature;      // raw signature bytes
};

// Splits a compact JWS and parses its header and payload as JSON objects. Returns nullopt
// and sets `*why` (when given) to a short reason if the token is malformed.
std::optional<DecodedJwt> DecodeJwt(std::string_view token, std::string* why = nullptr);

// True when the header says HS256 and the signature matches (constant-time compare).
bool VerifyHs256(DecodedJwt const& jwt, HmacSigner const& signer);

}  // namespace opentok::common
