#include "internal/url.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace opentok::internal {
namespace {

std::string ToLower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

std::optional<int> ParsePort(std::string_view text) {
  int port = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), port);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size() || port < 1 || port > 65535) {
    return std::nullopt;
  }
  return port;
}

struct HostPort {
  std::string host;
  std::optional<int> port;  // nullopt when absent
};

// "host", "host:port", "[v6]" or "[v6]:port".
std::optional<HostPort> ParseAuthority(std::string_view authority) {
  if (authority.empty() || authority.find('@') != std::string_view::npos) return std::nullopt;
  HostPort out;
  std::string_view rest;
  if (authority.front() == '[') {
    auto close = authority.find(']');
    if (close == std::string_view::npos || close == 1) return std::nullopt;
    out.host = std::string(authority.substr(1, close - 1));
    rest = authority.substr(close + 1);
  } else {
    auto colon = authority.find(':');
    out.host = std::string(authority.substr(0, colon));
    rest = colon == std::string_view::npos ? std::string_view{} : authority.substr(colon);
  }
  if (out.host.empty()) return std::nullopt;
  if (!rest.empty()) {
    if (rest.front() != ':') return std::nullopt;
    out.port = ParsePort(rest.substr(1));
    if (!out.port) return std::nullopt;
  }
  return out;
}

}  // namespace

std::optional<HttpUrl> ParseHttpUrl(std::string_view url) {
  auto sep = url.find("://");
  if (sep == std::string_view::npos) return std::nullopt;
  HttpUrl out;
  out.scheme = ToLower(url.substr(0, sep));
  int default_port = 0;
  if (out.scheme == "http") {
    default_port = 80;
  } else if (out.scheme == "https") {
    default_port = 443;
  } else {
    return std::nullopt;
  }
  std::string_view rest = url.substr(sep + 3);
  if (rest.find('#') != std::string_view::npos) return std::nullopt;
  auto path_start = rest.find_first_of("/?");
  std::string_view authority = rest.substr(0, path_start);
  auto host_port = ParseAuthority(authority);
  if (!host_port) return std::nullopt;
  out.host = std::move(host_port->host);
  out.port = host_port->port.value_or(default_port);
  out.origin = out.scheme + "://" + std::string(authority);
  out.target = path_start == std::string_view::npos ? "/" : std::string(rest.substr(path_start));
  if (out.target.front() == '?') out.target.insert(0, "/");
  return out;
}

std::optional<std::string> NormalizeApiUrl(std::string_view url) {
  auto parsed = ParseHttpUrl(url);
  if (!parsed || parsed->target.find('?') != std::string::npos) return std::nullopt;
  std::string prefix = parsed->target;
  while (!prefix.empty() && prefix.back() == '/') prefix.pop_back();
  return parsed->origin + prefix;
}

std::optional<ProxyAddress> ParseProxy(std::string_view proxy) {
  std::string_view authority = proxy;
  if (auto sep = proxy.find("://"); sep != std::string_view::npos) {
    if (ToLower(proxy.substr(0, sep)) != "http") return std::nullopt;
    authority = proxy.substr(sep + 3);
  }
  while (!authority.empty() && authority.back() == '/') authority.remove_suffix(1);
  auto host_port = ParseAuthority(authority);
  if (!host_port || !host_port->port) return std::nullopt;
  return ProxyAddress{std::move(host_port->host), *host_port->port};
}

}  // namespace opentok::internal
