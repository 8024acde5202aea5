#pragma once

#include <string>
#include <utility>
#include <variant>

namespace opentok_mock {

// A failure the service reports to its caller: the HTTP status and the OpenTok error body
// `{"code": code, "message": message, "description": message}` the real service would send.
struct Error {
  int http_status = 500;
  int code = -1;
  std::string message;
};

// Value or Error. Core operations never throw for bad input; they return an Error that the
// HTTP layer turns into a response (and that in-process tests can inspect directly).
template <typename T>
class Result {
 public:
  Result(T value) : state_(std::move(value)) {}        // NOLINT: implicit by design
  Result(Error error) : state_(std::move(error)) {}    // NOLINT: implicit by design

  bool ok() const noexcept { return state_.index() == 0; }
  explicit operator bool() const noexcept { return ok(); }

  T& value() & { return std::get<0>(state_); }
  T const& value() const& { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  T* operator->() { return &value(); }
  T const* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  T const& operator*() const& { return value(); }

  Error const& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, Error> state_;
};

// For operations that have nothing to return on success.
struct Ok {};
using Status = Result<Ok>;

}  // namespace opentok_mock
