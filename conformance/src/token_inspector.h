#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace opentok::conformance {

// Independent readers for OpenTok client tokens and session ids. They deliberately use
// OpenSSL and their own parsing rather than the SDK's or the shared library's code, so a
// bug there cannot hide itself: the suite checks the formats against what the official SDKs
// produce and the service accepts, not against the code under test.

// A decoded legacy token: "T1==" + base64("partner_id=<key>&sig=<hex>:<data>").
struct T1Token {
  std::string partner_id;
  std::string sig;                            // as found in the token
  std::string data;                           // the signed data string, verbatim
  std::map<std::string, std::string> fields;  // the data string, form-decoded
};
// nullopt with `*why` set when the token is not well formed.
std::optional<T1Token> ParseT1Token(std::string_view token, std::string* why);
// Lowercase hex HMAC-SHA1 of `data` keyed with `secret`.
std::string HmacSha1Hex(std::string_view secret, std::string_view data);

// A decoded compact JWS.
struct JwtToken {
  nlohmann::json header;
  nlohmann::json claims;
  std::string signing_input;
  std::string signature;  // raw bytes
};
std::optional<JwtToken> ParseJwt(std::string_view token, std::string* why);
// True when the signature is HMAC-SHA256 of the signing input keyed with `secret`.
bool JwtSignatureValid(JwtToken const& jwt, std::string_view secret);

// The '~'-separated fields of a session id payload (after the two-character prefix).
std::optional<std::string> DecodeSessionIdPayload(std::string_view session_id);

// Standard or URL-safe base64, padding optional.
std::optional<std::string> DecodeBase64(std::string_view text);

}  // namespace opentok::conformance
