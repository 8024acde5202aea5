#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "opentok_common/hmac.h"

namespace opentok_mock {

// A project's key and secret with its HMACs keyed once (HS256 for JWTs, SHA-1 for T1
// tokens): verifying is then one MAC per request, with no key setup.
struct ProjectKeys {
  ProjectKeys(std::string key, std::string secret)
      : api_key(std::move(key)),
        api_secret(std::move(secret)),
        jwt_signer(opentok::common::HmacAlgorithm::kSha256, api_secret),
        t1_signer(opentok::common::HmacAlgorithm::kSha1, api_secret) {}

  std::string api_key;
  std::string api_secret;
  opentok::common::HmacSigner jwt_signer;
  opentok::common::HmacSigner t1_signer;
};

// Finds a project by API key; nullptr when there is none. The returned object must outlive
// the verification call (the service never destroys projects).
using ProjectLookup = std::function<ProjectKeys const*(std::string_view api_key)>;

}  // namespace opentok_mock
