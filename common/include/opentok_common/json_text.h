#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace opentok::common {

// Minimal JSON writing for hot paths (client tokens, REST auth JWTs, the mock's archive
// answers), where building an nlohmann::json object costs more than the work itself.
// Callers must pass valid UTF-8 (validated upstream); these functions only escape, exactly
// as nlohmann::json::dump does.

// Appends `"text"` with RFC 8259 escaping of '"', '\\' and control characters.
void AppendJsonString(std::string& out, std::string_view text);

// Appends `"key":` (the key must not need escaping).
void AppendJsonKey(std::string& out, std::string_view key);

// Decimal digits of `value` (a valid JSON number, also used in T1 data strings).
void AppendInteger(std::string& out, std::int64_t value);

// Shortest decimal that round-trips, always in fixed notation ("0.3942609881050885"), which
// is how JavaScript prints Math.random() values. `value` must be finite.
void AppendDecimal(std::string& out, double value);

}  // namespace opentok::common
