#include "outbound_policy.h"

#include <algorithm>

#include "opentok_common/api_rules.h"

namespace opentok_mock::http {
namespace {

std::string Lowercase(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  return out;
}

std::optional<int> ParsePort(std::string_view port) {
  if (port.empty() || port.size() > 5) return std::nullopt;
  int value = 0;
  for (char c : port) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  if (value < 1 || value > 65535) return std::nullopt;
  return value;
}

bool IsSecure(std::string_view scheme) { return scheme == "https" || scheme == "wss"; }

// An allowed-host entry as ParseOutboundUrl would spell the host: lowercase, IPv6 in brackets.
std::string NormalisedHost(std::string_view entry) {
  auto host = Lowercase(entry);
  if (host.find(':') != std::string::npos && !host.starts_with('[')) host = "[" + host + "]";
  return host;
}

}  // namespace

int OutboundUrl::EffectivePort() const { return port.value_or(IsSecure(scheme) ? 443 : 80); }

std::string OutboundUrl::Origin() const {
  return scheme + "://" + host + (port ? ":" + std::to_string(*port) : "");
}

std::optional<OutboundUrl> ParseOutboundUrl(std::string_view url) {
  auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return std::nullopt;
  OutboundUrl out;
  out.scheme = Lowercase(url.substr(0, scheme_end));
  if (out.scheme != "http" && out.scheme != "https" && out.scheme != "ws" && out.scheme != "wss") return std::nullopt;
  auto rest = url.substr(scheme_end + 3);
  auto authority = rest.substr(0, rest.find_first_of("/?#"));
  auto target = rest.substr(authority.size());
  target = target.substr(0, target.find('#'));
  if (auto at = authority.rfind('@'); at != std::string_view::npos) authority.remove_prefix(at + 1);  // userinfo
  // host[:port], the host of an IPv6 literal in brackets.
  auto port_colon = authority.starts_with('[') ? authority.find(':', authority.find(']')) : authority.find(':');
  out.host = Lowercase(authority.substr(0, port_colon));
  if (out.host.empty() || out.host == "[]") return std::nullopt;
  if (authority.starts_with('[') && !out.host.ends_with(']')) return std::nullopt;
  if (port_colon != std::string_view::npos) {
    out.port = ParsePort(authority.substr(port_colon + 1));
    if (!out.port) return std::nullopt;
  }
  out.target = target.empty() || target.front() == '?' ? "/" + std::string(target) : std::string(target);
  return out;
}

bool IsLoopbackHost(std::string_view host) {
  if (host == "localhost" || host == "[::1]") return true;
  return opentok::common::rules::IsIpv4(host) && host.starts_with("127.");
}

bool OutboundHostAllowed(OutboundUrl const& url, OutboundPolicy const& policy) {
  if (policy.allow_any_host || IsLoopbackHost(url.host)) return true;
  return std::any_of(policy.allowed_hosts.begin(), policy.allowed_hosts.end(),
                     [&](std::string const& entry) { return NormalisedHost(entry) == url.host; });
}

bool OutboundHostAllowed(std::string_view url, OutboundPolicy const& policy) {
  auto parsed = ParseOutboundUrl(url);
  return parsed && OutboundHostAllowed(*parsed, policy);
}

}  // namespace opentok_mock::http
