#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "opentok/http_transport.h"

namespace opentok::conformance {

// A project's API key and secret, or a Vonage application's id and RSA private key.
// `api_key` is the id in REST paths and session ids either way, so checks that build
// paths or decode session ids need not know the kind.
struct Credentials {
  std::string api_key;          // the API key, or the application id
  std::string api_secret;       // the API secret; empty for an application
  std::string private_key_pem;  // the application's private key; empty for a project

  bool is_application() const { return !private_key_pem.empty(); }
};

// How a raw REST request authenticates; the broken variants check the endpoint's 403s.
// A project signs HS256 in X-OPENTOK-AUTH, an application RS256 in Authorization: Bearer
// (the header each kind's official SDKs send).
enum class RestAuth {
  kValid,               // signed with the project secret or the application's private key
  kMissing,             // no auth header at all
  kMalformed,           // a header value that is not a JWT
  kWrongSecret,         // a well-formed JWT signed with another secret or another RSA key
  kExpired,             // a correctly signed JWT whose exp is in the past
  kHs256WithPublicKey,  // application only: HS256 keyed with the public key's PEM (alg confusion)
  kAlgNone,             // application only: the valid claims under alg "none", no signature
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
  // POST of a form-urlencoded body (session create), with the Accept header `accept`
  // (nullopt: none, as php-ot and net-ot send).
  HttpResponse PostForm(std::string const& path, std::string const& form,
                        std::optional<std::string> const& accept = "application/json") const;
  // "/v2/project/<key>"
  std::string ProjectPath() const;

 private:
  // Header name and value.
  std::pair<std::string, std::string> AuthHeader(RestAuth auth) const;

  std::shared_ptr<HttpTransport> transport_;
  std::string base_url_;
  Credentials credentials_;
};

}  // namespace opentok::conformance
