#include "checks.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace opentok_fuzz {

void Fail(std::string_view what, std::string_view detail) {
  // At most a few hundred bytes of the detail: a crash report stays readable.
  std::fprintf(stderr, "fuzz invariant broken: %.*s\n", static_cast<int>(what.size()), what.data());
  if (!detail.empty()) {
    auto shown = detail.substr(0, 400);
    std::fprintf(stderr, "  detail (%zu bytes): %.*s\n", detail.size(), static_cast<int>(shown.size()), shown.data());
  }
  std::abort();
}

// Written apart from the mock's own validator (opentok_mock/utf8.h) on purpose: the oracle
// that judges the mock's answers must not share its code.
bool IsUtf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      ++i;
      continue;
    }
    std::size_t length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;  // the allowed range of the second byte
    if (byte >= 0xC2 && byte <= 0xDF) {
      length = 2;
    } else if (byte >= 0xE0 && byte <= 0xEF) {
      length = 3;
      if (byte == 0xE0) low = 0xA0;   // overlong
      if (byte == 0xED) high = 0x9F;  // surrogates
    } else if (byte >= 0xF0 && byte <= 0xF4) {
      length = 4;
      if (byte == 0xF0) low = 0x90;   // overlong
      if (byte == 0xF4) high = 0x8F;  // above U+10FFFF
    } else {
      return false;
    }
    if (i + length > text.size()) return false;
    auto second = static_cast<unsigned char>(text[i + 1]);
    if (second < low || second > high) return false;
    for (std::size_t k = 2; k < length; ++k) {
      auto next = static_cast<unsigned char>(text[i + k]);
      if (next < 0x80 || next > 0xBF) return false;
    }
    i += length;
  }
  return true;
}

void CheckJsonBody(std::string_view body, std::string_view what) {
  Check(IsUtf8(body), std::string(what) + ": body is not valid UTF-8", body);
  Check(nlohmann::json::accept(body), std::string(what) + ": body is not one JSON document", body);
}

}  // namespace opentok_fuzz
