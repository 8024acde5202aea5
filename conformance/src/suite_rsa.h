#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace opentok::conformance {

// The suite's own RSA key handling, straight over OpenSSL's EVP interfaces and not the
// SDK's or the shared library's RS256 code, so that a bug there cannot make the suite
// agree with it: the suite signs its wire-level REST requests and checks the SDK's RS256
// client tokens with this.
class SuiteRsaKey {
 public:
  // An unencrypted PEM private key (PKCS#8 or PKCS#1). nullopt with `*why` set when the
  // text is not one or the key is not RSA; `*why` never quotes the key.
  static std::optional<SuiteRsaKey> FromPrivatePem(std::string_view pem, std::string* why);
  // A fresh 2048-bit key pair: "another application's key" in the refusal checks.
  static SuiteRsaKey Generate();
  // A public key only ("BEGIN PUBLIC KEY"): Verify() and PublicPem() work, Sign() throws.
  static std::optional<SuiteRsaKey> FromPublicPem(std::string_view pem, std::string* why);

  ~SuiteRsaKey();
  SuiteRsaKey(SuiteRsaKey&&) noexcept;
  SuiteRsaKey& operator=(SuiteRsaKey&&) noexcept;

  // RSASSA-PKCS1-v1_5 over SHA-256 (JWS RS256): raw signature bytes.
  std::string Sign(std::string_view data) const;
  // Verifies with the public half of this key.
  bool Verify(std::string_view data, std::string_view signature) const;
  // The public half as SubjectPublicKeyInfo PEM ("BEGIN PUBLIC KEY").
  std::string PublicPem() const;
  // The private key as PKCS#8 PEM (to hand a generated key to the SDK).
  std::string PrivatePem() const;

 private:
  struct Key;
  explicit SuiteRsaKey(std::unique_ptr<Key> key);
  std::unique_ptr<Key> key_;
};

// Compact JWS "<b64url(header)>.<b64url(claims)>.<b64url(signature)>", signature RS256
// with `key`, or empty for alg "none".
std::string SuiteJwt(std::string_view header_json, std::string_view claims_json, SuiteRsaKey const* key);

}  // namespace opentok::conformance
