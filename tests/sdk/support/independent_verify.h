#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <string>

namespace opentok::testing_util {

// Token checks written against OpenSSL and nlohmann directly, sharing no code with the
// SDK or opentok_common, so a bug in the SDK's encoders cannot hide in the tests.

// Raw bytes of base64 text in either alphabet, with or without padding (OpenSSL
// EVP_DecodeBlock after normalising). Adds a test failure and returns "" when malformed.
std::string DecodeBase64(std::string text);

// Lowercase hex HMAC computed with OpenSSL's one-shot HMAC().
std::string HmacSha1Hex(std::string const& key, std::string const& data);
std::string HmacSha256Raw(std::string const& key, std::string const& data);

struct VerifiedJwt {
  nlohmann::json header;
  nlohmann::json payload;
  bool signature_valid = false;
};
// Splits a compact JWS, decodes header and payload, and recomputes the HS256 signature.
VerifiedJwt DecodeJwt(std::string const& token, std::string const& secret);

struct VerifiedT1 {
  std::string partner_id;
  std::string data;                           // the signed data string, as sent
  std::map<std::string, std::string> fields;  // the data string, form-decoded
  bool signature_valid = false;
};
// Strips "T1==", decodes, splits at the first ':' and recomputes the HMAC-SHA1.
VerifiedT1 DecodeT1(std::string const& token, std::string const& secret);

}  // namespace opentok::testing_util
