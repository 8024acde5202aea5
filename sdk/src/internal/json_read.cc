#include "internal/json_read.h"

#include <charconv>
#include <cmath>

#include "opentok/errors.h"

namespace opentok::internal {
namespace {

std::optional<std::int64_t> ParseInteger(std::string const& text) {
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

void WrongType(char const* key, char const* expected) {
  throw ShapeError(std::string("field '") + key + "' is not " + expected);
}

Json const* Member(Json const& object, char const* key) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return nullptr;
  return &*it;
}

std::string GetString(Json const& object, char const* key) {
  Json const* value = Member(object, key);
  if (value == nullptr) return {};
  if (!value->is_string()) WrongType(key, "a string");
  return value->get<std::string>();
}

std::optional<std::int64_t> GetOptionalInteger(Json const& object, char const* key) {
  Json const* value = Member(object, key);
  if (value == nullptr) return std::nullopt;
  if (value->is_number_integer()) return value->get<std::int64_t>();
  if (value->is_number_float()) return static_cast<std::int64_t>(std::llround(value->get<double>()));
  // Some service versions and fixtures send numbers as strings.
  if (value->is_string()) {
    if (auto parsed = ParseInteger(value->get_ref<std::string const&>())) return parsed;
  }
  WrongType(key, "a number");
}

std::int64_t GetInteger(Json const& object, char const* key) { return GetOptionalInteger(object, key).value_or(0); }

std::optional<int> GetOptionalInt(Json const& object, char const* key) {
  auto value = GetOptionalInteger(object, key);
  if (!value) return std::nullopt;
  return static_cast<int>(*value);
}

bool GetBool(Json const& object, char const* key, bool fallback) {
  Json const* value = Member(object, key);
  if (value == nullptr) return fallback;
  if (value->is_boolean()) return value->get<bool>();
  if (value->is_string()) {
    auto const& text = value->get_ref<std::string const&>();
    if (text == "true") return true;
    if (text == "false") return false;
  }
  WrongType(key, "a boolean");
}

std::chrono::system_clock::time_point GetMillisTime(Json const& object, char const* key) {
  // system_clock counts nanoseconds in libstdc++, about 292 years either side of 1970: a
  // larger value cannot become a time_point (the conversion would overflow), so it is a
  // shape error like any other unreadable member.
  constexpr auto kLimitMs =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::duration::max()).count();
  std::int64_t millis = GetInteger(object, key);
  if (millis > kLimitMs || millis < -kLimitMs) WrongType(key, "a time in epoch milliseconds within 292 years of 1970");
  return std::chrono::system_clock::time_point(std::chrono::milliseconds(millis));
}

std::int64_t GetProjectId(Json const& object) {
  for (char const* key : {"partnerId", "projectId"}) {
    Json const* value = Member(object, key);
    if (value == nullptr) continue;
    if (value->is_number_integer()) return value->get<std::int64_t>();
    if (value->is_string()) {
      if (auto parsed = ParseInteger(value->get_ref<std::string const&>())) return *parsed;
    }
  }
  return 0;
}

std::string GetIdText(Json const& object, std::initializer_list<char const*> keys) {
  for (char const* key : keys) {
    Json const* value = Member(object, key);
    if (value == nullptr) continue;
    if (value->is_number_integer()) return std::to_string(value->get<std::int64_t>());
    if (!value->is_string()) WrongType(key, "a string or a number");
    return value->get<std::string>();
  }
  return {};
}

Json const& GetArray(Json const& object, char const* key) {
  static Json const kEmpty = Json::array();
  Json const* value = Member(object, key);
  if (value == nullptr) return kEmpty;
  if (!value->is_array()) WrongType(key, "an array");
  return *value;
}

std::string DumpRequestBody(OrderedJson const& body, std::string_view what) {
  try {
    return body.dump();
  } catch (Json::exception const&) {
    // dump() rejects invalid UTF-8 (type_error 316); it can only come from caller strings.
    throw ArgumentException(std::string(what) + " must be valid UTF-8");
  }
}

}  // namespace opentok::internal
