#pragma once

// Where the mock may connect to on its own: callback (webhook) POSTs, Audio Connector
// WebSockets, render page probes. Loopback hosts are always allowed; other hosts only when
// listed or when every host is allowed, so that a mock in CI never reaches the internet by
// accident (a project's callback URL or a test's WebSocket URL pointing at a real service).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace opentok_mock::http {

// An absolute http, https, ws or wss URL taken apart. Scheme and host are lowercase; an
// IPv6 literal keeps its brackets ("[::1]"); userinfo and fragment are dropped.
struct OutboundUrl {
  std::string scheme;
  std::string host;
  std::optional<int> port;  // as written
  std::string target;       // path and query, "/" when the URL has no path

  // The written port, else 80 (http, ws) or 443 (https, wss).
  int EffectivePort() const;
  // "scheme://host[:port]" (the port only when written): what httplib::Client takes.
  std::string Origin() const;
};

// nullopt for anything else than an http(s)/ws(s) URL with a host and, if written, a port
// in 1..65535.
std::optional<OutboundUrl> ParseOutboundUrl(std::string_view url);

// 127.0.0.0/8, "localhost" and "[::1]" (the host as ParseOutboundUrl gives it).
bool IsLoopbackHost(std::string_view host);

struct OutboundPolicy {
  // Host names or IP literals allowed besides loopback, matched without regard to case and
  // port ("hooks.example.com", "10.0.0.7", "::1" or "[::1]").
  std::vector<std::string> allowed_hosts;
  bool allow_any_host = false;
};

bool OutboundHostAllowed(OutboundUrl const& url, OutboundPolicy const& policy);
// False for a URL ParseOutboundUrl does not take.
bool OutboundHostAllowed(std::string_view url, OutboundPolicy const& policy);

}  // namespace opentok_mock::http
