#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "opentok_common/jwt.h"

namespace opentok::common {

// The JOSE header of every RS256 token we mint (the Vonage SDKs send the same members).
inline constexpr std::string_view kRs256JoseHeader = R"({"alg":"RS256","typ":"JWT"})";

// An RSA private key loaded once through OpenSSL's EVP interfaces. Sign() is const and
// safe to call from many threads at once (each call has its own digest context).
class RsaPrivateKey {
 public:
  // Parses a PEM private key (PKCS#8 "BEGIN PRIVATE KEY", PKCS#1 "BEGIN RSA PRIVATE KEY",
  // unencrypted). nullopt with `*why` set when the text is not a PEM key or the key is not RSA.
  static std::optional<RsaPrivateKey> FromPem(std::string_view pem, std::string* why = nullptr);
  // A fresh key pair of `bits` bits (2048 unless told): for tests and for the mock's
  // generated applications.
  static RsaPrivateKey Generate(int bits = 2048);

  ~RsaPrivateKey();
  RsaPrivateKey(RsaPrivateKey&&) noexcept;
  RsaPrivateKey& operator=(RsaPrivateKey&&) noexcept;
  RsaPrivateKey(RsaPrivateKey const&) = delete;
  RsaPrivateKey& operator=(RsaPrivateKey const&) = delete;

  // RSASSA-PKCS1-v1_5 with SHA-256 (JWS "RS256"): the raw signature bytes.
  std::string SignSha256(std::string_view data) const;
  // PKCS#8 PEM of the private key and SubjectPublicKeyInfo PEM ("BEGIN PUBLIC KEY") of its public half.
  std::string PrivateKeyPem() const;
  std::string PublicKeyPem() const;

 private:
  struct Impl;
  explicit RsaPrivateKey(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// An RSA public key for verifying RS256 signatures; Verify() is safe from many threads.
class RsaPublicKey {
 public:
  // Parses "BEGIN PUBLIC KEY" (SubjectPublicKeyInfo) or "BEGIN RSA PUBLIC KEY" (PKCS#1) PEM.
  // nullopt with `*why` set when the text is not a PEM public key or the key is not RSA.
  static std::optional<RsaPublicKey> FromPem(std::string_view pem, std::string* why = nullptr);

  ~RsaPublicKey();
  RsaPublicKey(RsaPublicKey&&) noexcept;
  RsaPublicKey& operator=(RsaPublicKey&&) noexcept;
  RsaPublicKey(RsaPublicKey const&) = delete;
  RsaPublicKey& operator=(RsaPublicKey const&) = delete;

  bool VerifySha256(std::string_view data, std::string_view signature) const;
  // The key as SubjectPublicKeyInfo PEM (normalised, whatever form it was read from).
  std::string Pem() const;

 private:
  struct Impl;
  explicit RsaPublicKey(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Compact JWS with kRs256JoseHeader: base64url(header) "." base64url(payload) "." base64url(signature).
std::string SignJwtRs256(std::string_view payload_json, RsaPrivateKey const& key);

// True only when the JOSE header says exactly "RS256" and the signature verifies: a token
// that says "none" or "HS256" is refused whatever its signature (algorithm confusion).
bool VerifyRs256(DecodedJwt const& jwt, RsaPublicKey const& key);

}  // namespace opentok::common
