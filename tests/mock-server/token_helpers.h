#pragma once

// Builders for the tokens official SDKs make, so tests can feed the mock every variant.

#include <nlohmann/json.hpp>

#include <string>

#include "opentok_common/base64.h"
#include "opentok_common/hmac.h"
#include "opentok_common/jwt.h"

namespace opentok_mock::testing {

// An HS256 JWT with `payload` as claims and an optional extra JOSE header member.
inline std::string MakeJwt(nlohmann::json const& payload, std::string const& secret,
                           nlohmann::json header = {{"alg", "HS256"}, {"typ", "JWT"}}) {
  opentok::common::HmacSigner signer(opentok::common::HmacAlgorithm::kSha256, secret);
  std::string input = opentok::common::Base64UrlEncode(header.dump()) + "." +
                      opentok::common::Base64UrlEncode(payload.dump());
  return input + "." + opentok::common::Base64UrlEncode(signer.Sign(input));
}

// The X-OPENTOK-AUTH claims the Node SDK sends (no jti).
inline nlohmann::json RestClaims(std::string const& api_key, std::int64_t now_s) {
  return {{"iss", api_key}, {"ist", "project"}, {"iat", now_s}, {"exp", now_s + 300}};
}

// "T1==" + base64("partner_id=KEY&sig=HEX:" + data), signed over `data` exactly.
inline std::string MakeT1(std::string const& api_key, std::string const& secret, std::string const& data,
                          bool url_safe = false) {
  opentok::common::HmacSigner signer(opentok::common::HmacAlgorithm::kSha1, secret);
  std::string inner = "partner_id=" + api_key + "&sig=" + signer.SignHex(data) + ":" + data;
  std::string encoded = opentok::common::Base64Encode(inner);
  if (url_safe) {  // the Java SDK: URL-safe alphabet, padding kept
    for (auto& c : encoded) c = c == '+' ? '-' : c == '/' ? '_' : c;
  }
  return "T1==" + encoded;
}

// Client-token claims as the Node SDK (>= 2.21) puts them in a JWT.
inline nlohmann::json ClientClaims(std::string const& api_key, std::string const& session_id, std::string role,
                                   std::int64_t now_s) {
  return {{"iss", api_key},          {"ist", "project"},        {"iat", now_s},
          {"exp", now_s + 3600},     {"session_id", session_id}, {"create_time", now_s},
          {"nonce", 0.123456},       {"role", role},            {"expire_time", now_s + 3600},
          {"initial_layout_class_list", ""}, {"scope", "session.connect"}};
}

}  // namespace opentok_mock::testing
