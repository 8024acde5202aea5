#include "json_shape.h"

#include <gtest/gtest.h>

#include <cstdlib>

namespace opentok::conformance {
namespace {

constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;

char const* Describe(JsonKind kind) {
  switch (kind) {
    case JsonKind::kString: return "a non-empty string";
    case JsonKind::kMaybeString: return "a string or null";
    case JsonKind::kInteger: return "an integer";
    case JsonKind::kEpochMs: return "epoch milliseconds near the target's clock";
    case JsonKind::kBoolean: return "a boolean";
    case JsonKind::kObject: return "an object";
    case JsonKind::kArray: return "an array";
  }
  return "?";
}

bool Fits(nlohmann::json const& value, JsonKind kind, std::int64_t now_ms) {
  switch (kind) {
    case JsonKind::kString: return value.is_string() && !value.get<std::string>().empty();
    case JsonKind::kMaybeString: return value.is_string() || value.is_null();
    case JsonKind::kInteger: return value.is_number_integer();
    // Seconds would be a thousand times smaller than the clock, microseconds larger.
    case JsonKind::kEpochMs: return value.is_number_integer() && std::llabs(value.get<std::int64_t>() - now_ms) < kDayMs;
    case JsonKind::kBoolean: return value.is_boolean();
    case JsonKind::kObject: return value.is_object();
    case JsonKind::kArray: return value.is_array();
  }
  return false;
}

}  // namespace

void ExpectShape(nlohmann::json const& object, std::initializer_list<MemberRule> rules, std::int64_t now_ms,
                 std::string const& what) {
  if (!object.is_object()) {
    ADD_FAILURE() << what << ": not a JSON object: " << object.dump();
    return;
  }
  for (auto const& rule : rules) {
    auto it = object.find(rule.name);
    if (it == object.end()) {
      EXPECT_FALSE(rule.required) << what << ": no member \"" << rule.name << "\" in " << object.dump();
      continue;
    }
    EXPECT_TRUE(Fits(*it, rule.kind, now_ms))
        << what << ": \"" << rule.name << "\" is " << it->dump() << ", not " << Describe(rule.kind);
  }
}

}  // namespace opentok::conformance
