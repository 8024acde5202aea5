#include "internal/token_generator.h"

#include <chrono>

#include "internal/validation.h"
#include "opentok/errors.h"
#include "opentok_common/session_id.h"

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

// Application ids are UUIDs, accepted in either case, and the service may write them in
// session ids in the other case; API keys are digits, for which this is plain equality.
bool EqualsIgnoringAsciiCase(std::string_view a, std::string_view b) {
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
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

TokenGenerator::TokenGenerator(std::shared_ptr<Credentials const> credentials, std::shared_ptr<Clock> clock)
    : credentials_(std::move(credentials)), clock_(std::move(clock)) {}

std::string TokenGenerator::Generate(std::string_view session_id, Role role, std::int64_t expire_time,
                                     std::string_view data, std::vector<std::string> const& initial_layout_class_list,
                                     TokenFormat format) const {
  ClientTokenClaims claims;
  Require(!session_id.empty(), "session_id must not be empty");
  // Session ids are printable ASCII ("1_" and base64); anything else cannot be a session id
  // and would need escaping in every token format. SessionIdProjectId only succeeds when
  // everything after the two-character prefix is base64, so only the prefix is checked here.
  auto owner = common::SessionIdProjectId(session_id);
  Require(owner.has_value() && IsPrintableAscii(session_id.substr(0, 2)), "session_id is malformed");
  if (!EqualsIgnoringAsciiCase(*owner, credentials_->project_id())) {
    throw ArgumentException("session_id belongs to a different " + std::string(credentials_->owner_kind()));
  }
  claims.session_id = session_id;

  claims.role = ToString(role);
  Require(claims.role != "unknown", "role must be subscriber, publisher, publisheronly or moderator");

  claims.issued_at = std::chrono::duration_cast<std::chrono::seconds>(clock_->Now().time_since_epoch()).count();
  if (expire_time == 0) {
    claims.expires_at = claims.issued_at + kDefaultLifetimeSeconds;
  } else {
    Require(expire_time > claims.issued_at, "expire_time must be in the future");
    Require(expire_time <= claims.issued_at + kMaxLifetimeSeconds, "expire_time must be at most 30 days in the future");
    claims.expires_at = expire_time;
  }

  auto data_length = Utf8Length(data);
  Require(data_length.has_value(), "data must be valid UTF-8");
  Require(*data_length <= kMaxDataLength, "data must be at most 1000 characters");
  claims.data = data;

  std::string const layout_classes = JoinClasses(initial_layout_class_list);
  auto layout_length = Utf8Length(layout_classes);
  Require(layout_length.has_value(), "initial_layout_class_list must be valid UTF-8");
  Require(*layout_length <= kMaxLayoutClassListLength,
          "initial_layout_class_list must be at most 1000 characters when joined with spaces");
  claims.layout_classes = layout_classes;

  return credentials_->MintClientToken(claims, format);
}

}  // namespace opentok::internal
