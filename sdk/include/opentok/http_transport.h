#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace opentok {

enum class HttpMethod { kGet, kPost, kPut, kPatch, kDelete };

// "GET", "POST", "PUT", "PATCH", "DELETE".
std::string_view ToString(HttpMethod method);

using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
  HttpMethod method = HttpMethod::kGet;
  // Absolute URL: the configured API URL plus path and query,
  // e.g. "https://api.opentok.com/v2/project/123/archive?offset=0&count=50".
  std::string url;
  HttpHeaders headers;  // includes X-OPENTOK-AUTH, User-Agent, Accept, Content-Type
  std::string body;     // JSON or form text; empty for GET and DELETE
};

struct HttpResponse {
  int status = 0;
  HttpHeaders headers;
  std::string body;
};

// The seam between the SDK and the network (the .NET SDK's `Client` property, as an
// interface). Set ClientOptions::transport to replace the built-in cpp-httplib transport,
// e.g. with a test double.
//
// Contract: Send() is called concurrently from many threads; it returns a response for
// every HTTP status, errors included, and throws opentok::TransportException only when no
// response was received (refused, timeout, TLS failure).
class HttpTransport {
 public:
  virtual ~HttpTransport() = default;
  virtual HttpResponse Send(HttpRequest const& request) = 0;
};

}  // namespace opentok
