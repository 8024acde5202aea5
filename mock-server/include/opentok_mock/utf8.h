#pragma once

// UTF-8 well-formedness for the bytes the mock receives (percent-decoded form fields and
// query values, headers, client-token claims) and the text it serves: every JSON answer must
// be valid UTF-8, so input is either refused naming its field or, where the mock only
// records it (the User-Agent in the journal), kept with its ill-formed parts replaced.
// Header-only: the core (token claims, journal) and the HTTP layer (answers) share it.

#include <cstddef>
#include <string>
#include <string_view>

namespace opentok_mock {
namespace utf8_detail {

// The length (1-4) of the well-formed sequence at text[i], or 0 when it is ill-formed; then
// `*bad_length` is the length of its maximal ill-formed subpart (at least 1). The ranges are
// the Unicode Standard's table of well-formed byte sequences (no overlong forms, no
// surrogates, nothing above U+10FFFF).
inline std::size_t SequenceAt(std::string_view text, std::size_t i, std::size_t* bad_length) {
  auto const lead = static_cast<unsigned char>(text[i]);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;   // overlong below U+0800
    if (lead == 0xED) high = 0x9F;  // surrogates U+D800-U+DFFF
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;   // overlong below U+10000
    if (lead == 0xF4) high = 0x8F;  // above U+10FFFF
  } else {
    *bad_length = 1;  // a continuation byte, C0/C1 (always overlong) or F5-FF
    return 0;
  }
  for (std::size_t k = 1; k < length; ++k) {
    if (i + k >= text.size()) {
      *bad_length = k;
      return 0;
    }
    auto const c = static_cast<unsigned char>(text[i + k]);
    if (c < low || c > high) {
      *bad_length = k;
      return 0;
    }
    low = 0x80;
    high = 0xBF;
  }
  return length;
}

}  // namespace utf8_detail

// True when `text` is well-formed UTF-8.
inline bool IsValidUtf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {  // ASCII: almost every byte the mock sees
      ++i;
      continue;
    }
    std::size_t bad = 0;
    auto length = utf8_detail::SequenceAt(text, i, &bad);
    if (length == 0) return false;
    i += length;
  }
  return true;
}

// `text` with each maximal ill-formed subpart replaced by U+FFFD (the Unicode Standard's
// recommended practice, which WHATWG decoders follow too), so "a\xFF\xFEb" becomes
// "a\uFFFD\uFFFDb" and a truncated three-byte sequence one U+FFFD.
inline std::string ToValidUtf8(std::string_view text) {
  if (IsValidUtf8(text)) return std::string(text);
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  std::string out;
  out.reserve(text.size() + 8);
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t bad = 0;
    auto length = utf8_detail::SequenceAt(text, i, &bad);
    if (length == 0) {
      out.append(kReplacement);
      i += bad;
    } else {
      out.append(text.substr(i, length));
      i += length;
    }
  }
  return out;
}

}  // namespace opentok_mock
