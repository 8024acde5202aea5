#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace opentok::common {

using FormFields = std::vector<std::pair<std::string, std::string>>;

// Percent-encodes everything but RFC 3986 unreserved characters (A-Z a-z 0-9 - . _ ~),
// with uppercase hex; a space becomes %20.
std::string PercentEncode(std::string_view text);
// PercentEncode appending to `out`: no temporary string on the token hot path.
void AppendPercentEncoded(std::string& out, std::string_view text);

// "k1=v1&k2=v2" with both sides percent-encoded, in the given order.
std::string FormEncode(FormFields const& fields);

// Decodes %XX escapes, and '+' as a space when `plus_is_space` (form bodies). Returns
// nullopt on a truncated or non-hex escape.
std::optional<std::string> PercentDecode(std::string_view text, bool plus_is_space);

// Parses an application/x-www-form-urlencoded body. Empty pairs ("a=1&&b=2") are skipped;
// a key without '=' has an empty value. Returns nullopt on a bad escape.
std::optional<FormFields> ParseForm(std::string_view body);

}  // namespace opentok::common
