#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <initializer_list>
#include <string>

namespace opentok::conformance {

// The JSON type a member must have on the wire. Official SDKs in typed languages (Java's
// Jackson, .NET's Json.NET) fail on a string where a number belongs, or on seconds where
// milliseconds belong, so the suite checks types exactly instead of reading through the
// C++ SDK's lenient decoder.
enum class JsonKind {
  kString,        // a non-empty string
  kMaybeString,   // a string (empty allowed) or null
  kInteger,       // an integer (not a float, not a string)
  kEpochMs,       // an integer within a day of the target's clock, in milliseconds
  kBoolean,
  kObject,
  kArray,
  kLowercaseUuid,  // a hyphenated UUID in lower case (.NET reads a Guid, php's schema a lowercase one)
};

struct MemberRule {
  char const* name;
  JsonKind kind;
  bool required = true;  // false: may be absent, but has `kind` when present
};

// Checks (gtest EXPECTs, attributed to the calling check) that `object` is a JSON object whose
// members follow `rules`; `now_ms` is the target's clock for kEpochMs. `what` names the
// object in failure messages, which quote the offending member.
void ExpectShape(nlohmann::json const& object, std::initializer_list<MemberRule> rules, std::int64_t now_ms,
                 std::string const& what);

// Whether `value` has `kind` (kEpochMs against `now_ms`).
bool FitsKind(nlohmann::json const& value, JsonKind kind, std::int64_t now_ms);

// Checks that member `name` of `object`, when present, is one of `allowed` (an enumeration
// that typed SDKs map to their own enums and fail on anything else).
void ExpectOneOf(nlohmann::json const& object, char const* name, std::initializer_list<char const*> allowed,
                 std::string const& what);

}  // namespace opentok::conformance
