#pragma once

// The HTTP layer's answer to the core's question "does this render page load?"
// (ServiceOptions::url_loadable).

#include <optional>
#include <string>
#include <string_view>

#include "opentok_mock/service.h"

namespace opentok_mock::http {

// What to fetch for a loopback http(s) URL: "scheme://host:port" for httplib's client and the
// path with its query ("/" when empty).
struct LoopbackTarget {
  std::string origin;
  std::string path;
};

// A URL whose host is loopback (127.0.0.0/8, localhost, [::1]) with an http or https
// scheme; nullopt for every other URL.
std::optional<LoopbackTarget> ParseLoopbackUrl(std::string_view url);

// True unless `url` is a loopback http(s) URL that cannot be loaded: the GET fails to
// connect, times out (1 s to connect, 2 s to answer) or answers with a status of 400 or
// more. Other URLs count as loadable and are never contacted: the mock makes no outside
// connections. Redirects are not followed (a 3xx loads); certificates of loopback https
// servers are not verified (test servers use self-signed ones).
bool LoopbackUrlLoadable(std::string const& url);

// `options` with url_loadable set to LoopbackUrlLoadable unless the caller set a probe.
ServiceOptions WithUrlProbe(ServiceOptions options);

}  // namespace opentok_mock::http
