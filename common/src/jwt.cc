#include "opentok_common/jwt.h"

#include <cstdint>

#include "opentok_common/base64.h"

namespace opentok::common {
namespace {

// A fast reader for the JSON objects JWT segments almost always are: flat, compact-ish,
// with ASCII strings that need no unescaping and integer or literal values. It builds the
// same nlohmann::json a full parse would (non-negative integers unsigned, last duplicate
// key wins), and gives up (nullopt) at anything else, leaving that to nlohmann's parser:
// escapes, non-ASCII, nesting, fractions, exponents. The REST auth JWT is verified on
// every mock request, where a full parse of its two segments cost more than the HMAC.
class FlatObjectReader {
 public:
  explicit FlatObjectReader(std::string_view text) : text_(text) {}

  std::optional<nlohmann::json> Read() {
    nlohmann::json object = nlohmann::json::object();
    if (!Consume('{')) return std::nullopt;
    if (!Consume('}')) {
      do {
        auto key = String();
        if (!key || !Consume(':')) return std::nullopt;
        auto value = Value();
        if (!value) return std::nullopt;
        object[std::string(*key)] = std::move(*value);
      } while (Consume(','));
      if (!Consume('}')) return std::nullopt;
    }
    SkipSpace();
    if (pos_ != text_.size()) return std::nullopt;
    return object;
  }

 private:
  void SkipSpace() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n' || text_[pos_] == '\r')) {
      ++pos_;
    }
  }

  bool Consume(char c) {
    SkipSpace();
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }

  std::optional<std::string_view> String() {
    if (!Consume('"')) return std::nullopt;
    std::size_t start = pos_;
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (c == '"') return text_.substr(start, pos_++ - start);
      if (c < 0x20 || c > 0x7e || c == '\\') return std::nullopt;
      ++pos_;
    }
    return std::nullopt;
  }

  bool Literal(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }

  std::optional<nlohmann::json> Value() {
    SkipSpace();
    if (pos_ == text_.size()) return std::nullopt;
    char c = text_[pos_];
    if (c == '"') {
      auto text = String();
      if (!text) return std::nullopt;
      return nlohmann::json(std::string(*text));
    }
    if (Literal("true")) return nlohmann::json(true);
    if (Literal("false")) return nlohmann::json(false);
    if (Literal("null")) return nlohmann::json(nullptr);
    return Integer();
  }

  // -?(0|[1-9][0-9]*), at most 18 digits (no overflow), not followed by a fraction or exponent.
  std::optional<nlohmann::json> Integer() {
    bool negative = Literal("-");
    std::size_t start = pos_;
    std::uint64_t value = 0;
    while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') {
      value = value * 10 + static_cast<std::uint64_t>(text_[pos_] - '0');
      ++pos_;
    }
    std::size_t digits = pos_ - start;
    if (digits == 0 || digits > 18 || (digits > 1 && text_[start] == '0')) return std::nullopt;
    if (pos_ < text_.size() && (text_[pos_] == '.' || text_[pos_] == 'e' || text_[pos_] == 'E')) return std::nullopt;
    if (negative) return nlohmann::json(-static_cast<std::int64_t>(value));
    return nlohmann::json(value);
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

std::optional<nlohmann::json> DecodeJsonSegment(std::string_view segment) {
  auto bytes = Base64Decode(segment);
  if (!bytes) return std::nullopt;
  if (auto fast = FlatObjectReader(*bytes).Read()) return fast;
  auto json = nlohmann::json::parse(*bytes, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded() || !json.is_object()) return std::nullopt;
  return json;
}

}  // namespace

std::string SignJwtHs256(std::string_view payload_json, HmacSigner const& signer) {
  // One buffer of the final size: header, payload and signature are appended in place.
  static std::string const kEncodedHeader = Base64UrlEncode(kHs256JoseHeader) + ".";
  std::string token;
  token.reserve(kEncodedHeader.size() + (payload_json.size() + 2) / 3 * 4 + 1 + 43);
  token.append(kEncodedHeader);
  AppendBase64Url(token, payload_json);
  unsigned char signature[HmacSigner::kMaxMacSize];
  std::size_t length = signer.SignTo(token, signature);
  token.push_back('.');
  AppendBase64Url(token, std::string_view(reinterpret_cast<char const*>(signature), length));
  return token;
}

std::optional<DecodedJwt> DecodeJwt(std::string_view token, std::string* why) {
  auto fail = [why](char const* reason) -> std::optional<DecodedJwt> {
    if (why) *why = reason;
    return std::nullopt;
  };
  auto first = token.find('.');
  if (first == std::string_view::npos) return fail("not a JWT: no '.' separators");
  auto second = token.find('.', first + 1);
  if (second == std::string_view::npos) return fail("not a JWT: expected three segments");
  if (token.find('.', second + 1) != std::string_view::npos) return fail("not a JWT: more than three segments");
  auto header = DecodeJsonSegment(token.substr(0, first));
  if (!header) return fail("JWT header is not base64url-encoded JSON");
  auto payload = DecodeJsonSegment(token.substr(first + 1, second - first - 1));
  if (!payload) return fail("JWT payload is not base64url-encoded JSON");
  auto signature = Base64Decode(token.substr(second + 1));
  if (!signature) return fail("JWT signature is not base64url");
  return DecodedJwt{std::move(*header), std::move(*payload), std::string(token.substr(0, second)),
                    std::move(*signature)};
}

bool VerifyHs256(DecodedJwt const& jwt, HmacSigner const& signer) {
  auto alg = jwt.header.find("alg");
  if (alg == jwt.header.end() || !alg->is_string() || alg->get_ref<std::string const&>() != "HS256") return false;
  unsigned char mac[HmacSigner::kMaxMacSize];
  std::size_t length = signer.SignTo(jwt.signing_input, mac);
  return ConstantTimeEquals(std::string_view(reinterpret_cast<char const*>(mac), length), jwt.signature);
}

}  // namespace opentok::common
