#include "url_probe.h"

#include <httplib.h>

#include <chrono>

#include "outbound_policy.h"

namespace opentok_mock::http {

std::optional<LoopbackTarget> ParseLoopbackUrl(std::string_view url) {
  auto parsed = ParseOutboundUrl(url);
  if (!parsed || (parsed->scheme != "http" && parsed->scheme != "https") || !IsLoopbackHost(parsed->host)) {
    return std::nullopt;
  }
  return LoopbackTarget{parsed->Origin(), parsed->target};
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
