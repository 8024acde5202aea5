#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "internal/url.h"
#include "opentok/client_options.h"
#include "opentok/http_transport.h"

namespace opentok::internal {

struct TransportSettings {
  std::chrono::milliseconds connect_timeout{0};
  std::chrono::milliseconds request_timeout{0};
  std::optional<ProxyAddress> proxy;
  std::string ca_file;
};

// Validates the transport-related ClientOptions (timeouts, proxy, ca_file); throws
// ArgumentException naming the bad option.
TransportSettings MakeTransportSettings(ClientOptions const& options);

// The built-in transport on cpp-httplib 0.11.4.
//
// One httplib::Client serialises its requests behind a mutex, so concurrent Send() calls
// each lease a client from a per-origin pool (new clients are made on demand; up to
// kMaxIdleClients idle ones are kept with their keep-alive connections). Every client has
// explicit connect/read/write timeouts (never cpp-httplib's 300 s connect default), keeps
// connections alive, verifies TLS certificates, and does not re-encode the already
// percent-encoded paths.
class HttplibTransport final : public HttpTransport {
 public:
  static constexpr std::size_t kMaxIdleClients = 16;

  explicit HttplibTransport(TransportSettings settings);
  ~HttplibTransport() override;
  HttplibTransport(HttplibTransport const&) = delete;
  HttplibTransport& operator=(HttplibTransport const&) = delete;

  HttpResponse Send(HttpRequest const& request) override;

 private:
  class ClientPool;
  ClientPool& PoolFor(HttpUrl const& url);

  TransportSettings const settings_;
  std::mutex mu_;
  std::map<std::string, std::unique_ptr<ClientPool>> pools_;  // keyed by origin
};

}  // namespace opentok::internal
