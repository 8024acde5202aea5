#include "url_probe.h"

#include <httplib.h>

#include <chrono>

#include "opentok_common/api_rules.h"

namespace opentok_mock::http {
namespace {

std::string Lowercase(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  return out;
}

bool IsLoopbackHost(std::string_view host) {
  if (host == "localhost" || host == "[::1]") return true;
  return opentok::common::rules::IsIpv4(host) && host.starts_with("127.");
}

bool IsPort(std::string_view port) {
  if (port.empty() || port.size() > 5) return false;
  int value = 0;
  for (char c : port) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  return value > 0 && value <= 65535;
}

}  // namespace

std::optional<LoopbackTarget> ParseLoopbackUrl(std::string_view url) {
  auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return std::nullopt;
  auto scheme = Lowercase(url.substr(0, scheme_end));
  if (scheme != "http" && scheme != "https") return std::nullopt;
  auto rest = url.substr(scheme_end + 3);
  auto authority = rest.substr(0, rest.find_first_of("/?#"));
  auto path = rest.substr(authority.size());
  path = path.substr(0, path.find('#'));
  if (auto at = authority.rfind('@'); at != std::string_view::npos) authority.remove_prefix(at + 1);  // userinfo
  // host[:port], the host of an IPv6 literal in brackets.
  auto port_colon = authority.starts_with('[') ? authority.find(':', authority.find(']')) : authority.find(':');
  auto host = Lowercase(authority.substr(0, port_colon));
  auto port = port_colon == std::string_view::npos ? std::string_view() : authority.substr(port_colon + 1);
  if (!IsLoopbackHost(host) || (port_colon != std::string_view::npos && !IsPort(port))) return std::nullopt;
  LoopbackTarget target;
  target.origin = scheme + "://" + host + (port.empty() ? "" : ":" + std::string(port));
  target.path = path.empty() || path.front() == '?' ? "/" + std::string(path) : std::string(path);
  return target;
}

bool LoopbackUrlLoadable(std::string const& url) {
  auto target = ParseLoopbackUrl(url);
  if (!target) return true;
  httplib::Client client(target->origin);
  client.set_connection_timeout(std::chrono::seconds(1));
  client.set_read_timeout(std::chrono::seconds(2));
  client.set_write_timeout(std::chrono::seconds(2));
  client.set_follow_location(false);
  client.enable_server_certificate_verification(false);
  client.set_keep_alive(false);
  auto res = client.Get(target->path);
  return res && res->status < 400;
}

ServiceOptions WithUrlProbe(ServiceOptions options) {
  if (!options.url_loadable) options.url_loadable = LoopbackUrlLoadable;
  return options;
}

}  // namespace opentok_mock::http
