#pragma once

// The mock's HTTP/1.1 server: one I/O thread on epoll owns the listening socket and every
// connection while it waits for bytes; a pool of workers runs the router's handlers. An
// idle or slowly-writing connection holds no worker, only a file descriptor and its buffer,
// so a few hundred of them do not delay anybody else. Each connection has at most one
// request with a worker at a time, so pipelined requests are answered in order.
//
// Limits, each answered with a JSON error and then a close: a request that has not arrived
// within request_timeout of its first byte (408), connections beyond max_connections (503,
// without reading the request), and the parser's limits (400, 413, 414, 431, 501).
// Idle keep-alive connections close silently after keep_alive_timeout, and the
// keep_alive_max_count-th request on a connection is answered with `Connection: close`.
//
// With a TLS context the same loop speaks HTTPS: the handshake runs on the I/O thread with
// non-blocking OpenSSL calls (a connection waits in epoll for whichever direction OpenSSL
// wants), under request_timeout, and a connection holds a worker only for its handler, as
// without TLS. A client that does not complete a handshake (plain HTTP, an unknown CA on
// its side) is closed without an answer.

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

#include "request_parser.h"
#include "tls.h"

namespace opentok_mock::http {
class Router;
}

namespace opentok_mock::http::serving {

struct ConnectionServerOptions {
  int threads = 16;  // workers: handlers running at once (a long POST /_mock/callbacks/wait holds one)
  std::size_t max_connections = 1000;
  std::chrono::milliseconds request_timeout{5000};
  std::chrono::milliseconds keep_alive_timeout{2000};
  std::size_t keep_alive_max_count = 100'000;
  std::chrono::milliseconds write_timeout{5000};  // a client that stops reading its answer
  ParserLimits limits;
  std::shared_ptr<TlsContext const> tls;  // null: plain HTTP
};

// Open connections the process can afford: the soft RLIMIT_NOFILE less a reserve for
// everything else the mock opens (callback deliveries, WebSockets, files).
std::size_t DefaultMaxConnections();

class ConnectionServer {
 public:
  // `router` must outlive the server.
  ConnectionServer(ConnectionServerOptions options, Router const& router);
  ~ConnectionServer();
  ConnectionServer(ConnectionServer const&) = delete;
  ConnectionServer& operator=(ConnectionServer const&) = delete;

  // Binds host:port (0: an ephemeral port) with SO_REUSEADDR only (a port in use is an
  // error, never shared), listens with a SOMAXCONN backlog; returns the port. Throws
  // std::runtime_error.
  int Listen(std::string const& host, int port);
  // Starts the I/O thread; requests are served from then on. Workers start as requests
  // need them, up to `threads`.
  void Start();
  // Stops accepting, lets running handlers finish, joins every thread and closes every
  // socket. Idempotent.
  void Stop();

  // For tests: connections open now, and handlers running now.
  std::size_t OpenConnections() const;
  int BusyWorkers() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace opentok_mock::http::serving
