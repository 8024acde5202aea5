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

void ServeWithRouter(httplib::Server& http, Router const& router) {
  auto dispatch = [&router](httplib::Request const& req, httplib::Response& res) {
    // httplib hands a const request; the router normalises the path in place.
    router.Dispatch(const_cast<httplib::Request&>(req), res);
  };
  http.Get(".*", dispatch);
  http.Post(".*", dispatch);
  http.Put(".*", dispatch);
  http.Patch(".*", dispatch);
  http.Delete(".*", dispatch);
  http.Options(".*", dispatch);
  http.set_error_handler(httplib::Server::HandlerWithResponse([&router](httplib::Request const& req,
                                                                       httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    router.Reject(req, res, Error{res.status, -1, DefaultErrorMessage(res.status)});
    return httplib::Server::HandlerResponse::Handled;
  }));
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
