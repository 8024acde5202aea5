#include "token_inspector.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <vector>

namespace opentok::conformance {
namespace {

std::string HexOf(unsigned char const* bytes, unsigned int length) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < length; ++i) {
    hex.push_back(kDigits[bytes[i] >> 4]);
    hex.push_back(kDigits[bytes[i] & 15]);
  }
  return hex;
}

std::string Hmac(EVP_MD const* md, std::string_view secret, std::string_view data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(md, secret.data(), static_cast<int>(secret.size()), reinterpret_cast<unsigned char const*>(data.data()),
       data.size(), out, &length);
  return std::string(reinterpret_cast<char*>(out), length);
}

// Form decoding ('+' is a space, %XX escapes); nullopt on a bad escape.
std::optional<std::string> FormDecode(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out.push_back(' ');
    } else if (text[i] == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      try {
        out.push_back(static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16)));
      } catch (std::exception const&) {
        return std::nullopt;
      }
      i += 2;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

// "a=1&b=2" -> {("a","1"), ("b","2")}; a pair without '=' has an empty value.
std::vector<std::pair<std::string_view, std::string_view>> SplitPairs(std::string_view text) {
  std::vector<std::pair<std::string_view, std::string_view>> pairs;
  while (!text.empty()) {
    auto amp = text.find('&');
    std::string_view pair = text.substr(0, amp);
    text = amp == std::string_view::npos ? std::string_view{} : text.substr(amp + 1);
    auto eq = pair.find('=');
    pairs.emplace_back(pair.substr(0, eq), eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1));
  }
  return pairs;
}

}  // namespace

std::optional<std::string> DecodeBase64(std::string_view text) {
  std::string standard(text);
  for (char& c : standard) {
    if (c == '-') c = '+';
    if (c == '_') c = '/';
  }
  while (standard.size() % 4 != 0) standard.push_back('=');
  std::vector<unsigned char> out(standard.size());
  int length = EVP_DecodeBlock(out.data(), reinterpret_cast<unsigned char const*>(standard.data()),
                               static_cast<int>(standard.size()));
  if (length < 0) return std::nullopt;
  // EVP_DecodeBlock counts padding bytes as zeros; drop them.
  std::size_t padding = 0;
  for (auto it = standard.rbegin(); it != standard.rend() && *it == '='; ++it) ++padding;
  return std::string(reinterpret_cast<char*>(out.data()), static_cast<std::size_t>(length) - padding);
}

std::string HmacSha1Hex(std::string_view secret, std::string_view data) {
  std::string mac = Hmac(EVP_sha1(), secret, data);
  return HexOf(reinterpret_cast<unsigned char const*>(mac.data()), static_cast<unsigned int>(mac.size()));
}

std::optional<T1Token> ParseT1Token(std::string_view token, std::string* why) {
  auto fail = [why](std::string reason) -> std::optional<T1Token> {
    *why = std::move(reason);
    return std::nullopt;
  };
  if (token.substr(0, 4) != "T1==") return fail("does not start with T1==");
  auto decoded = DecodeBase64(token.substr(4));
  if (!decoded) return fail("the part after T1== is not base64");
  auto colon = decoded->find(':');
  if (colon == std::string::npos) return fail("no ':' between the signature part and the data");
  T1Token t1;
  std::string head = decoded->substr(0, colon);
  t1.data = decoded->substr(colon + 1);
  for (auto [key, value] : SplitPairs(head)) {
    if (key == "partner_id") t1.partner_id = value;
    if (key == "sig") t1.sig = value;
  }
  for (auto [raw_key, raw_value] : SplitPairs(t1.data)) {
    auto key = FormDecode(raw_key);
    auto value = FormDecode(raw_value);
    if (!key || !value) return fail("data string has a bad %-escape");
    t1.fields[*key] = *value;
  }
  return t1;
}

std::optional<JwtToken> ParseJwt(std::string_view token, std::string* why) {
  auto fail = [why](std::string reason) -> std::optional<JwtToken> {
    *why = std::move(reason);
    return std::nullopt;
  };
  auto first = token.find('.');
  auto second = first == std::string_view::npos ? first : token.find('.', first + 1);
  if (second == std::string_view::npos || token.find('.', second + 1) != std::string_view::npos) {
    return fail("not three dot-separated segments");
  }
  for (char c : token) {
    bool url_safe = std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
    if (!url_safe) return fail("contains characters outside base64url");
  }
  auto header = DecodeBase64(token.substr(0, first));
  auto claims = DecodeBase64(token.substr(first + 1, second - first - 1));
  auto signature = DecodeBase64(token.substr(second + 1));
  if (!header || !claims || !signature) return fail("a segment is not base64url");
  JwtToken jwt;
  jwt.header = nlohmann::json::parse(*header, nullptr, false);
  jwt.claims = nlohmann::json::parse(*claims, nullptr, false);
  if (!jwt.header.is_object() || !jwt.claims.is_object()) return fail("header or claims are not JSON objects");
  jwt.signing_input = std::string(token.substr(0, second));
  jwt.signature = std::move(*signature);
  return jwt;
}

bool JwtSignatureValid(JwtToken const& jwt, std::string_view secret) {
  return Hmac(EVP_sha256(), secret, jwt.signing_input) == jwt.signature;
}

std::optional<std::string> DecodeSessionIdPayload(std::string_view session_id) {
  if (session_id.size() < 3 || session_id[1] != '_') return std::nullopt;
  return DecodeBase64(session_id.substr(2));
}

}  // namespace opentok::conformance
