#include "server_setup.h"

#include <sys/socket.h>

#include <stdexcept>

namespace opentok_mock::http {

void ConfigureServer(httplib::Server& http, MockServerOptions const& options) {
  if (options.threads < 1) throw std::invalid_argument("MockServer: threads must be at least 1");
  int threads = options.threads;
  http.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<std::size_t>(threads)); };
  http.set_tcp_nodelay(true);
  // cpp-httplib's default also sets SO_REUSEPORT, which lets a second server bind a port
  // that is in use and silently share its traffic: keep only SO_REUSEADDR (restart after
  // TIME_WAIT), so a taken port is an error.
  http.set_socket_options([](int sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  http.set_keep_alive_max_count(options.keep_alive_max_count);
  http.set_keep_alive_timeout(options.keep_alive_timeout_s);
  http.set_payload_max_length(options.payload_max_bytes);
  http.set_read_timeout(5, 0);
  http.set_write_timeout(5, 0);
}

}  // namespace opentok_mock::http
