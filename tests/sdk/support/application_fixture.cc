#include "application_fixture.h"

#include <gtest/gtest.h>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <unistd.h>

#include <atomic>
#include <fstream>
#include <stdexcept>

#include "independent_verify.h"
#include "opentok_common/session_id.h"

namespace opentok::testing_util {

common::RsaPrivateKey const& TestApplicationKey() {
  static common::RsaPrivateKey const key = common::RsaPrivateKey::Generate(2048);
  return key;
}

std::string TestPrivateKeyPem() { return TestApplicationKey().PrivateKeyPem(); }
std::string TestPublicKeyPem() { return TestApplicationKey().PublicKeyPem(); }

namespace {

// `write`'s PEM of `key` (which it takes over), written with OpenSSL directly.
std::string WritePem(EVP_PKEY* key, int (*write)(BIO*, EVP_PKEY const*, EVP_CIPHER const*, unsigned char const*, int,
                                                   pem_password_cb*, void*)) {
  BIO* bio = BIO_new(BIO_s_mem());
  if (key == nullptr || bio == nullptr || write(bio, key, nullptr, nullptr, 0, nullptr, nullptr) != 1) {
    throw std::runtime_error("could not write a test key");
  }
  char* data = nullptr;
  long length = BIO_get_mem_data(bio, &data);
  std::string pem(data, static_cast<std::size_t>(length));
  BIO_free(bio);
  EVP_PKEY_free(key);
  return pem;
}

}  // namespace

std::string TestPrivateKeyPkcs1Pem() {
  std::string pkcs8 = TestPrivateKeyPem();
  BIO* in = BIO_new_mem_buf(pkcs8.data(), static_cast<int>(pkcs8.size()));
  EVP_PKEY* key = PEM_read_bio_PrivateKey(in, nullptr, nullptr, nullptr);
  BIO_free(in);
  return WritePem(key, PEM_write_bio_PrivateKey_traditional);
}

std::string EcPrivateKeyPem() { return WritePem(EVP_EC_gen("P-256"), PEM_write_bio_PrivateKey); }

std::string SessionIdOf(std::string const& owner) {
  return common::EncodeSessionId({owner, "", "1700000000000", "Xq3Zt7Lp0WmB9sKd2FhR8vNc"});
}

VerifiedRs256 DecodeRs256(std::string const& token, std::string const& public_key_pem) {
  VerifiedRs256 out;
  auto first = token.find('.');
  auto second = token.find('.', first == std::string::npos ? 0 : first + 1);
  if (first == std::string::npos || second == std::string::npos) {
    ADD_FAILURE() << "not a compact JWS (" << token.size() << " characters)";
    return out;
  }
  out.header = nlohmann::json::parse(DecodeBase64(token.substr(0, first)));
  out.payload = nlohmann::json::parse(DecodeBase64(token.substr(first + 1, second - first - 1)));
  auto key = common::RsaPublicKey::FromPem(public_key_pem);
  if (!key) {
    ADD_FAILURE() << "the test's public key does not load";
    return out;
  }
  out.signature_valid = key->VerifySha256(token.substr(0, second), DecodeBase64(token.substr(second + 1)));
  return out;
}

TempFile::TempFile(std::string const& contents) {
  static std::atomic<int> counter{0};
  auto dir = std::filesystem::temp_directory_path() /
             ("opentok-sdk-test-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
  std::filesystem::create_directories(dir);
  path_ = dir / "private.key";
  std::ofstream(path_, std::ios::binary) << contents;
}

TempFile::~TempFile() {
  std::error_code ignored;
  std::filesystem::remove_all(path_.parent_path(), ignored);
}

}  // namespace opentok::testing_util
