#include "owners.h"

#include "opentok_common/base64.h"
#include "opentok_common/hmac.h"
#include "opentok_common/jwt.h"

namespace opentok_fuzz {
namespace {

opentok::common::RsaPublicKey PublicHalf(opentok::common::RsaPrivateKey const& key) {
  return *opentok::common::RsaPublicKey::FromPem(key.PublicKeyPem());
}

std::string SigningInput(std::string_view header_json, std::string_view payload) {
  return opentok::common::Base64UrlEncode(header_json) + "." + opentok::common::Base64UrlEncode(payload);
}

}  // namespace

Owners const& Owners::Get() {
  static Owners const owners;
  return owners;
}

Owners::Owners()
    : project_(kProjectKey, kProjectSecret),
      private_key_(opentok::common::RsaPrivateKey::Generate(1024)),
      public_pem_(private_key_.PublicKeyPem()),
      application_(kApplicationId, PublicHalf(private_key_)) {}

opentok_mock::ProjectLookup Owners::Lookup() const {
  return [this](std::string_view id) -> opentok_mock::Credential const* {
    if (id == project_.id()) return &project_;
    if (id == application_.id()) return &application_;
    return nullptr;
  };
}

std::string Owners::SignHs256(std::string_view payload, std::string_view header_json) const {
  auto input = SigningInput(header_json.empty() ? opentok::common::kHs256JoseHeader : header_json, payload);
  return input + "." + opentok::common::Base64UrlEncode(project_.jwt_signer.Sign(input));
}

std::string Owners::SignRs256(std::string_view payload, std::string_view header_json) const {
  auto input = SigningInput(header_json.empty() ? opentok::common::kRs256JoseHeader : header_json, payload);
  return input + "." + opentok::common::Base64UrlEncode(private_key_.SignSha256(input));
}

std::string Owners::SignedJwtOf(FuzzInput& input, int kind) const {
  if (kind == 1) return SignRs256(input.Rest());
  std::string_view header;
  if (kind == 2) header = input.Field();
  return SignHs256(input.Rest(), header);
}

std::string Owners::SignT1(std::string_view data) const {
  std::string header = "partner_id=" + std::string(kProjectKey) + "&sig=" + project_.t1_signer.SignHex(data) + ":";
  return "T1==" + opentok::common::Base64Encode(header + std::string(data));
}

}  // namespace opentok_fuzz
