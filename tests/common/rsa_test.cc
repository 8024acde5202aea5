// RS256 primitives: keys generated in the test, signatures checked with OpenSSL directly.
#include <gtest/gtest.h>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <memory>
#include <string>

#include "opentok_common/base64.h"
#include "opentok_common/hmac.h"
#include "opentok_common/jwt.h"
#include "opentok_common/rsa.h"

namespace opentok::common {
namespace {

RsaPrivateKey const& TestKey() {
  static RsaPrivateKey const key = RsaPrivateKey::Generate();
  return key;
}

// PEM of a key of another algorithm, written by OpenSSL itself.
std::string Ed25519PrivatePem(bool public_half) {
  std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"), EVP_PKEY_free);
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
  if (public_half) {
    PEM_write_bio_PUBKEY(bio.get(), key.get());
  } else {
    PEM_write_bio_PrivateKey(bio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr);
  }
  char* data = nullptr;
  long length = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<std::size_t>(length));
}

TEST(Rsa, SignatureVerifiesWithThePublicHalfOnly) {
  auto public_key = RsaPublicKey::FromPem(TestKey().PublicKeyPem());
  ASSERT_TRUE(public_key.has_value());
  std::string signature = TestKey().SignSha256("payload");
  EXPECT_EQ(signature.size(), 256u);  // RSA-2048
  EXPECT_TRUE(public_key->VerifySha256("payload", signature));
  EXPECT_FALSE(public_key->VerifySha256("payloaD", signature));
  signature[10] ^= 1;
  EXPECT_FALSE(public_key->VerifySha256("payload", signature));

  auto other = RsaPublicKey::FromPem(RsaPrivateKey::Generate().PublicKeyPem());
  ASSERT_TRUE(other.has_value());
  EXPECT_FALSE(other->VerifySha256("payload", TestKey().SignSha256("payload")));
}

TEST(Rsa, PkcsOneV15IsDeterministicAndMatchesABareEvpVerify) {
  // The same key and message give the same signature (RSASSA-PKCS1-v1_5), and OpenSSL's own
  // one-shot verify of the PEM we wrote accepts it.
  EXPECT_EQ(TestKey().SignSha256("abc"), TestKey().SignSha256("abc"));
  std::string pem = TestKey().PublicKeyPem();
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), BIO_free);
  std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr),
                                                          EVP_PKEY_free);
  ASSERT_NE(key, nullptr);
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  std::string signature = TestKey().SignSha256("abc");
  ASSERT_EQ(EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key.get()), 1);
  EXPECT_EQ(EVP_DigestVerify(ctx.get(), reinterpret_cast<unsigned char const*>(signature.data()), signature.size(),
                             reinterpret_cast<unsigned char const*>("abc"), 3),
            1);
}

TEST(Rsa, PemRoundTripsAndPkcs1FormsAreRead) {
  std::string pem = TestKey().PrivateKeyPem();
  EXPECT_NE(pem.find("-----BEGIN PRIVATE KEY-----"), std::string::npos);
  auto reloaded = RsaPrivateKey::FromPem(pem);
  ASSERT_TRUE(reloaded.has_value());
  EXPECT_EQ(reloaded->SignSha256("x"), TestKey().SignSha256("x"));
  EXPECT_EQ(reloaded->PublicKeyPem(), TestKey().PublicKeyPem());

  // "BEGIN RSA PRIVATE KEY" (PKCS#1), as older tools write it.
  std::unique_ptr<BIO, decltype(&BIO_free)> in(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), BIO_free);
  std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(PEM_read_bio_PrivateKey(in.get(), nullptr, nullptr, nullptr),
                                                          EVP_PKEY_free);
  std::unique_ptr<BIO, decltype(&BIO_free)> out(BIO_new(BIO_s_mem()), BIO_free);
  ASSERT_EQ(PEM_write_bio_PrivateKey_traditional(out.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr), 1);
  char* data = nullptr;
  long length = BIO_get_mem_data(out.get(), &data);
  std::string pkcs1(data, static_cast<std::size_t>(length));
  ASSERT_NE(pkcs1.find("-----BEGIN RSA PRIVATE KEY-----"), std::string::npos);
  auto from_pkcs1 = RsaPrivateKey::FromPem(pkcs1);
  ASSERT_TRUE(from_pkcs1.has_value());
  EXPECT_EQ(from_pkcs1->SignSha256("x"), TestKey().SignSha256("x"));

  auto public_key = RsaPublicKey::FromPem(TestKey().PublicKeyPem());
  ASSERT_TRUE(public_key.has_value());
  EXPECT_EQ(public_key->Pem(), TestKey().PublicKeyPem());
}

TEST(Rsa, BadOrNonRsaKeysAreRefusedWithAReason) {
  std::string why;
  EXPECT_FALSE(RsaPrivateKey::FromPem("not a key", &why).has_value());
  EXPECT_EQ(why, "not a PEM private key");
  EXPECT_FALSE(RsaPrivateKey::FromPem("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n", &why));
  EXPECT_EQ(why, "the PEM text is not a readable unencrypted private key");
  EXPECT_FALSE(RsaPrivateKey::FromPem(Ed25519PrivatePem(false), &why).has_value());
  EXPECT_EQ(why, "the private key is ED25519, not RSA");
  EXPECT_FALSE(RsaPublicKey::FromPem(Ed25519PrivatePem(true), &why).has_value());
  EXPECT_EQ(why, "the public key is ED25519, not RSA");
  // A public key where a private one is needed.
  EXPECT_FALSE(RsaPrivateKey::FromPem(TestKey().PublicKeyPem(), &why).has_value());
  EXPECT_EQ(why, "the PEM text is not a readable unencrypted private key");
}

TEST(Rs256Jwt, SignedTokensVerifyAndOnlyRs256IsAccepted) {
  auto public_key = RsaPublicKey::FromPem(TestKey().PublicKeyPem());
  ASSERT_TRUE(public_key.has_value());
  std::string token = SignJwtRs256(R"({"application_id":"app","iat":1})", TestKey());
  auto jwt = DecodeJwt(token);
  ASSERT_TRUE(jwt.has_value());
  EXPECT_EQ(jwt->header, nlohmann::json::parse(kRs256JoseHeader));
  EXPECT_EQ(jwt->payload["application_id"], "app");
  EXPECT_TRUE(VerifyRs256(*jwt, *public_key));

  // Algorithm confusion: an HS256 token whose HMAC key is the public key's PEM.
  HmacSigner pem_as_secret(HmacAlgorithm::kSha256, TestKey().PublicKeyPem());
  auto confused = DecodeJwt(SignJwtHs256(R"({"application_id":"app","iat":1})", pem_as_secret));
  ASSERT_TRUE(confused.has_value());
  EXPECT_FALSE(VerifyRs256(*confused, *public_key));

  // alg none with the valid RS256 signature kept, and with none at all.
  std::string payload = token.substr(token.find('.') + 1, token.rfind('.') - token.find('.') - 1);
  std::string none_header = Base64UrlEncode(R"({"alg":"none","typ":"JWT"})");
  for (std::string forged : {none_header + "." + payload + "." + token.substr(token.rfind('.') + 1),
                             none_header + "." + payload + "."}) {
    auto decoded = DecodeJwt(forged);
    ASSERT_TRUE(decoded.has_value()) << forged;
    EXPECT_FALSE(VerifyRs256(*decoded, *public_key));
  }
}

}  // namespace
}  // namespace opentok::common
