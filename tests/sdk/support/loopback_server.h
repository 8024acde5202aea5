#pragma once

#include <httplib.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>

namespace opentok::testing_util {

// An in-process httplib server on 127.0.0.1 (OS-chosen port) for transport tests.
// TCP_NODELAY on, thread pool sized explicitly, keep-alive max count raised so that
// pooled SDK connections are not cut every 5 requests. The constructor returns once the
// accept loop answers a probe request (explicit readiness, no sleeping); the destructor
// stops the server and joins its thread. Destroy SDK clients first: an idle keep-alive
// connection holds a server worker until the client closes it.
class LoopbackServer {
 public:
  using Routes = std::function<void(httplib::Server&)>;
  struct TlsFiles {
    std::string cert_path;
    std::string key_path;
  };

  // With `tls`, the server speaks HTTPS with that certificate.
  explicit LoopbackServer(Routes routes, int threads = 8, std::optional<TlsFiles> tls = std::nullopt);
  ~LoopbackServer();
  LoopbackServer(LoopbackServer const&) = delete;
  LoopbackServer& operator=(LoopbackServer const&) = delete;

  int port() const { return port_; }
  std::string url() const { return (tls_ ? "https" : "http") + std::string("://127.0.0.1:") + std::to_string(port_); }

 private:
  bool tls_;
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  int port_ = -1;
};

// A port on 127.0.0.1 that refuses connections: bound (so nobody else takes it) but not
// listening. Closes the socket on destruction.
class RefusingPort {
 public:
  RefusingPort();
  ~RefusingPort();
  int port() const { return port_; }

 private:
  int fd_ = -1;
  int port_ = 0;
};

// A listener on 127.0.0.1 that accepts TCP connections into its backlog but never reads
// or answers, so clients connect and then wait for a response that never comes.
class SilentListener {
 public:
  SilentListener();
  ~SilentListener();
  int port() const { return port_; }

 private:
  int fd_ = -1;
  int port_ = 0;
};

}  // namespace opentok::testing_util
