#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "opentok/http_transport.h"

namespace opentok::conformance {

// A decorator that passes every request to the real transport and remembers the
// exchange, so a failing check can print the requests and responses that disagreed.
// Credentials are redacted when the log is formatted, never stored in the output.
class RecordingTransport : public HttpTransport {
 public:
  explicit RecordingTransport(std::shared_ptr<HttpTransport> inner);

  HttpResponse Send(HttpRequest const& request) override;

  // Number of requests sent since construction (also counts failed sends).
  int request_count() const;
  // Of those, the requests to the REST API: everything but a mock's control plane
  // (paths under /_mock/), which the live service has no counterpart of.
  int rest_request_count() const;
  // HTTP status of the most recent response (0 if none was received): how the suite
  // checks exact success codes (200 vs 204) of calls made through the SDK.
  int last_status() const;
  // Forgets the exchanges recorded so far (called at the start of each test).
  void Clear();
  // The recorded exchanges, credentials redacted, oldest first; at most the last 20.
  std::string Format() const;

 private:
  struct Exchange {
    HttpRequest request;
    HttpResponse response;
    std::string transport_error;  // set when no response was received
  };
  void Remember(Exchange exchange);

  std::shared_ptr<HttpTransport> inner_;
  mutable std::mutex mu_;
  std::vector<Exchange> exchanges_;
  int request_count_ = 0;
  int rest_request_count_ = 0;
};

}  // namespace opentok::conformance
