#pragma once

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>

namespace opentok_mock::internal {

// A JWT claim read tolerantly: numbers may be integers or floats (epoch seconds), ids may be
// strings or numbers (PHP emits a numeric `iss` when the app passed an int key). JSON null
// counts as absent, as the PHP SDK sends null for unset claims.

inline nlohmann::json const* FindClaim(nlohmann::json const& object, char const* name) {
  auto it = object.find(name);
  if (it == object.end() || it->is_null()) return nullptr;
  return &*it;
}

// Time arithmetic on claims: a token may carry any 64-bit time, and the sum must not
// overflow (undefined behaviour); it saturates, so an absurd expiry is simply far away.
inline std::int64_t SaturatingAdd(std::int64_t a, std::int64_t b) {
  std::int64_t sum = 0;
  if (!__builtin_add_overflow(a, b, &sum)) return sum;
  return b > 0 ? INT64_MAX : INT64_MIN;
}

inline std::optional<std::int64_t> NumericClaim(nlohmann::json const& object, char const* name) {
  auto const* claim = FindClaim(object, name);
  if (claim == nullptr) return std::nullopt;
  if (claim->is_number_integer()) return claim->get<std::int64_t>();
  if (claim->is_number_float()) {
    double value = claim->get<double>();
    if (!std::isfinite(value) || std::fabs(value) > 9e15) return std::nullopt;
    return static_cast<std::int64_t>(value);
  }
  return std::nullopt;
}

inline std::optional<std::string> IdClaim(nlohmann::json const& object, char const* name) {
  auto const* claim = FindClaim(object, name);
  if (claim == nullptr) return std::nullopt;
  if (claim->is_string()) return claim->get<std::string>();
  if (claim->is_number_unsigned()) return std::to_string(claim->get<std::uint64_t>());
  if (claim->is_number_integer()) return std::to_string(claim->get<std::int64_t>());
  return std::nullopt;
}

inline std::optional<std::string> StringClaim(nlohmann::json const& object, char const* name) {
  auto const* claim = FindClaim(object, name);
  if (claim == nullptr || !claim->is_string()) return std::nullopt;
  return claim->get<std::string>();
}

}  // namespace opentok_mock::internal
