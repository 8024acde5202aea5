#pragma once

#include <exception>
#include <mutex>
#include <string>
#include <variant>
#include <vector>

#include "opentok/http_transport.h"

namespace opentok::testing_util {

// A transport test double: serves scripted responses (or throws scripted exceptions) in
// order and records every request. When the script runs out it serves the default
// response (200 with an empty JSON object). Thread-safe.
class ScriptedTransport final : public HttpTransport {
 public:
  void Enqueue(HttpResponse response);
  void EnqueueFailure(std::exception_ptr failure);
  HttpResponse Send(HttpRequest const& request) override;

  std::vector<HttpRequest> requests() const;
  // The only request sent; fails the test unless exactly one was sent.
  HttpRequest single_request() const;

 private:
  mutable std::mutex mu_;
  std::vector<std::variant<HttpResponse, std::exception_ptr>> script_;
  std::size_t next_ = 0;
  std::vector<HttpRequest> requests_;
};

// A response with Content-Type application/json.
HttpResponse JsonResponse(int status, std::string body);

// The value of a header (first match, case-insensitive), or "" when absent.
std::string HeaderValue(HttpHeaders const& headers, std::string const& name);
bool HasHeader(HttpHeaders const& headers, std::string const& name);

}  // namespace opentok::testing_util
