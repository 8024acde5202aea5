#pragma once

// The fuzzers' crash conditions. A broken invariant prints what broke and aborts, which
// libFuzzer reports as a crash (and the replay binaries as a failed test).

#include <string_view>

namespace opentok_fuzz {

[[noreturn]] void Fail(std::string_view what, std::string_view detail = {});

inline void Check(bool condition, std::string_view what, std::string_view detail = {}) {
  if (!condition) Fail(what, detail);
}

// Well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF).
bool IsUtf8(std::string_view text);

// `body` is valid UTF-8 and one JSON document (what every answer of the mock must be).
void CheckJsonBody(std::string_view body, std::string_view what);

}  // namespace opentok_fuzz
