#include "server_setup.h"

#include <sys/socket.h>

#include <memory>
#include <stdexcept>

namespace opentok_mock::http {

void ConfigureServer(httplib::Server& http, MockServerOptions const& options) {
  if (options.threads < 1) throw std::invalid_argument("MockServer: threads must be at least 1");
  int threads = options.threads;
  http.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<std::size_t>(threads)); };
  http.set_tcp_nodelay(true);
  http.set_keep_alive_max_count(options.keep_alive_max_count);
  http.set_keep_alive_timeout(options.keep_alive_timeout_s);
  http.set_payload_max_length(options.payload_max_bytes);
  http.set_read_timeout(5, 0);
  http.set_write_timeout(5, 0);
}

serving::ConnectionServerOptions ServingOptionsFor(MockServerOptions const& options) {
  if (options.threads < 1) throw std::invalid_argument("MockServer: threads must be at least 1");
  serving::ConnectionServerOptions serving;
  serving.threads = options.threads;
  serving.max_connections = options.max_connections > 0 ? options.max_connections : serving::DefaultMaxConnections();
  serving.request_timeout = options.request_timeout;
  serving.keep_alive_timeout = std::chrono::seconds(options.keep_alive_timeout_s);
  serving.keep_alive_max_count = options.keep_alive_max_count;
  serving.limits.max_body_bytes = options.payload_max_bytes;
  return serving;
}

int BindServer(httplib::Server& http, std::string const& host, int port) {
  auto listen_fd = std::make_shared<int>(-1);
  // cpp-httplib's default also sets SO_REUSEPORT, which lets a second server bind a port
  // that is in use and silently share its traffic: keep only SO_REUSEADDR (restart after
  // TIME_WAIT), so a taken port is an error. The callback only sees the listening socket.
  http.set_socket_options([listen_fd](int sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    *listen_fd = sock;
  });
  int bound = port == 0 ? http.bind_to_any_port(host) : (http.bind_to_port(host, port) ? port : -1);
  // Debian's cpp-httplib 0.11.4 is compiled with a listen backlog of 5: when dozens of
  // clients connect at once (a test suite's parallel workers, a load test) the accept queue
  // overflows and the kernel drops handshakes, which then wait 1 s or more for a SYN
  // retransmit. Listening again on the bound socket only raises the backlog.
  if (bound > 0 && *listen_fd >= 0) listen(*listen_fd, SOMAXCONN);
  return bound;
}

}  // namespace opentok_mock::http
