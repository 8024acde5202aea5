#include "opentok_common/base64.h"

#include <array>
#include <cstdint>
#include <cstring>

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

// Every 12-bit value as its two output characters: a 3-byte group is then two lookups
// instead of four (8 KiB per alphabet). Tokens are mostly base64 by length.
using PairTable = std::array<char, 2 * 4096>;
constexpr PairTable MakePairTable(std::string_view alphabet) {
  PairTable table{};
  for (std::size_t i = 0; i < 4096; ++i) {
    table[2 * i] = alphabet[i >> 6];
    table[2 * i + 1] = alphabet[i & 63];
  }
  return table;
}
constexpr PairTable kStandardPairs = MakePairTable(kStandard);
constexpr PairTable kUrlSafePairs = MakePairTable(kUrlSafe);

// Writes into a pre-sized buffer: this sits on the token hot path, where per-character
// push_back costs several times the encoding itself.
void Encode(std::string& out, std::string_view bytes, std::string_view alphabet, PairTable const& pairs, bool pad) {
  std::size_t const start = out.size();
  out.resize(start + (bytes.size() + 2) / 3 * 4);
  char* o = out.data() + start;
  auto const* in = reinterpret_cast<unsigned char const*>(bytes.data());
  std::size_t const full = bytes.size() / 3 * 3;
  std::size_t i = 0;
  // Two groups per step from one 8-byte big-endian load (6 bytes used) while 8 bytes remain.
  for (; i + 8 <= bytes.size(); i += 6) {
    std::uint64_t n = 0;
    std::memcpy(&n, in + i, 8);
    n = __builtin_bswap64(n);
    std::memcpy(o, &pairs[2 * ((n >> 52) & 0xfff)], 2);
    std::memcpy(o + 2, &pairs[2 * ((n >> 40) & 0xfff)], 2);
    std::memcpy(o + 4, &pairs[2 * ((n >> 28) & 0xfff)], 2);
    std::memcpy(o + 6, &pairs[2 * ((n >> 16) & 0xfff)], 2);
    o += 8;
  }
  for (; i < full; i += 3) {
    std::uint32_t n = (std::uint32_t{in[i]} << 16) | (std::uint32_t{in[i + 1]} << 8) | in[i + 2];
    std::memcpy(o, &pairs[2 * (n >> 12)], 2);
    std::memcpy(o + 2, &pairs[2 * (n & 0xfff)], 2);
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
}

}  // namespace

void AppendBase64(std::string& out, std::string_view bytes) { Encode(out, bytes, kStandard, kStandardPairs, true); }

void AppendBase64Url(std::string& out, std::string_view bytes) { Encode(out, bytes, kUrlSafe, kUrlSafePairs, false); }

std::string Base64Encode(std::string_view bytes) {
  std::string out;
  AppendBase64(out, bytes);
  return out;
}

std::string Base64UrlEncode(std::string_view bytes) {
  std::string out;
  AppendBase64Url(out, bytes);
  return out;
}

// Works in 4-character groups and checks validity once at the end: invalid characters map
// to 0xff, whose high bit survives OR-ing (valid values are below 64).
std::optional<std::string> Base64Decode(std::string_view text) {
  std::string out;
  if (!Base64DecodeInto(text, out)) return std::nullopt;
  return out;
}

bool Base64DecodeInto(std::string_view text, std::string& out) {
  while (!text.empty() && text.back() == '=') text.remove_suffix(1);
  if (text.size() % 4 == 1) return false;
  out.resize(text.size() / 4 * 3 + 2);
  char* o = out.data();
  auto const* in = reinterpret_cast<unsigned char const*>(text.data());
  auto value = [&](std::size_t i) -> std::uint32_t { return kDecode[in[i]]; };
  std::uint32_t seen = 0;
  std::size_t const full = text.size() / 4 * 4;
  for (std::size_t i = 0; i < full; i += 4) {
    std::uint32_t a = value(i), b = value(i + 1), c = value(i + 2), d = value(i + 3);
    seen |= a | b | c | d;
    std::uint32_t n = (a << 18) | (b << 12) | (c << 6) | d;
    o[0] = static_cast<char>(n >> 16);
    o[1] = static_cast<char>(n >> 8);
    o[2] = static_cast<char>(n);
    o += 3;
  }
  // 2 or 3 trailing characters carry 1 or 2 bytes; their spare low bits are ignored.
  std::size_t const rest = text.size() - full;
  if (rest > 0) {
    std::uint32_t a = value(full), b = value(full + 1), c = rest == 3 ? value(full + 2) : 0;
    seen |= a | b | c;
    std::uint32_t n = (a << 18) | (b << 12) | (c << 6);
    *o++ = static_cast<char>(n >> 16);
    if (rest == 3) *o++ = static_cast<char>(n >> 8);
  }
  if ((seen & 0x80) != 0) return false;
  out.resize(static_cast<std::size_t>(o - out.data()));
  return true;
}

}  // namespace opentok::common
