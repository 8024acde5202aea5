#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace opentok::common {

// Standard alphabet (+/), padded with '='.
std::string Base64Encode(std::string_view bytes);

// URL-safe alphabet (-_), no padding (RFC 7515 base64url, as JWTs use it).
std::string Base64UrlEncode(std::string_view bytes);
// The same, appended to `out` (tokens are built in one buffer); `bytes` must not point
// into `out`.
void AppendBase64(std::string& out, std::string_view bytes);
void AppendBase64Url(std::string& out, std::string_view bytes);

// Decodes either alphabet, with or without padding (the tolerant decoder every OpenTok
// server-side parser needs). Returns nullopt on characters outside both alphabets or on
// an impossible length.
std::optional<std::string> Base64Decode(std::string_view text);
// The same into `out` (replacing its contents, keeping its capacity); false on bad input.
bool Base64DecodeInto(std::string_view text, std::string& out);

}  // namespace opentok::common
