#include "suite_rsa.h"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include <stdexcept>

namespace opentok::conformance {
namespace {

struct BioDeleter {
  void operator()(BIO* bio) const { BIO_free(bio); }
};
struct MdCtxDeleter {
  void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};
using BioPtr = std::unique_ptr<BIO, BioDeleter>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, MdCtxDeleter>;

std::string ReadAll(BIO* bio) {
  char* data = nullptr;
  long length = BIO_get_mem_data(bio, &data);
  return std::string(data, static_cast<std::size_t>(length));
}

std::string Base64Url(std::string_view bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  int length = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                               reinterpret_cast<unsigned char const*>(bytes.data()), static_cast<int>(bytes.size()));
  out.resize(static_cast<std::size_t>(length));
  while (!out.empty() && out.back() == '=') out.pop_back();
  for (char& c : out) {
    if (c == '+') c = '-';
    if (c == '/') c = '_';
  }
  return out;
}

}  // namespace

struct SuiteRsaKey::Key {
  EVP_PKEY* pkey = nullptr;
  ~Key() { EVP_PKEY_free(pkey); }
};

SuiteRsaKey::SuiteRsaKey(std::unique_ptr<Key> key) : key_(std::move(key)) {}
SuiteRsaKey::~SuiteRsaKey() = default;
SuiteRsaKey::SuiteRsaKey(SuiteRsaKey&&) noexcept = default;
SuiteRsaKey& SuiteRsaKey::operator=(SuiteRsaKey&&) noexcept = default;

std::optional<SuiteRsaKey> SuiteRsaKey::FromPrivatePem(std::string_view pem, std::string* why) {
  BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  auto key = std::make_unique<Key>();
  key->pkey = PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr);
  if (key->pkey == nullptr) {
    *why = "not an unencrypted PEM private key";
    return std::nullopt;
  }
  if (EVP_PKEY_get_base_id(key->pkey) != EVP_PKEY_RSA) {
    *why = "the private key is not an RSA key";
    return std::nullopt;
  }
  return SuiteRsaKey(std::move(key));
}

std::optional<SuiteRsaKey> SuiteRsaKey::FromPublicPem(std::string_view pem, std::string* why) {
  BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  auto key = std::make_unique<Key>();
  key->pkey = PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr);
  if (key->pkey == nullptr || EVP_PKEY_get_base_id(key->pkey) != EVP_PKEY_RSA) {
    *why = "not a PEM RSA public key";
    return std::nullopt;
  }
  return SuiteRsaKey(std::move(key));
}

SuiteRsaKey SuiteRsaKey::Generate() {
  auto key = std::make_unique<Key>();
  key->pkey = EVP_RSA_gen(2048);
  if (key->pkey == nullptr) throw std::runtime_error("OpenSSL could not generate an RSA key");
  return SuiteRsaKey(std::move(key));
}

std::string SuiteRsaKey::Sign(std::string_view data) const {
  MdCtxPtr ctx(EVP_MD_CTX_new());
  std::size_t length = 0;
  if (EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key_->pkey) != 1 ||
      EVP_DigestSign(ctx.get(), nullptr, &length, reinterpret_cast<unsigned char const*>(data.data()), data.size()) != 1) {
    throw std::runtime_error("OpenSSL could not sign with the RSA key");
  }
  std::string signature(length, '\0');
  if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &length,
                     reinterpret_cast<unsigned char const*>(data.data()), data.size()) != 1) {
    throw std::runtime_error("OpenSSL could not sign with the RSA key");
  }
  signature.resize(length);
  return signature;
}

bool SuiteRsaKey::Verify(std::string_view data, std::string_view signature) const {
  MdCtxPtr ctx(EVP_MD_CTX_new());
  return EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key_->pkey) == 1 &&
         EVP_DigestVerify(ctx.get(), reinterpret_cast<unsigned char const*>(signature.data()), signature.size(),
                          reinterpret_cast<unsigned char const*>(data.data()), data.size()) == 1;
}

std::string SuiteRsaKey::PublicPem() const {
  BioPtr bio(BIO_new(BIO_s_mem()));
  if (PEM_write_bio_PUBKEY(bio.get(), key_->pkey) != 1) throw std::runtime_error("OpenSSL could not write a public key");
  return ReadAll(bio.get());
}

std::string SuiteRsaKey::PrivatePem() const {
  BioPtr bio(BIO_new(BIO_s_mem()));
  if (PEM_write_bio_PrivateKey(bio.get(), key_->pkey, nullptr, nullptr, 0, nullptr, nullptr) != 1) {
    throw std::runtime_error("OpenSSL could not write a private key");
  }
  return ReadAll(bio.get());
}

std::string SuiteJwt(std::string_view header_json, std::string_view claims_json, SuiteRsaKey const* key) {
  std::string signing_input = Base64Url(header_json) + "." + Base64Url(claims_json);
  return signing_input + "." + (key != nullptr ? Base64Url(key->Sign(signing_input)) : "");
}

}  // namespace opentok::conformance
