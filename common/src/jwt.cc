#include "opentok_common/jwt.h"

#include "opentok_common/base64.h"

namespace opentok::common {
namespace {

std::optional<nlohmann::json> DecodeJsonSegment(std::string_view segment) {
  auto bytes = Base64Decode(segment);
  if (!bytes) return std::nullopt;
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
  return ConstantTimeEquals(signer.Sign(jwt.signing_input), jwt.signature);
}

}  // namespace opentok::common
