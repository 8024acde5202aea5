#pragma once

// The owners the fuzz targets sign with: one project (key + secret) and one Vonage
// application (RSA key pair), the same for every target, so a seed signed for one target
// verifies in another. Made up for fuzzing; not the credentials of any real service.

#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_input.h"
#include "opentok_common/rsa.h"
#include "opentok_mock/application_key.h"
#include "opentok_mock/credentials.h"

namespace opentok_fuzz {

inline constexpr char kProjectKey[] = "10000001";
inline constexpr char kProjectSecret[] = "f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0";
inline constexpr char kApplicationId[] = "0a0a0a0a-0000-4000-8000-000000000001";
// The fixed "now" of the pure targets (2026-01-01T00:00:00Z); seeds use it for iat and exp.
inline constexpr std::int64_t kNowS = 1767225600;

class Owners {
 public:
  // Built once per process: the RSA pair is generated (1024 bits, so that RS256 signing
  // stays fast enough to fuzz; the verifiers do not look at the key size).
  static Owners const& Get();

  opentok_mock::ProjectKeys const& project() const { return project_; }
  opentok_mock::ApplicationKey const& application() const { return application_; }
  std::string const& application_public_pem() const { return public_pem_; }
  opentok_mock::ProjectLookup Lookup() const;

  // Compact JWS over the payload text as given (not re-serialized: the fuzzer's invalid
  // JSON reaches the verifier's parser, correctly signed). `header_json` empty: the
  // standard JOSE header of the algorithm.
  std::string SignHs256(std::string_view payload, std::string_view header_json = {}) const;
  std::string SignRs256(std::string_view payload, std::string_view header_json = {}) const;
  // A JWT over the rest of `input`: `kind` 0 is HS256 by the project, 1 RS256 by the
  // application, 2 HS256 by the project with its JOSE header read first ("<header>\n").
  std::string SignedJwtOf(FuzzInput& input, int kind) const;
  // A T1 client token of the project over `data` exactly as given.
  std::string SignT1(std::string_view data) const;

 private:
  Owners();
  opentok_mock::ProjectKeys project_;
  opentok::common::RsaPrivateKey private_key_;
  std::string public_pem_;
  opentok_mock::ApplicationKey application_;
};

}  // namespace opentok_fuzz
