#include "internal/httplib_transport.h"

#include <httplib.h>

#include <fstream>
#include <utility>
#include <vector>

#include "opentok/errors.h"

namespace opentok::internal {
namespace {

// What went wrong, in words a user can act on, plus cpp-httplib's own name for it.
std::string DescribeError(httplib::Error error) {
  std::string what;
  switch (error) {
    case httplib::Error::Connection: what = "could not connect (refused or unreachable)"; break;
    case httplib::Error::ConnectionTimeout: what = "connect timed out"; break;
    case httplib::Error::Read: what = "no response (read failed or timed out)"; break;
    case httplib::Error::Write: what = "sending the request failed"; break;
    case httplib::Error::SSLConnection: what = "TLS handshake failed"; break;
    case httplib::Error::SSLServerVerification: what = "TLS server certificate verification failed"; break;
    case httplib::Error::SSLLoadingCerts: what = "could not load the CA certificates"; break;
    default: what = "request failed"; break;
  }
  return what + " [" + httplib::to_string(error) + "]";
}

// cpp-httplib 0.11.4 reports these before a byte of the request is written: no socket
// could be connected (refused, unreachable, DNS, the local bind), the connect timed out,
// or TLS was not established (CA loading, handshake, certificate verification). Read,
// Write and the rest come after the request started to go out.
bool SurelyNotSent(httplib::Error error) {
  switch (error) {
    case httplib::Error::Connection:
    case httplib::Error::BindIPAddress:
    case httplib::Error::ConnectionTimeout:
    case httplib::Error::SSLConnection:
    case httplib::Error::SSLLoadingCerts:
    case httplib::Error::SSLServerVerification:
      return true;
    default:
      return false;
  }
}

}  // namespace

// Clients for one origin. Leasing a client gives the caller exclusive use of it, so
// requests only serialise when they share a client, which they never do.
class HttplibTransport::ClientPool {
 public:
  ClientPool(HttpUrl const& url, TransportSettings const& settings) : url_(url), settings_(settings) {}

  std::unique_ptr<httplib::Client> Acquire() {
    {
      std::lock_guard lock(mu_);
      if (!idle_.empty()) {
        auto client = std::move(idle_.back());
        idle_.pop_back();
        return client;
      }
    }
    return MakeClient();
  }

  void Release(std::unique_ptr<httplib::Client> client) {
    std::lock_guard lock(mu_);
    if (idle_.size() < kMaxIdleClients) idle_.push_back(std::move(client));
  }

 private:
  std::unique_ptr<httplib::Client> MakeClient() const {
    // Rebuilt from the parsed parts: cpp-httplib's own URL parser is narrower than ours.
    bool v6 = url_.host.find(':') != std::string::npos;
    std::string origin = url_.scheme + "://" + (v6 ? "[" + url_.host + "]" : url_.host) + ":" + std::to_string(url_.port);
    auto client = std::make_unique<httplib::Client>(origin);
    client->set_connection_timeout(settings_.connect_timeout);
    client->set_read_timeout(settings_.request_timeout);
    client->set_write_timeout(settings_.request_timeout);
    client->set_keep_alive(true);
    client->set_tcp_nodelay(true);
    client->set_follow_location(false);
    client->set_url_encode(false);  // the SDK percent-encodes ids itself
    if (settings_.proxy) client->set_proxy(settings_.proxy->host, settings_.proxy->port);
    if (url_.scheme == "https") {
      client->enable_server_certificate_verification(true);
      if (!settings_.ca_file.empty()) client->set_ca_cert_path(settings_.ca_file);
    }
    return client;
  }

  HttpUrl const url_;
  TransportSettings const settings_;
  std::mutex mu_;
  std::vector<std::unique_ptr<httplib::Client>> idle_;
};

TransportSettings MakeTransportSettings(ClientOptions const& options) {
  TransportSettings settings;
  if (options.connect_timeout.count() <= 0) throw ArgumentException("connect_timeout must be positive");
  if (options.request_timeout.count() <= 0) throw ArgumentException("request_timeout must be positive");
  settings.connect_timeout = options.connect_timeout;
  settings.request_timeout = options.request_timeout;
  if (!options.proxy.empty()) {
    settings.proxy = ParseProxy(options.proxy);
    if (!settings.proxy) throw ArgumentException("proxy must look like http://host:port");
  }
  if (!options.ca_file.empty() && !std::ifstream(options.ca_file).good()) {
    throw ArgumentException("ca_file cannot be read");
  }
  settings.ca_file = options.ca_file;
  return settings;
}

HttplibTransport::HttplibTransport(TransportSettings settings) : settings_(std::move(settings)) {}

HttplibTransport::~HttplibTransport() = default;

HttplibTransport::ClientPool& HttplibTransport::PoolFor(HttpUrl const& url) {
  std::lock_guard lock(mu_);
  auto& pool = pools_[url.origin];
  if (!pool) pool = std::make_unique<ClientPool>(url, settings_);
  return *pool;
}

HttpResponse HttplibTransport::Send(HttpRequest const& request) {
  auto url = ParseHttpUrl(request.url);
  if (!url) {
    throw TransportException("not an http:// or https:// URL: " + request.url, /*request_may_have_been_sent=*/false);
  }
  ClientPool& pool = PoolFor(*url);

  httplib::Request req;
  req.method = std::string(ToString(request.method));
  req.path = url->target;
  for (auto const& [name, value] : request.headers) req.headers.emplace(name, value);
  req.body = request.body;

  std::string const where = req.method + " " + url->origin + url->target + ": ";
  std::unique_ptr<httplib::Client> client;
  std::optional<httplib::Result> result;
  try {
    client = pool.Acquire();
    result.emplace(client->send(req));
  } catch (std::exception const& e) {
    throw TransportException(where + e.what());
  }
  // After a failure the client's connection state is unknown; it is dropped, not pooled.
  if (!*result) throw TransportException(where + DescribeError(result->error()), !SurelyNotSent(result->error()));
  pool.Release(std::move(client));

  HttpResponse response;
  httplib::Response& raw = result->value();
  response.status = raw.status;
  response.headers.reserve(raw.headers.size());
  for (auto const& [name, value] : raw.headers) response.headers.emplace_back(name, value);
  response.body = std::move(raw.body);
  return response;
}

}  // namespace opentok::internal
