#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace opentok::internal {

// An http(s) URL split the way the transport needs it: cpp-httplib clients are keyed by
// origin, and the rest (path prefix, query) travels in the request line.
struct HttpUrl {
  std::string scheme;  // "http" or "https", lower case
  std::string host;    // without brackets for IPv6 literals
  int port = 0;        // explicit or the scheme default
  std::string origin;  // "scheme://authority" as given (lower-case scheme)
  std::string target;  // path and query, at least "/"
};

// Parses an absolute http:// or https:// URL. nullopt for other schemes, a missing host, a
// bad port, user info, or a fragment.
std::optional<HttpUrl> ParseHttpUrl(std::string_view url);

// The API base URL: ParseHttpUrl without query, and the path prefix with any trailing
// slashes removed, e.g. "https://host/prefix/" -> origin + "/prefix". Requests then go to
// base + "/v2/project/...".
std::optional<std::string> NormalizeApiUrl(std::string_view url);

struct ProxyAddress {
  std::string host;
  int port = 0;
};

// "http://host:port" or "host:port" (the port is required).
std::optional<ProxyAddress> ParseProxy(std::string_view proxy);

}  // namespace opentok::internal
