#pragma once

#include <memory>
#include <string>

#include "opentok/http_transport.h"

namespace opentok::conformance {

struct Credentials {
  std::string api_key;
  std::string api_secret;
};

// How a raw REST request authenticates; the broken variants check the endpoint's 403s.
enum class RestAuth {
  kValid,         // HS256 X-OPENTOK-AUTH signed with the project secret
  kMissing,       // no auth header at all
  kMalformed,     // a header value that is not a JWT
  kWrongSecret,   // a well-formed JWT signed with another secret
  kExpired,       // a correctly signed JWT whose exp is in the past
};

// Raw REST calls that bypass the SDK, for checks the SDK cannot express (missing or bad
// auth, endpoints it does not wrap such as the stream list). Signs its own auth JWTs with
// the wall clock.
class RestClient {
 public:
  RestClient(std::shared_ptr<HttpTransport> transport, std::string base_url, Credentials credentials);

  // `path` starts with '/', e.g. "/v2/project/123/archive?count=5".
  HttpResponse Send(HttpMethod method, std::string const& path, std::string const& body = "",
                    RestAuth auth = RestAuth::kValid) const;
  HttpResponse Get(std::string const& path, RestAuth auth = RestAuth::kValid) const {
    return Send(HttpMethod::kGet, path, "", auth);
  }
  // "/v2/project/<key>"
  std::string ProjectPath() const;

 private:
  std::string AuthHeader(RestAuth auth) const;

  std::shared_ptr<HttpTransport> transport_;
  std::string base_url_;
  Credentials credentials_;
};

}  // namespace opentok::conformance
