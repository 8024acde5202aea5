#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace opentok::common {

enum class HmacAlgorithm { kSha1, kSha256 };

// An HMAC keyed once and used many times: the OpenSSL MAC context is initialised with the
// key at construction and duplicated per signature, which avoids re-fetching the algorithm
// and re-hashing the key on every token. Sign() is const and safe to call from many
// threads at once.
class HmacSigner {
 public:
  HmacSigner(HmacAlgorithm algorithm, std::string_view key);
  ~HmacSigner();
  HmacSigner(HmacSigner&&) noexcept;
  HmacSigner& operator=(HmacSigner&&) noexcept;
  HmacSigner(HmacSigner const&) = delete;
  HmacSigner& operator=(HmacSigner const&) = delete;

  static constexpr std::size_t kMaxMacSize = 64;

  // Raw MAC bytes (20 for SHA-1, 32 for SHA-256).
  std::string Sign(std::string_view data) const;
  // The same into `out` (kMaxMacSize bytes), returning the MAC's length: no allocation on
  // the token paths.
  std::size_t SignTo(std::string_view data, unsigned char* out) const;
  // Lowercase hex of the MAC.
  std::string SignHex(std::string_view data) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Lowercase hex of arbitrary bytes.
std::string ToHex(std::string_view bytes);
void AppendHex(std::string& out, std::string_view bytes);
// Writes the 2 * bytes.size() hex digits to `out`.
void WriteHex(std::string_view bytes, char* out);

// Comparison whose time does not depend on where the inputs differ (for signatures).
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace opentok::common
