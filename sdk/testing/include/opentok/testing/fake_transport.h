#pragma once

#include <cstddef>
#include <exception>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "opentok/http_transport.h"

namespace opentok::testing {

// An HttpTransport for unit tests of code that uses the SDK: set it as
// ClientOptions::transport, script the answers, run the code, then inspect the requests.
//
// Answers are served in the order they were enqueued, one per request: a response (any
// status, headers and body; error statuses become the SDK's RequestException subclasses
// exactly as with the network) or an exception to throw from Send(), such as an
// opentok::TransportException for "no response was received". When the script is used
// up, every further request gets the fallback answer (200 with the body "{}" unless
// SetFallback changed it). Every request is recorded, answered or not.
//
// Thread-safe, like the SDK requires of a transport: clients may send from many threads
// while the test enqueues and inspects.
class FakeTransport final : public HttpTransport {
 public:
  FakeTransport();

  // Queues `response` as the answer to the next unanswered request.
  void Enqueue(HttpResponse response);
  // Queues a response with Content-Type application/json, e.g. Enqueue(200, R"({"id":"a"})").
  void Enqueue(int status, std::string json_body, HttpHeaders extra_headers = {});
  // Queues an exception that Send() throws instead of answering.
  void EnqueueFailure(std::exception_ptr failure);
  // Queues `exception` (taken by value, so its dynamic type is the type named here), e.g.
  // EnqueueException(opentok::TransportException("connection refused")).
  template <typename Exception>
  void EnqueueException(Exception exception) {
    EnqueueFailure(std::make_exception_ptr(std::move(exception)));
  }
  // The answer once the script is used up.
  void SetFallback(HttpResponse response);

  HttpResponse Send(HttpRequest const& request) override;

  // Every request received so far, in arrival order.
  std::vector<HttpRequest> requests() const;
  std::size_t request_count() const;
  // The only request received; throws std::logic_error (a test failure under GoogleTest)
  // unless exactly one was.
  HttpRequest single_request() const;
  // Scripted answers not yet served (0 once every scripted answer has been used).
  std::size_t pending() const;

 private:
  using Step = std::variant<HttpResponse, std::exception_ptr>;

  mutable std::mutex mu_;
  std::vector<Step> script_;
  std::size_t next_ = 0;
  HttpResponse fallback_;
  std::vector<HttpRequest> requests_;
};

// A response with Content-Type application/json and `body`.
HttpResponse JsonResponse(int status, std::string body, HttpHeaders extra_headers = {});

// The value of header `name` (first match, case-insensitive as in HTTP), or "" when absent.
std::string HeaderValue(HttpHeaders const& headers, std::string_view name);

}  // namespace opentok::testing
