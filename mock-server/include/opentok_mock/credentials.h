#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "opentok_common/hmac.h"
#include "opentok_common/jwt.h"

namespace opentok_mock {

// Who owns sessions and signs requests: an OpenTok project (API key + secret) or a Vonage
// application (application id + RSA key pair). Both live in the same table, keyed by the id
// that appears in /v2/project/{id} paths and in field [1] of session ids.
enum class CredentialKind { kProjectSecret, kApplicationKey };

// "project" or "application" (the journal's wording).
std::string_view ToString(CredentialKind kind);
// "a project" or "a Vonage application", for 403 messages.
std::string_view DescribeOwner(CredentialKind kind);
// What tokens of this kind are, for 403 messages: "a project's token (an HS256 JWT or T1
// token signed with its API secret)".
std::string_view DescribeTokens(CredentialKind kind);

// A REST auth header minted by the mock for curl users: `name: prefix + jwt`.
struct RestAuthHeader {
  std::string name;    // "X-OPENTOK-AUTH" or "Authorization"
  std::string prefix;  // "" or "Bearer "
  std::string jwt;
};

// How one owner proves that a token or request is its own. The verifiers (rest_auth.h,
// client_token.h) find the owner by id and let it judge the signature, so no caller needs to
// know which kind it has. Every Check* returns nullopt when the proof holds; otherwise an
// empty string for a plain mismatch (wrong secret, wrong key) or a sentence naming the
// problem when the proof is of the other kind's form (an HS256 JWT for an application...).
class Credential {
 public:
  virtual ~Credential() = default;

  // The API key or application id.
  virtual std::string const& id() const = 0;
  virtual CredentialKind kind() const = 0;
  // The claim that must carry id() in this owner's JWTs: "iss" or "application_id".
  virtual char const* IdClaim() const = 0;

  virtual std::optional<std::string> CheckJwtSignature(opentok::common::DecodedJwt const& jwt) const = 0;
  // T1 client tokens: `signature_hex` over `data` exactly as received.
  virtual std::optional<std::string> CheckT1Signature(std::string_view data, std::string_view signature_hex) const = 0;
  // The legacy X-TB-PARTNER-AUTH "key:secret" header.
  virtual std::optional<std::string> CheckPartnerSecret(std::string_view secret) const = 0;

  // A REST auth header valid from `now_s` for `lifetime_s`; nullopt when the mock cannot sign
  // for this owner (an application registered with its public key only).
  virtual std::optional<RestAuthHeader> MintRestAuth(std::int64_t now_s, std::int64_t lifetime_s) const = 0;
};

// A project's key and secret with its HMACs keyed once (HS256 for JWTs, SHA-1 for T1
// tokens): verifying is then one MAC per request, with no key setup.
class ProjectKeys final : public Credential {
 public:
  ProjectKeys(std::string key, std::string secret)
      : api_key(std::move(key)),
        api_secret(std::move(secret)),
        jwt_signer(opentok::common::HmacAlgorithm::kSha256, api_secret),
        t1_signer(opentok::common::HmacAlgorithm::kSha1, api_secret) {}

  std::string const& id() const override { return api_key; }
  CredentialKind kind() const override { return CredentialKind::kProjectSecret; }
  char const* IdClaim() const override { return "iss"; }
  std::optional<std::string> CheckJwtSignature(opentok::common::DecodedJwt const& jwt) const override;
  std::optional<std::string> CheckT1Signature(std::string_view data, std::string_view signature_hex) const override;
  std::optional<std::string> CheckPartnerSecret(std::string_view secret) const override;
  std::optional<RestAuthHeader> MintRestAuth(std::int64_t now_s, std::int64_t lifetime_s) const override;

  std::string api_key;
  std::string api_secret;
  opentok::common::HmacSigner jwt_signer;
  opentok::common::HmacSigner t1_signer;
};

// Finds an owner (project or application) by id; nullptr when there is none. The returned
// object must outlive the verification call (the service never destroys owners).
using ProjectLookup = std::function<Credential const*(std::string_view id)>;

}  // namespace opentok_mock
