#include "opentok_common/base64.h"

#include <array>
#include <cstdint>

namespace opentok::common {
namespace {

constexpr std::string_view kStandard =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr std::string_view kUrlSafe =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

constexpr std::uint8_t kInvalid = 0xff;

// One table accepting both alphabets.
constexpr std::array<std::uint8_t, 256> MakeDecodeTable() {
  std::array<std::uint8_t, 256> table{};
  for (auto& v : table) v = kInvalid;
  for (std::size_t i = 0; i < 64; ++i) {
    table[static_cast<unsigned char>(kStandard[i])] = static_cast<std::uint8_t>(i);
    table[static_cast<unsigned char>(kUrlSafe[i])] = static_cast<std::uint8_t>(i);
  }
  return table;
}
constexpr auto kDecode = MakeDecodeTable();

// Writes into a pre-sized buffer: this sits on the token hot path, where per-character
// push_back costs several times the encoding itself.
std::string Encode(std::string_view bytes, std::string_view alphabet, bool pad) {
  std::string out((bytes.size() + 2) / 3 * 4, '\0');
  char* o = out.data();
  auto const* in = reinterpret_cast<unsigned char const*>(bytes.data());
  std::size_t const full = bytes.size() / 3 * 3;
  for (std::size_t i = 0; i < full; i += 3) {
    std::uint32_t n = (std::uint32_t{in[i]} << 16) | (std::uint32_t{in[i + 1]} << 8) | in[i + 2];
    o[0] = alphabet[(n >> 18) & 63];
    o[1] = alphabet[(n >> 12) & 63];
    o[2] = alphabet[(n >> 6) & 63];
    o[3] = alphabet[n & 63];
    o += 4;
  }
  std::size_t rest = bytes.size() - full;
  if (rest > 0) {
    std::uint32_t n = std::uint32_t{in[full]} << 16;
    if (rest == 2) n |= std::uint32_t{in[full + 1]} << 8;
    *o++ = alphabet[(n >> 18) & 63];
    *o++ = alphabet[(n >> 12) & 63];
    if (rest == 2) *o++ = alphabet[(n >> 6) & 63];
    if (pad) {
      *o++ = '=';
      if (rest == 1) *o++ = '=';
    }
  }
  out.resize(static_cast<std::size_t>(o - out.data()));
  return out;
}

}  // namespace

std::string Base64Encode(std::string_view bytes) { return Encode(bytes, kStandard, true); }

std::string Base64UrlEncode(std::string_view bytes) { return Encode(bytes, kUrlSafe, false); }

std::optional<std::string> Base64Decode(std::string_view text) {
  while (!text.empty() && text.back() == '=') text.remove_suffix(1);
  if (text.size() % 4 == 1) return std::nullopt;
  std::string out(text.size() / 4 * 3 + 2, '\0');
  char* o = out.data();
  std::uint32_t acc = 0;
  int bits = 0;
  for (char c : text) {
    std::uint8_t v = kDecode[static_cast<unsigned char>(c)];
    if (v == kInvalid) return std::nullopt;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      *o++ = static_cast<char>((acc >> bits) & 0xff);
    }
  }
  out.resize(static_cast<std::size_t>(o - out.data()));
  return out;
}

}  // namespace opentok::common
