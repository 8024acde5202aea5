// One worker's connections to the mock: an SDK client (REST, keep-alive) and a raw
// cpp-httplib client for the control plane. Every request is counted in the ledger under a
// family name; a 5xx, a request without an answer and a 4xx the caller did not tolerate
// are violations.
#pragma once

#include <httplib.h>
#include <opentok/opentok.h>

#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <type_traits>
#include <variant>

#include "ledger.h"

namespace opentok_soak {

struct Answer {
  int status = 0;  // 0: no answer
  std::string body;
  bool ok() const { return status / 100 == 2; }
  nlohmann::json Json() const { return nlohmann::json::parse(body, nullptr, false); }
};

template <typename T>
struct SdkAnswer {
  int status = 0;  // 200 when the call returned, the HTTP status of a RequestException, 0 without one
  std::optional<T> value;
  bool ok() const { return value.has_value(); }
};

class Clients {
 public:
  Clients(std::string const& url, std::int64_t api_key, std::string const& api_secret, Ledger& ledger);

  opentok::OpenTok const& sdk() const { return sdk_; }
  Ledger& ledger() { return ledger_; }

  Answer Control(std::string const& family, std::string const& method, std::string const& path,
                 std::string const& body = "", std::initializer_list<int> tolerated = {});

  // Calls `call(sdk())`; a void call yields std::monostate.
  template <typename F>
  auto Sdk(std::string const& family, F&& call, std::initializer_list<int> tolerated = {}) {
    using R = std::invoke_result_t<F, opentok::OpenTok const&>;
    using T = std::conditional_t<std::is_void_v<R>, std::monostate, R>;
    SdkAnswer<T> answer;
    std::string error;
    try {
      if constexpr (std::is_void_v<R>) {
        call(sdk_);
        answer.value.emplace();
      } else {
        answer.value.emplace(call(sdk_));
      }
      answer.status = 200;
    } catch (...) {
      answer.status = Classify(std::current_exception(), error);
    }
    Record(family, answer.status, tolerated, error);
    return answer;
  }

 private:
  // The HTTP status an SDK exception carries; 0 for no answer, -1 for an answer the SDK
  // could not read or a call it refused to make (both the soak's or the mock's bug).
  static int Classify(std::exception_ptr error, std::string& message);
  void Record(std::string const& family, int status, std::initializer_list<int> tolerated, std::string const& error);

  Ledger& ledger_;
  opentok::OpenTok sdk_;
  httplib::Client control_;
  std::uint64_t control_requests_ = 0;
};

}  // namespace opentok_soak
