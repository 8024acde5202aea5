#include "internal/project_secret.h"

#include <cmath>

#include "opentok/errors.h"
#include "opentok_common/base64.h"
#include "opentok_common/json_text.h"
#include "opentok_common/jwt.h"
#include "opentok_common/url.h"

namespace opentok::internal {

ProjectSecret::ProjectSecret(std::string api_key, std::string_view api_secret, std::shared_ptr<Clock> clock,
                             std::shared_ptr<RandomSource> random)
    : api_key_(std::move(api_key)),
      hs256_(std::make_shared<common::HmacSigner const>(common::HmacAlgorithm::kSha256, api_secret)),
      sha1_(common::HmacAlgorithm::kSha1, api_secret),
      rest_auth_(api_key_, hs256_, std::move(clock), random),
      random_(std::move(random)) {}

std::pair<std::string, std::string> ProjectSecret::SignRequest() const {
  return {kAuthHeader, rest_auth_.MakeToken()};
}

std::string ProjectSecret::MintClientToken(ClientTokenClaims const& claims, TokenFormat format) const {
  double nonce = random_->NextUnitInterval();
  if (!std::isfinite(nonce) || nonce < 0 || nonce >= 1) {
    throw OpenTokException("RandomSource::NextUnitInterval returned a value outside [0, 1)");
  }
  switch (format) {
    case TokenFormat::kJwt:
      return MakeJwt(claims, nonce);
    case TokenFormat::kT1:
      return MakeT1(claims, nonce);
  }
  throw ArgumentException("token format must be kJwt or kT1");
}

std::string ProjectSecret::MakeJwt(ClientTokenClaims const& c, double nonce) const {
  std::string payload;
  payload.reserve(320 + c.session_id.size() + c.data.size() + c.layout_classes.size());
  // Claim order as node-ot >= 2.21 sends them (opentok/opentok-node).
  payload.push_back('{');
  common::AppendJsonKey(payload, "iss");
  common::AppendJsonString(payload, api_key_);
  payload.append(R"(,"ist":"project",)");
  common::AppendJsonKey(payload, "iat");
  common::AppendInteger(payload, c.issued_at);
  payload.push_back(',');
  common::AppendJsonKey(payload, "exp");
  common::AppendInteger(payload, c.expires_at);
  payload.push_back(',');
  common::AppendJsonKey(payload, "session_id");
  common::AppendJsonString(payload, c.session_id);
  payload.push_back(',');
  common::AppendJsonKey(payload, "create_time");
  common::AppendInteger(payload, c.issued_at);
  payload.push_back(',');
  common::AppendJsonKey(payload, "nonce");
  common::AppendDecimal(payload, nonce);
  payload.push_back(',');
  common::AppendJsonKey(payload, "role");
  common::AppendJsonString(payload, c.role);
  payload.push_back(',');
  common::AppendJsonKey(payload, "expire_time");
  common::AppendInteger(payload, c.expires_at);
  payload.push_back(',');
  if (!c.data.empty()) {
    common::AppendJsonKey(payload, "connection_data");
    common::AppendJsonString(payload, c.data);
    payload.push_back(',');
  }
  common::AppendJsonKey(payload, "initial_layout_class_list");
  common::AppendJsonString(payload, c.layout_classes);
  payload.append(R"(,"scope":"session.connect"})");
  return common::SignJwtHs256(payload, *hs256_);
}

std::string ProjectSecret::MakeT1(ClientTokenClaims const& c, double nonce) const {
  // The plain text is "partner_id=KEY&sig=HEX:DATA" where HEX is the HMAC-SHA1 of DATA:
  // built in one buffer, DATA first written after a placeholder for the signature, which
  // is then filled in. Field order of the opentok-token known-answer vector (opentok/opentok-token).
  static constexpr std::size_t kSigHexLength = 40;  // SHA-1
  std::string plain;
  plain.reserve(224 + api_key_.size() + c.session_id.size() + 3 * (c.data.size() + c.layout_classes.size()));
  plain.append("partner_id=");
  plain.append(api_key_);
  plain.append("&sig=");
  std::size_t const sig_at = plain.size();
  plain.append("0000000000000000000000000000000000000000", kSigHexLength);
  plain.push_back(':');
  std::size_t const data_at = plain.size();
  plain.append("session_id=");
  common::AppendPercentEncoded(plain, c.session_id);
  plain.append("&create_time=");
  common::AppendInteger(plain, c.issued_at);
  plain.append("&nonce=");
  common::AppendDecimal(plain, nonce);
  plain.append("&role=");
  plain.append(c.role);
  plain.append("&expire_time=");
  common::AppendInteger(plain, c.expires_at);
  if (!c.data.empty()) {
    plain.append("&connection_data=");
    common::AppendPercentEncoded(plain, c.data);
  }
  if (!c.layout_classes.empty()) {
    plain.append("&initial_layout_class_list=");
    common::AppendPercentEncoded(plain, c.layout_classes);
  }
  unsigned char sig[common::HmacSigner::kMaxMacSize];
  std::size_t sig_length = sha1_.SignTo(std::string_view(plain).substr(data_at), sig);
  if (2 * sig_length != kSigHexLength) throw OpenTokException("HMAC-SHA1 gave an unexpected length");
  common::WriteHex(std::string_view(reinterpret_cast<char const*>(sig), sig_length), plain.data() + sig_at);

  std::string token;
  token.reserve(4 + (plain.size() + 2) / 3 * 4);
  token.append("T1==");
  common::AppendBase64(token, plain);
  return token;
}

}  // namespace opentok::internal
