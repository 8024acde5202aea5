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
    case JsonKind::kLowercaseUuid: return "a lowercase hyphenated UUID";
  }
  return "?";
}

bool IsLowercaseUuid(std::string const& text) {
  if (text.size() != 36) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace

bool FitsKind(nlohmann::json const& value, JsonKind kind, std::int64_t now_ms) {
  switch (kind) {
    case JsonKind::kString: return value.is_string() && !value.get<std::string>().empty();
    case JsonKind::kMaybeString: return value.is_string() || value.is_null();
    case JsonKind::kInteger: return value.is_number_integer();
    // Seconds would be a thousand times smaller than the clock, microseconds larger.
    case JsonKind::kEpochMs: return value.is_number_integer() && std::llabs(value.get<std::int64_t>() - now_ms) < kDayMs;
    case JsonKind::kBoolean: return value.is_boolean();
    case JsonKind::kObject: return value.is_object();
    case JsonKind::kArray: return value.is_array();
    case JsonKind::kLowercaseUuid: return value.is_string() && IsLowercaseUuid(value.get<std::string>());
  }
  return false;
}

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
    EXPECT_TRUE(FitsKind(*it, rule.kind, now_ms))
        << what << ": \"" << rule.name << "\" is " << it->dump() << ", not " << Describe(rule.kind);
  }
}

}  // namespace opentok::conformance

namespace opentok::conformance {

void ExpectOneOf(nlohmann::json const& object, char const* name, std::initializer_list<char const*> allowed,
                 std::string const& what) {
  auto it = object.find(name);
  if (it == object.end()) return;
  if (it->is_string()) {
    for (char const* value : allowed) {
      if (it->get<std::string>() == value) return;
    }
  }
  std::string list;
  for (char const* value : allowed) list += std::string(list.empty() ? "" : ", ") + value;
  ADD_FAILURE() << what << ": \"" << name << "\" is " << it->dump() << ", not one of " << list;
}

}  // namespace opentok::conformance
