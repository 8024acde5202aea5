#pragma once

// Vonage application material for tests: RSA key pairs generated once per test binary (a
// 2048-bit generation costs up to a second or so), RS256 JWTs with any JOSE header, and the
// claims our SDK and the Vonage SDKs put in REST and client tokens.

#include <nlohmann/json.hpp>

#include <string>

#include "opentok_common/base64.h"
#include "opentok_common/rsa.h"

namespace opentok_mock::testing {

inline constexpr char kApplicationId[] = "a1b2c3d4-e5f6-4789-8abc-def012345678";
inline constexpr char kOtherApplicationId[] = "0f1e2d3c-4b5a-4697-8877-665544332211";

// The registered key of kApplicationId, and another application's (or an attacker's) key.
inline opentok::common::RsaPrivateKey const& ApplicationPrivateKey() {
  static auto const key = opentok::common::RsaPrivateKey::Generate();
  return key;
}
inline opentok::common::RsaPrivateKey const& OtherPrivateKey() {
  static auto const key = opentok::common::RsaPrivateKey::Generate();
  return key;
}

// An EC public key: a valid PEM whose key is not RSA.
inline constexpr char kEcPublicKeyPem[] =
    "-----BEGIN PUBLIC KEY-----\n"
    "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEkhiWFFeQ9T+bNgpRK8eWriJhsPRz\n"
    "gSUR5YfHVTl5u6ylZT3YpCpnb+ILzRYNvpz8aFeJ+xUxASRmEvVz2adQsA==\n"
    "-----END PUBLIC KEY-----\n";

// A JWS of `payload` under `header`, RS256-signed with `key` whatever the header says (to
// build the algorithm-confusion and "none" attacks, pass another header).
inline std::string MakeRs256Jwt(nlohmann::json const& payload, opentok::common::RsaPrivateKey const& key,
                                nlohmann::json const& header = {{"alg", "RS256"}, {"typ", "JWT"}}) {
  std::string input = opentok::common::Base64UrlEncode(header.dump()) + "." +
                      opentok::common::Base64UrlEncode(payload.dump());
  return input + "." + opentok::common::Base64UrlEncode(key.SignSha256(input));
}

// The REST claims our SDK sends in application mode.
inline nlohmann::json ApplicationRestClaims(std::string const& application_id, std::int64_t now_s,
                                            std::int64_t lifetime_s = 300) {
  return {{"application_id", application_id},
          {"iat", now_s},
          {"exp", now_s + lifetime_s},
          {"jti", "6f1c2a9e-1b3d-4c5e-9f7a-0b1c2d3e4f50"}};
}

// The client-token claims our SDK mints in application mode.
inline nlohmann::json ApplicationClientClaims(std::string const& application_id, std::string const& session_id,
                                              std::string const& role, std::int64_t now_s) {
  return {{"application_id", application_id},
          {"iat", now_s},
          {"jti", "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"},
          {"exp", now_s + 86400},
          {"scope", "session.connect"},
          {"session_id", session_id},
          {"role", role},
          {"initial_layout_class_list", "focus main"},
          {"sub", "video"},
          {"acl", {{"paths", {{"/session/**", nlohmann::json::object()}}}}}};
}

}  // namespace opentok_mock::testing
