#include "internal/token_generator.h"

#include <chrono>
#include <cmath>

#include "internal/validation.h"
#include "opentok/errors.h"
#include "opentok_common/base64.h"
#include "opentok_common/json_text.h"
#include "opentok_common/jwt.h"
#include "opentok_common/session_id.h"
#include "opentok_common/url.h"

namespace opentok::internal {
namespace {

constexpr std::int64_t kDefaultLifetimeSeconds = 24 * 60 * 60;
constexpr std::int64_t kMaxLifetimeSeconds = 30 * 24 * 60 * 60;
constexpr std::size_t kMaxDataLength = 1000;
constexpr std::size_t kMaxLayoutClassListLength = 1000;

bool IsPrintableAscii(std::string_view text) {
  for (char c : text) {
    if (c < 0x21 || c > 0x7e) return false;
  }
  return true;
}

std::string JoinClasses(std::vector<std::string> const& classes) {
  std::string joined;
  for (auto const& c : classes) {
    if (!joined.empty()) joined.push_back(' ');
    joined += c;
  }
  return joined;
}

}  // namespace

// Everything a token carries, validated.
struct TokenGenerator::Fields {
  std::string_view session_id;
  std::string_view role;
  std::int64_t create_time = 0;
  std::int64_t expire_time = 0;
  double nonce = 0;
  std::string_view data;
  std::string layout_classes;  // space-joined
};

TokenGenerator::TokenGenerator(std::string api_key, std::shared_ptr<common::HmacSigner const> hs256,
                               std::string_view api_secret, std::shared_ptr<Clock> clock,
                               std::shared_ptr<RandomSource> random)
    : api_key_(std::move(api_key)),
      hs256_(std::move(hs256)),
      sha1_(common::HmacAlgorithm::kSha1, api_secret),
      clock_(std::move(clock)),
      random_(std::move(random)) {}

std::string TokenGenerator::Generate(std::string_view session_id, Role role, std::int64_t expire_time,
                                     std::string_view data, std::vector<std::string> const& initial_layout_class_list,
                                     TokenFormat format) const {
  Fields fields = Validate(session_id, role, expire_time, data, initial_layout_class_list);
  switch (format) {
    case TokenFormat::kJwt:
      return MakeJwt(fields);
    case TokenFormat::kT1:
      return MakeT1(fields);
  }
  throw ArgumentException("token format must be kJwt or kT1");
}

TokenGenerator::Fields TokenGenerator::Validate(std::string_view session_id, Role role, std::int64_t expire_time,
                                                std::string_view data,
                                                std::vector<std::string> const& initial_layout_class_list) const {
  Fields f;
  Require(!session_id.empty(), "session_id must not be empty");
  // Session ids are printable ASCII ("1_" and base64); anything else cannot be a session id
  // and would need escaping in every token format. SessionIdProjectId only succeeds when
  // everything after the two-character prefix is base64, so only the prefix is checked here.
  auto project_id = common::SessionIdProjectId(session_id);
  Require(project_id.has_value() && IsPrintableAscii(session_id.substr(0, 2)), "session_id is malformed");
  Require(*project_id == api_key_, "session_id belongs to a different API key");
  f.session_id = session_id;

  f.role = ToString(role);
  Require(f.role != "unknown", "role must be subscriber, publisher, publisheronly or moderator");

  f.create_time = std::chrono::duration_cast<std::chrono::seconds>(clock_->Now().time_since_epoch()).count();
  if (expire_time == 0) {
    f.expire_time = f.create_time + kDefaultLifetimeSeconds;
  } else {
    Require(expire_time > f.create_time, "expire_time must be in the future");
    Require(expire_time <= f.create_time + kMaxLifetimeSeconds,
            "expire_time must be at most 30 days in the future");
    f.expire_time = expire_time;
  }

  auto data_length = Utf8Length(data);
  Require(data_length.has_value(), "data must be valid UTF-8");
  Require(*data_length <= kMaxDataLength, "data must be at most 1000 characters");
  f.data = data;

  f.layout_classes = JoinClasses(initial_layout_class_list);
  auto layout_length = Utf8Length(f.layout_classes);
  Require(layout_length.has_value(), "initial_layout_class_list must be valid UTF-8");
  Require(*layout_length <= kMaxLayoutClassListLength,
          "initial_layout_class_list must be at most 1000 characters when joined with spaces");

  f.nonce = random_->NextUnitInterval();
  if (!std::isfinite(f.nonce) || f.nonce < 0 || f.nonce >= 1) {
    throw OpenTokException("RandomSource::NextUnitInterval returned a value outside [0, 1)");
  }
  return f;
}

std::string TokenGenerator::MakeJwt(Fields const& f) const {
  std::string payload;
  payload.reserve(320 + f.session_id.size() + f.data.size() + f.layout_classes.size());
  // Claim order as node-ot >= 2.21 sends them (opentok/opentok-node).
  payload.push_back('{');
  common::AppendJsonKey(payload, "iss");
  common::AppendJsonString(payload, api_key_);
  payload.append(R"(,"ist":"project",)");
  common::AppendJsonKey(payload, "iat");
  common::AppendInteger(payload, f.create_time);
  payload.push_back(',');
  common::AppendJsonKey(payload, "exp");
  common::AppendInteger(payload, f.expire_time);
  payload.push_back(',');
  common::AppendJsonKey(payload, "session_id");
  common::AppendJsonString(payload, f.session_id);
  payload.push_back(',');
  common::AppendJsonKey(payload, "create_time");
  common::AppendInteger(payload, f.create_time);
  payload.push_back(',');
  common::AppendJsonKey(payload, "nonce");
  common::AppendDecimal(payload, f.nonce);
  payload.push_back(',');
  common::AppendJsonKey(payload, "role");
  common::AppendJsonString(payload, f.role);
  payload.push_back(',');
  common::AppendJsonKey(payload, "expire_time");
  common::AppendInteger(payload, f.expire_time);
  payload.push_back(',');
  if (!f.data.empty()) {
    common::AppendJsonKey(payload, "connection_data");
    common::AppendJsonString(payload, f.data);
    payload.push_back(',');
  }
  common::AppendJsonKey(payload, "initial_layout_class_list");
  common::AppendJsonString(payload, f.layout_classes);
  payload.append(R"(,"scope":"session.connect"})");
  return common::SignJwtHs256(payload, *hs256_);
}

std::string TokenGenerator::MakeT1(Fields const& f) const {
  // The plain text is "partner_id=KEY&sig=HEX:DATA" where HEX is the HMAC-SHA1 of DATA:
  // built in one buffer, DATA first written after a placeholder for the signature, which
  // is then filled in. Field order of the opentok-token known-answer vector (opentok/opentok-token).
  static constexpr std::size_t kSigHexLength = 40;  // SHA-1
  std::string plain;
  plain.reserve(224 + api_key_.size() + f.session_id.size() + 3 * (f.data.size() + f.layout_classes.size()));
  plain.append("partner_id=");
  plain.append(api_key_);
  plain.append("&sig=");
  std::size_t const sig_at = plain.size();
  plain.append("0000000000000000000000000000000000000000", kSigHexLength);
  plain.push_back(':');
  std::size_t const data_at = plain.size();
  plain.append("session_id=");
  common::AppendPercentEncoded(plain, f.session_id);
  plain.append("&create_time=");
  common::AppendInteger(plain, f.create_time);
  plain.append("&nonce=");
  common::AppendDecimal(plain, f.nonce);
  plain.append("&role=");
  plain.append(f.role);
  plain.append("&expire_time=");
  common::AppendInteger(plain, f.expire_time);
  if (!f.data.empty()) {
    plain.append("&connection_data=");
    common::AppendPercentEncoded(plain, f.data);
  }
  if (!f.layout_classes.empty()) {
    plain.append("&initial_layout_class_list=");
    common::AppendPercentEncoded(plain, f.layout_classes);
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
