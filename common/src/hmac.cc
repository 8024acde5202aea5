#include "opentok_common/hmac.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include <array>
#include <cstring>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

namespace opentok::common {

// Contexts are recycled rather than duplicated per signature: EVP_MAC_CTX_dup and _free
// cost more than hashing a token. A recycled context is re-armed with EVP_MAC_init(ctx,
// NULL, 0, NULL), which restarts HMAC from the key state it already holds.
struct HmacSigner::Impl {
  static constexpr std::size_t kMaxIdle = 64;

  EVP_MAC* mac = nullptr;
  EVP_MAC_CTX* keyed = nullptr;  // the template every context is copied from
  std::mutex mu;
  std::vector<EVP_MAC_CTX*> idle;  // finalised contexts ready for re-init

  ~Impl() {
    for (EVP_MAC_CTX* ctx : idle) EVP_MAC_CTX_free(ctx);
    EVP_MAC_CTX_free(keyed);
    EVP_MAC_free(mac);
  }

  // A context ready for EVP_MAC_update.
  EVP_MAC_CTX* Acquire() {
    EVP_MAC_CTX* ctx = nullptr;
    {
      std::lock_guard lock(mu);
      if (!idle.empty()) {
        ctx = idle.back();
        idle.pop_back();
      }
    }
    if (ctx != nullptr && EVP_MAC_init(ctx, nullptr, 0, nullptr) == 1) return ctx;
    EVP_MAC_CTX_free(ctx);
    ctx = EVP_MAC_CTX_dup(keyed);
    if (ctx == nullptr) throw std::runtime_error("OpenSSL: cannot copy the HMAC context");
    return ctx;
  }

  void Release(EVP_MAC_CTX* ctx) {
    {
      std::lock_guard lock(mu);
      if (idle.size() < kMaxIdle) {
        idle.push_back(ctx);
        return;
      }
    }
    EVP_MAC_CTX_free(ctx);
  }
};

HmacSigner::HmacSigner(HmacAlgorithm algorithm, std::string_view key) : impl_(std::make_unique<Impl>()) {
  impl_->mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
  if (impl_->mac == nullptr) throw std::runtime_error("OpenSSL: HMAC is unavailable");
  impl_->keyed = EVP_MAC_CTX_new(impl_->mac);
  if (impl_->keyed == nullptr) throw std::runtime_error("OpenSSL: cannot allocate an HMAC context");
  // OSSL_PARAM wants a mutable buffer for the digest name.
  std::string digest = algorithm == HmacAlgorithm::kSha1 ? "SHA1" : "SHA256";
  OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest.data(), 0),
                         OSSL_PARAM_construct_end()};
  // An empty key is legal HMAC; OpenSSL wants a non-null pointer for it.
  static unsigned char const kEmpty = 0;
  auto const* key_bytes = key.empty() ? &kEmpty : reinterpret_cast<unsigned char const*>(key.data());
  if (EVP_MAC_init(impl_->keyed, key_bytes, key.size(), params) != 1) {
    throw std::runtime_error("OpenSSL: cannot initialise HMAC");
  }
}

HmacSigner::~HmacSigner() = default;
HmacSigner::HmacSigner(HmacSigner&&) noexcept = default;
HmacSigner& HmacSigner::operator=(HmacSigner&&) noexcept = default;

std::size_t HmacSigner::SignTo(std::string_view data, unsigned char* out) const {
  static_assert(kMaxMacSize >= EVP_MAX_MD_SIZE);
  EVP_MAC_CTX* ctx = impl_->Acquire();
  std::size_t out_len = 0;
  bool ok = EVP_MAC_update(ctx, reinterpret_cast<unsigned char const*>(data.data()), data.size()) == 1 &&
            EVP_MAC_final(ctx, out, &out_len, kMaxMacSize) == 1;
  if (!ok) {
    EVP_MAC_CTX_free(ctx);
    throw std::runtime_error("OpenSSL: HMAC computation failed");
  }
  impl_->Release(ctx);
  return out_len;
}

std::string HmacSigner::Sign(std::string_view data) const {
  unsigned char out[kMaxMacSize];
  std::size_t length = SignTo(data, out);
  return std::string(reinterpret_cast<char const*>(out), length);
}

std::string HmacSigner::SignHex(std::string_view data) const { return ToHex(Sign(data)); }

namespace {

// Both hex digits of every byte: one 2-byte copy per byte (T1 signatures, ids).
constexpr std::array<char, 512> MakeHexPairs() {
  constexpr char kDigits[] = "0123456789abcdef";
  std::array<char, 512> table{};
  for (std::size_t b = 0; b < 256; ++b) {
    table[2 * b] = kDigits[b >> 4];
    table[2 * b + 1] = kDigits[b & 15];
  }
  return table;
}
constexpr auto kHexPairs = MakeHexPairs();

}  // namespace

void WriteHex(std::string_view bytes, char* out) {
  for (char c : bytes) {
    std::memcpy(out, &kHexPairs[2 * static_cast<unsigned char>(c)], 2);
    out += 2;
  }
}

void AppendHex(std::string& out, std::string_view bytes) {
  std::size_t start = out.size();
  out.resize(start + bytes.size() * 2);
  WriteHex(bytes, out.data() + start);
}

std::string ToHex(std::string_view bytes) {
  std::string out;
  AppendHex(out, bytes);
  return out;
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace opentok::common
