#include "opentok_mock/client_token.h"

#include <charconv>
#include <optional>

#include "claims.h"
#include "jwt_issuer.h"
#include "opentok_common/base64.h"
#include "opentok_common/hmac.h"
#include "opentok_common/jwt.h"
#include "opentok_common/url.h"
#include "opentok_mock/utf8.h"

namespace opentok_mock {
namespace {

Error Forbidden(std::string message) { return Error{403, -1, std::move(message)}; }

// A plain mismatch, or the reason when the token is of the other owner kind's form.
Error SignatureMismatch(std::string const& why) {
  return Forbidden(why.empty() ? "Invalid token: the signature does not match" : "Invalid token: " + why);
}

std::optional<std::int64_t> ParseInteger(std::string_view text) {
  // T1 times are integers, but accept a fractional part rather than reject a token over it.
  auto dot = text.find('.');
  if (dot != std::string_view::npos) text = text.substr(0, dot);
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

// Layout class lists are space-separated; PHP URL-encodes the list inside JWTs.
std::vector<std::string> SplitClassList(std::string text) {
  if (text.find_first_of("%+") != std::string::npos) {
    if (auto decoded = opentok::common::PercentDecode(text, true)) text = std::move(*decoded);
  }
  std::vector<std::string> classes;
  std::size_t start = 0;
  while (start < text.size()) {
    auto space = text.find(' ', start);
    if (space == std::string::npos) space = text.size();
    if (space > start) classes.push_back(text.substr(start, space - start));
    start = space + 1;
  }
  return classes;
}

// The claims a connection keeps and serves back (session snapshots, stream class lists,
// connectionCreated callbacks) must be text. Every SDK encodes them from strings of its
// language as UTF-8 (our SDK refuses data and class lists that are not), so a signed token
// with other bytes in them was not made by an SDK: refused like any other malformed token.
std::optional<Error> CheckClaimsAreText(ClientTokenClaims const& claims) {
  if (!IsValidUtf8(claims.connection_data)) return Forbidden("Invalid token: connection_data is not valid UTF-8");
  for (auto const& layout_class : claims.initial_layout_class_list) {
    if (!IsValidUtf8(layout_class)) return Forbidden("Invalid token: initial_layout_class_list is not valid UTF-8");
  }
  return std::nullopt;
}

std::int64_t SaturatingSub(std::int64_t a, std::int64_t b) {
  std::int64_t difference = 0;
  if (!__builtin_sub_overflow(a, b, &difference)) return difference;
  return b < 0 ? INT64_MAX : INT64_MIN;
}

// The rule of TokenClock (client_token.h): a lifetime of mock time from the issue instant
// placed on the mock time line; the plain expiry when the token has no issue time.
bool HasExpired(std::int64_t expire_time_s, std::optional<std::int64_t> issued_s, TokenClock const& clock) {
  auto issued_on_mock_clock = issued_s && clock.issued_at ? clock.issued_at(*issued_s) : std::nullopt;
  if (!issued_on_mock_clock) return expire_time_s <= clock.now_s;
  auto lifetime_s = SaturatingSub(expire_time_s, *issued_s);
  return internal::SaturatingAdd(*issued_on_mock_clock, lifetime_s) <= clock.now_s;
}

std::optional<Error> CheckRoleAndExpiry(std::optional<std::string> const& role_text, std::int64_t expire_time_s,
                                        std::optional<std::int64_t> issued_s, TokenClock const& clock,
                                        ClientTokenClaims& claims) {
  if (role_text) {
    if (!IsValidUtf8(*role_text)) return Forbidden("Invalid token: role is not valid UTF-8");
    auto role = ParseRole(*role_text);
    if (!role) return Forbidden("Invalid token: unknown role '" + *role_text + "'");
    claims.role = *role;
  }
  claims.expire_time_s = expire_time_s;
  if (HasExpired(expire_time_s, issued_s, clock)) return Forbidden("Invalid token: the token has expired");
  return std::nullopt;
}

Result<ClientTokenClaims> VerifyT1(std::string_view token, ProjectLookup const& lookup, TokenClock const& clock) {
  auto decoded = opentok::common::Base64Decode(token.substr(4));
  if (!decoded) return Forbidden("Invalid token format: the T1 payload is not base64");
  auto colon = decoded->find(':');
  if (colon == std::string::npos) return Forbidden("Invalid token format: no ':' after the signature");
  auto header = opentok::common::ParseForm(std::string_view(*decoded).substr(0, colon));
  auto data_string = std::string_view(*decoded).substr(colon + 1);
  auto data = opentok::common::ParseForm(data_string);
  if (!header || !data) return Forbidden("Invalid token format: bad percent-encoding");

  auto field = [](opentok::common::FormFields const& fields, std::string_view name) -> std::optional<std::string> {
    for (auto const& [key, value] : fields) {
      if (key == name) return value;
    }
    return std::nullopt;
  };
  auto partner_id = field(*header, "partner_id");
  auto signature = field(*header, "sig");
  if (!partner_id || !signature) return Forbidden("Invalid token format: partner_id or sig missing");
  Credential const* owner = lookup(*partner_id);
  if (owner == nullptr) return Forbidden("Invalid token: unknown API key (partner_id)");
  // The signature covers the data string exactly as received: never rebuild it.
  if (auto why = owner->CheckT1Signature(data_string, *signature)) return SignatureMismatch(*why);

  ClientTokenClaims claims;
  claims.format = TokenFormat::kT1;
  claims.api_key = owner->id();
  claims.credential_kind = owner->kind();
  auto session_id = field(*data, "session_id");
  if (!session_id || session_id->empty()) return Forbidden("Invalid token: session_id missing");
  claims.session_id = *session_id;
  if (auto scope = field(*data, "scope"); scope && *scope != "session.connect") {
    return Forbidden("Invalid token: scope must be session.connect");
  }
  claims.connection_data = field(*data, "connection_data").value_or("");
  claims.initial_layout_class_list = SplitClassList(field(*data, "initial_layout_class_list").value_or(""));

  auto create_time = ParseInteger(field(*data, "create_time").value_or(""));
  std::optional<std::int64_t> expire_time;
  if (auto text = field(*data, "expire_time"); text && !text->empty()) {
    expire_time = ParseInteger(*text);
    if (!expire_time) return Forbidden("Invalid token: expire_time is not a number");
  } else {
    if (!create_time) return Forbidden("Invalid token: create_time missing or not a number");
    expire_time = internal::SaturatingAdd(create_time.value_or(0), kDefaultTokenLifetimeS);
  }
  if (auto error = CheckClaimsAreText(claims)) return *error;
  if (auto error = CheckRoleAndExpiry(field(*data, "role"), *expire_time, create_time, clock, claims)) return *error;
  return claims;
}

Result<ClientTokenClaims> VerifyJwt(std::string_view token, ProjectLookup const& lookup, TokenClock const& clock) {
  std::string why;
  auto jwt = opentok::common::DecodeJwt(token, &why);
  if (!jwt) return Forbidden("Invalid token format: " + why);
  auto issuer = internal::IdentifyJwtIssuer(*jwt, lookup);
  switch (issuer.failure) {
    case internal::IssuerFailure::kNone: break;
    case internal::IssuerFailure::kMissing: return Forbidden("Invalid token: iss (the API key) or application_id missing");
    case internal::IssuerFailure::kConflict:
      return Forbidden("Invalid token: iss and application_id name different ids");
    case internal::IssuerFailure::kUnknown:
      return Forbidden("Invalid token: unknown API key or application id (iss or application_id)");
    case internal::IssuerFailure::kWrongClaim: return Forbidden("Invalid token: " + issuer.detail);
    case internal::IssuerFailure::kBadSignature: return SignatureMismatch(issuer.detail);
  }
  auto const& payload = jwt->payload;
  if (internal::StringClaim(payload, "scope").value_or("") != "session.connect") {
    return Forbidden("Invalid token: scope must be session.connect");
  }
  if (auto const* ist = internal::FindClaim(payload, "ist");
      ist != nullptr && !(ist->is_string() && ist->get<std::string>() == "project")) {
    return Forbidden("Invalid token: ist must be project");
  }
  ClientTokenClaims claims;
  claims.format = TokenFormat::kJwt;
  claims.api_key = issuer.id;
  claims.credential_kind = issuer.credential->kind();
  auto session_id = internal::StringClaim(payload, "session_id");
  if (!session_id || session_id->empty()) return Forbidden("Invalid token: session_id missing");
  claims.session_id = *session_id;
  claims.connection_data = internal::StringClaim(payload, "connection_data").value_or("");
  if (auto const* list = internal::FindClaim(payload, "initial_layout_class_list")) {
    if (list->is_string()) {
      claims.initial_layout_class_list = SplitClassList(list->get<std::string>());
    } else if (list->is_array()) {  // the Vonage Python SDK sends a JSON list
      for (auto const& item : *list) {
        if (item.is_string()) claims.initial_layout_class_list.push_back(item.get<std::string>());
      }
    }
  }
  std::optional<std::string> role;
  if (internal::FindClaim(payload, "role") != nullptr) {
    role = internal::StringClaim(payload, "role");
    if (!role) return Forbidden("Invalid token: role must be a string");
  }
  auto issued = internal::NumericClaim(payload, "iat");
  auto expires = internal::NumericClaim(payload, "exp");
  if (!expires) {
    // PHP and Ruby omit `exp` when the app set no expiry: the service default applies.
    if (!issued) return Forbidden("Invalid token: neither exp nor iat is set");
    expires = internal::SaturatingAdd(*issued, kDefaultTokenLifetimeS);
  }
  if (auto error = CheckClaimsAreText(claims)) return *error;
  if (auto error = CheckRoleAndExpiry(role, *expires, issued, clock, claims)) return *error;
  return claims;
}

}  // namespace

Result<ClientTokenClaims> VerifyClientToken(std::string_view token, ProjectLookup const& lookup, TokenClock const& clock) {
  if (token.empty()) return Forbidden("Invalid token: the token is empty");
  if (token.substr(0, 4) == "T1==") return VerifyT1(token, lookup, clock);
  return VerifyJwt(token, lookup, clock);
}

Result<ClientTokenClaims> VerifyClientToken(std::string_view token, ProjectLookup const& lookup, std::int64_t now_s) {
  return VerifyClientToken(token, lookup, TokenClock{now_s, {}});
}

}  // namespace opentok_mock
