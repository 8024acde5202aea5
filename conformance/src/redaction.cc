#include "redaction.h"

#include <array>
#include <cctype>

namespace opentok::conformance {
namespace {

// No std::regex here: GCC 12 warns inside <regex> under -fsanitize=address (-Werror).

constexpr std::string_view kRedacted = "[redacted]";

bool IsTokenChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '/' || c == '=' || c == '_' || c == '-';
}
bool IsBase64UrlChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'; }

// Length of a compact JWS starting at `at` ("eyJ..." "." ... "." ...), or 0.
std::size_t JwtLength(std::string_view text, std::size_t at) {
  std::size_t end = at;
  int dots = 0;
  while (end < text.size() && (IsBase64UrlChar(text[end]) || (text[end] == '.' && dots < 2))) {
    if (text[end] == '.') ++dots;
    ++end;
  }
  return dots == 2 ? end - at : 0;
}

// Replaces every client token (T1==... and JWTs) with kRedacted.
std::string RedactTokens(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    if (text.substr(i, 4) == "T1==") {
      std::size_t end = i + 4;
      while (end < text.size() && IsTokenChar(text[end])) ++end;
      out += kRedacted;
      i = end;
    } else if (std::size_t length = text.substr(i, 3) == "eyJ" ? JwtLength(text, i) : 0; length > 0) {
      out += kRedacted;
      i += length;
    } else {
      out.push_back(text[i++]);
    }
  }
  return out;
}

// Replaces the string value of every "<key>": "<value>" whose key names a credential.
std::string RedactSecretFields(std::string text) {
  static constexpr std::array<std::string_view, 4> kKeys = {R"("token")", R"("apiSecret")", R"("api_secret")",
                                                             R"("privateKey")"};
  for (std::string_view key : kKeys) {
    for (std::size_t at = text.find(key); at != std::string::npos; at = text.find(key, at + 1)) {
      std::size_t colon = text.find_first_not_of(" \t", at + key.size());
      if (colon == std::string::npos || text[colon] != ':') continue;
      std::size_t open = text.find_first_not_of(" \t", colon + 1);
      if (open == std::string::npos || text[open] != '"') continue;
      std::size_t close = text.find('"', open + 1);
      if (close == std::string::npos) close = text.size();
      text.replace(open + 1, close - open - 1, kRedacted);
    }
  }
  return text;
}

}  // namespace

std::string Redact(std::string_view text) { return RedactSecretFields(RedactTokens(text)); }

bool IsSecretHeader(std::string_view name) {
  auto equals = [name](std::string_view other) {
    if (name.size() != other.size()) return false;
    for (std::size_t i = 0; i < name.size(); ++i) {
      if (std::tolower(static_cast<unsigned char>(name[i])) != std::tolower(static_cast<unsigned char>(other[i]))) {
        return false;
      }
    }
    return true;
  };
  return equals("x-opentok-auth") || equals("authorization") || equals("x-tb-partner-auth") ||
         equals("proxy-authorization");
}

}  // namespace opentok::conformance
