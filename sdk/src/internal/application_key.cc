#include "internal/application_key.h"

#include <chrono>

#include "opentok/errors.h"
#include "opentok_common/json_text.h"

namespace opentok::internal {
namespace {

// `,"key":"value"` and `,"key":value`: the claims after the first.
void AppendStringClaim(std::string& payload, std::string_view key, std::string_view value) {
  payload.push_back(',');
  common::AppendJsonKey(payload, key);
  common::AppendJsonString(payload, value);
}

void AppendIntegerClaim(std::string& payload, std::string_view key, std::int64_t value) {
  payload.push_back(',');
  common::AppendJsonKey(payload, key);
  common::AppendInteger(payload, value);
}

// Signing only fails when OpenSSL does (out of memory); the promise that only SDK exceptions
// escape holds here too.
std::string SignRs256(std::string_view payload, common::RsaPrivateKey const& key) {
  try {
    return common::SignJwtRs256(payload, key);
  } catch (std::exception const& e) {
    throw OpenTokException(std::string("RS256 signing failed: ") + e.what());
  }
}

bool IsHexDigit(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

}  // namespace

bool IsApplicationId(std::string_view text) {
  static constexpr std::string_view kShape = "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";
  if (text.size() != kShape.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (kShape[i] == '-' ? text[i] != '-' : !IsHexDigit(text[i])) return false;
  }
  return true;
}

ApplicationKey::ApplicationKey(std::string application_id, common::RsaPrivateKey key, std::shared_ptr<Clock> clock,
                               std::shared_ptr<RandomSource> random)
    : application_id_(std::move(application_id)),
      key_(std::move(key)),
      clock_(std::move(clock)),
      random_(std::move(random)) {}

std::pair<std::string, std::string> ApplicationKey::SignRequest() const {
  auto iat = std::chrono::duration_cast<std::chrono::seconds>(clock_->Now().time_since_epoch()).count();
  std::string payload;
  payload.reserve(160);
  payload.push_back('{');
  common::AppendJsonKey(payload, "application_id");
  common::AppendJsonString(payload, application_id_);
  AppendIntegerClaim(payload, "iat", iat);
  AppendIntegerClaim(payload, "exp", iat + kRestLifetimeSeconds);
  AppendStringClaim(payload, "jti", random_->NewId());
  payload.push_back('}');
  return {"Authorization", "Bearer " + SignRs256(payload, key_)};
}

std::string ApplicationKey::MintClientToken(ClientTokenClaims const& c, TokenFormat format) const {
  if (format != TokenFormat::kJwt) {
    throw ArgumentException("T1 tokens do not exist for Vonage applications: use TokenFormat::kJwt");
  }
  std::string payload;
  payload.reserve(384 + c.session_id.size() + c.data.size() + c.layout_classes.size());
  payload.push_back('{');
  common::AppendJsonKey(payload, "application_id");
  common::AppendJsonString(payload, application_id_);
  AppendIntegerClaim(payload, "iat", c.issued_at);
  AppendStringClaim(payload, "jti", random_->NewId());
  AppendIntegerClaim(payload, "exp", c.expires_at);
  AppendStringClaim(payload, "scope", "session.connect");
  AppendStringClaim(payload, "session_id", c.session_id);
  AppendStringClaim(payload, "role", c.role);
  AppendStringClaim(payload, "initial_layout_class_list", c.layout_classes);
  AppendStringClaim(payload, "sub", "video");
  payload.append(R"(,"acl":{"paths":{"/session/**":{}}})");
  if (!c.data.empty()) AppendStringClaim(payload, "connection_data", c.data);
  payload.push_back('}');
  return SignRs256(payload, key_);
}

}  // namespace opentok::internal
