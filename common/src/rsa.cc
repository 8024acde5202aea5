#include "opentok_common/rsa.h"

#include <openssl/bio.h>
#include <openssl/decoder.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include <stdexcept>

#include "opentok_common/base64.h"

namespace opentok::common {
namespace {

struct PkeyFree {
  void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyFree>;

struct MdCtxFree {
  void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, MdCtxFree>;

struct BioFree {
  void operator()(BIO* bio) const { BIO_free(bio); }
};
using BioPtr = std::unique_ptr<BIO, BioFree>;

// Decodes one PEM key of the given selection (private or public), in whatever structure the
// PEM label names (PKCS#8, SubjectPublicKeyInfo, or the PKCS#1 "RSA ..." forms). The decoder
// leaves its failures on OpenSSL's thread-local error queue, which is cleared here so that
// they never surface in an unrelated later call.
PkeyPtr DecodePem(std::string_view pem, int selection) {
  EVP_PKEY* key = nullptr;
  OSSL_DECODER_CTX* ctx = OSSL_DECODER_CTX_new_for_pkey(&key, "PEM", nullptr, nullptr, selection, nullptr, nullptr);
  if (ctx == nullptr) return nullptr;
  auto const* data = reinterpret_cast<unsigned char const*>(pem.data());
  std::size_t length = pem.size();
  bool decoded = OSSL_DECODER_from_data(ctx, &data, &length) == 1;
  OSSL_DECODER_CTX_free(ctx);
  ERR_clear_error();
  if (!decoded) {
    EVP_PKEY_free(key);
    return nullptr;
  }
  return PkeyPtr(key);
}

// Checks what a PEM text holds before it is used: a key of the right kind and algorithm.
PkeyPtr LoadRsa(std::string_view pem, int selection, char const* kind, std::string* why) {
  auto fail = [why](std::string reason) {
    if (why) *why = std::move(reason);
    return PkeyPtr();
  };
  if (pem.find("-----BEGIN ") == std::string_view::npos) return fail(std::string("not a PEM ") + kind);
  PkeyPtr key = DecodePem(pem, selection);
  if (!key) return fail(std::string("the PEM text is not a readable unencrypted ") + kind);
  if (!EVP_PKEY_is_a(key.get(), "RSA")) {
    return fail(std::string("the ") + kind + " is " + EVP_PKEY_get0_type_name(key.get()) + ", not RSA");
  }
  return key;
}

std::string WritePem(int (*write)(BIO*, EVP_PKEY const*), EVP_PKEY const* key) {
  BioPtr bio(BIO_new(BIO_s_mem()));
  if (!bio || write(bio.get(), key) != 1) throw std::runtime_error("could not write a PEM key");
  char* data = nullptr;
  long length = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<std::size_t>(length));
}

int WritePrivatePem(BIO* bio, EVP_PKEY const* key) {
  return PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr);
}
int WritePublicPem(BIO* bio, EVP_PKEY const* key) { return PEM_write_bio_PUBKEY(bio, key); }

// SHA-256 fetched once: an implicit fetch on every signature would cost a lookup per token.
EVP_MD const* Sha256() {
  static EVP_MD* const md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  return md;
}

}  // namespace

struct RsaPrivateKey::Impl {
  PkeyPtr key;
};
struct RsaPublicKey::Impl {
  PkeyPtr key;
};

RsaPrivateKey::RsaPrivateKey(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
RsaPrivateKey::~RsaPrivateKey() = default;
RsaPrivateKey::RsaPrivateKey(RsaPrivateKey&&) noexcept = default;
RsaPrivateKey& RsaPrivateKey::operator=(RsaPrivateKey&&) noexcept = default;

std::optional<RsaPrivateKey> RsaPrivateKey::FromPem(std::string_view pem, std::string* why) {
  PkeyPtr key = LoadRsa(pem, EVP_PKEY_KEYPAIR, "private key", why);
  if (!key) return std::nullopt;
  return RsaPrivateKey(std::make_unique<Impl>(Impl{std::move(key)}));
}

RsaPrivateKey RsaPrivateKey::Generate(int bits) {
  PkeyPtr key(EVP_RSA_gen(static_cast<unsigned>(bits)));
  if (!key) throw std::runtime_error("RSA key generation failed");
  return RsaPrivateKey(std::make_unique<Impl>(Impl{std::move(key)}));
}

std::string RsaPrivateKey::SignSha256(std::string_view data) const {
  MdCtxPtr ctx(EVP_MD_CTX_new());
  std::string signature(static_cast<std::size_t>(EVP_PKEY_get_size(impl_->key.get())), '\0');
  std::size_t length = signature.size();
  if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, Sha256(), nullptr, impl_->key.get()) != 1 ||
      EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &length,
                     reinterpret_cast<unsigned char const*>(data.data()), data.size()) != 1) {
    ERR_clear_error();
    throw std::runtime_error("RSA signing failed");
  }
  signature.resize(length);
  return signature;
}

std::string RsaPrivateKey::PrivateKeyPem() const { return WritePem(WritePrivatePem, impl_->key.get()); }
std::string RsaPrivateKey::PublicKeyPem() const { return WritePem(WritePublicPem, impl_->key.get()); }

RsaPublicKey::RsaPublicKey(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
RsaPublicKey::~RsaPublicKey() = default;
RsaPublicKey::RsaPublicKey(RsaPublicKey&&) noexcept = default;
RsaPublicKey& RsaPublicKey::operator=(RsaPublicKey&&) noexcept = default;

std::optional<RsaPublicKey> RsaPublicKey::FromPem(std::string_view pem, std::string* why) {
  PkeyPtr key = LoadRsa(pem, EVP_PKEY_PUBLIC_KEY, "public key", why);
  if (!key) return std::nullopt;
  return RsaPublicKey(std::make_unique<Impl>(Impl{std::move(key)}));
}

bool RsaPublicKey::VerifySha256(std::string_view data, std::string_view signature) const {
  MdCtxPtr ctx(EVP_MD_CTX_new());
  bool ok = ctx && EVP_DigestVerifyInit(ctx.get(), nullptr, Sha256(), nullptr, impl_->key.get()) == 1 &&
            EVP_DigestVerify(ctx.get(), reinterpret_cast<unsigned char const*>(signature.data()), signature.size(),
                             reinterpret_cast<unsigned char const*>(data.data()), data.size()) == 1;
  ERR_clear_error();  // a bad signature leaves an entry on the queue
  return ok;
}

std::string RsaPublicKey::Pem() const { return WritePem(WritePublicPem, impl_->key.get()); }

std::string SignJwtRs256(std::string_view payload_json, RsaPrivateKey const& key) {
  static std::string const kEncodedHeader = Base64UrlEncode(kRs256JoseHeader) + ".";
  std::string token;
  token.reserve(kEncodedHeader.size() + (payload_json.size() + 2) / 3 * 4 + 1 + 344);
  token.append(kEncodedHeader);
  AppendBase64Url(token, payload_json);
  std::string signature = key.SignSha256(token);
  token.push_back('.');
  AppendBase64Url(token, signature);
  return token;
}

bool VerifyRs256(DecodedJwt const& jwt, RsaPublicKey const& key) {
  auto alg = jwt.header.find("alg");
  if (alg == jwt.header.end() || !alg->is_string() || alg->get_ref<std::string const&>() != "RS256") return false;
  return key.VerifySha256(jwt.signing_input, jwt.signature);
}

}  // namespace opentok::common
