#include "redaction.h"

#include <regex>

namespace opentok::conformance {

std::string Redact(std::string_view text) {
  // Built once; std::regex construction is expensive.
  static std::regex const kPatterns[] = {
      std::regex(R"(T1==[A-Za-z0-9+/=_-]+)"),
      std::regex(R"(eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)"),
      std::regex(R"#(("(?:token|apiSecret|api_secret)"\s*:\s*")[^"]*")#"),
  };
  std::string out(text);
  out = std::regex_replace(out, kPatterns[0], "[redacted]");
  out = std::regex_replace(out, kPatterns[1], "[redacted]");
  out = std::regex_replace(out, kPatterns[2], "$1[redacted]\"");
  return out;
}

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
