#include "independent_verify.h"

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <vector>

namespace opentok::testing_util {
namespace {

std::string ToHex(unsigned char const* bytes, unsigned int size) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < size; ++i) {
    out.push_back(kDigits[bytes[i] >> 4]);
    out.push_back(kDigits[bytes[i] & 15]);
  }
  return out;
}

std::string Hmac(EVP_MD const* md, std::string const& key, std::string const& data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  HMAC(md, key.data(), static_cast<int>(key.size()), reinterpret_cast<unsigned char const*>(data.data()), data.size(),
       out, &size);
  return std::string(reinterpret_cast<char*>(out), size);
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

std::string FormDecode(std::string const& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out.push_back(' ');
    } else if (text[i] == '%' && i + 2 < text.size() && HexDigit(text[i + 1]) >= 0 && HexDigit(text[i + 2]) >= 0) {
      out.push_back(static_cast<char>(HexDigit(text[i + 1]) * 16 + HexDigit(text[i + 2])));
      i += 2;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

std::vector<std::string> Split(std::string const& text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    auto pos = text.find(separator, start);
    parts.push_back(text.substr(start, pos == std::string::npos ? std::string::npos : pos - start));
    if (pos == std::string::npos) return parts;
    start = pos + 1;
  }
}

}  // namespace

std::string DecodeBase64(std::string text) {
  std::replace(text.begin(), text.end(), '-', '+');
  std::replace(text.begin(), text.end(), '_', '/');
  while (text.size() % 4 != 0) text.push_back('=');
  std::size_t padding = 0;
  for (auto it = text.rbegin(); it != text.rend() && *it == '='; ++it) ++padding;
  std::vector<unsigned char> out(text.size() / 4 * 3 + 1);
  int size = EVP_DecodeBlock(out.data(), reinterpret_cast<unsigned char const*>(text.data()), static_cast<int>(text.size()));
  if (size < 0) {
    ADD_FAILURE() << "not base64: " << text;
    return {};
  }
  // EVP_DecodeBlock counts the bytes that padding stands for; drop them.
  return std::string(reinterpret_cast<char*>(out.data()), static_cast<std::size_t>(size) - padding);
}

std::string HmacSha1Hex(std::string const& key, std::string const& data) {
  std::string raw = Hmac(EVP_sha1(), key, data);
  return ToHex(reinterpret_cast<unsigned char const*>(raw.data()), static_cast<unsigned int>(raw.size()));
}

std::string HmacSha256Raw(std::string const& key, std::string const& data) { return Hmac(EVP_sha256(), key, data); }

VerifiedJwt DecodeJwt(std::string const& token, std::string const& secret) {
  VerifiedJwt jwt;
  auto parts = Split(token, '.');
  if (parts.size() != 3) {
    ADD_FAILURE() << "a JWT has three segments";
    return jwt;
  }
  jwt.header = nlohmann::json::parse(DecodeBase64(parts[0]));
  jwt.payload = nlohmann::json::parse(DecodeBase64(parts[1]));
  jwt.signature_valid = HmacSha256Raw(secret, parts[0] + "." + parts[1]) == DecodeBase64(parts[2]);
  return jwt;
}

VerifiedT1 DecodeT1(std::string const& token, std::string const& secret) {
  VerifiedT1 t1;
  if (token.rfind("T1==", 0) != 0) {
    ADD_FAILURE() << "a T1 token starts with T1==";
    return t1;
  }
  std::string plain = DecodeBase64(token.substr(4));
  auto colon = plain.find(':');
  if (colon == std::string::npos) {
    ADD_FAILURE() << "a T1 token has a ':' after its signature";
    return t1;
  }
  std::map<std::string, std::string> header;
  for (auto const& pair : Split(plain.substr(0, colon), '&')) {
    auto eq = pair.find('=');
    header[pair.substr(0, eq)] = eq == std::string::npos ? "" : pair.substr(eq + 1);
  }
  t1.partner_id = header["partner_id"];
  t1.data = plain.substr(colon + 1);
  for (auto const& pair : Split(t1.data, '&')) {
    auto eq = pair.find('=');
    t1.fields[FormDecode(pair.substr(0, eq))] = eq == std::string::npos ? "" : FormDecode(pair.substr(eq + 1));
  }
  t1.signature_valid = HmacSha1Hex(secret, t1.data) == header["sig"];
  return t1;
}

}  // namespace opentok::testing_util
