#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "opentok_common/rsa.h"
#include "opentok_mock/credentials.h"

namespace opentok_mock {

// True for a Vonage application id: a UUID in 8-4-4-4-12 hex form (either case).
bool IsApplicationId(std::string_view id);

// A Vonage application: its id and the RSA public key its RS256 tokens must verify against.
// The private key is held only when the mock generated the pair itself (then the control
// plane can mint REST tokens for it). Only RS256 is accepted: "none", HS256 (also HS256 keyed
// with the public key's PEM, the classic algorithm confusion) and T1 are refused.
class ApplicationKey final : public Credential {
 public:
  ApplicationKey(std::string application_id, opentok::common::RsaPublicKey public_key,
                 std::optional<opentok::common::RsaPrivateKey> private_key = std::nullopt);

  std::string const& id() const override { return application_id_; }
  CredentialKind kind() const override { return CredentialKind::kApplicationKey; }
  char const* IdClaim() const override { return "application_id"; }
  std::optional<std::string> CheckJwtSignature(opentok::common::DecodedJwt const& jwt) const override;
  std::optional<std::string> CheckT1Signature(std::string_view data, std::string_view signature_hex) const override;
  std::optional<std::string> CheckPartnerSecret(std::string_view secret) const override;
  std::optional<RestAuthHeader> MintRestAuth(std::int64_t now_s, std::int64_t lifetime_s) const override;

  // SubjectPublicKeyInfo PEM.
  std::string const& public_key_pem() const { return public_key_pem_; }
  bool has_private_key() const { return private_key_.has_value(); }
  // PKCS#8 PEM of the private key the mock holds (state snapshots keep it); nullopt when none.
  std::optional<std::string> private_key_pem() const;

 private:
  std::string application_id_;
  opentok::common::RsaPublicKey public_key_;
  std::string public_key_pem_;
  std::optional<opentok::common::RsaPrivateKey> private_key_;
};

}  // namespace opentok_mock
