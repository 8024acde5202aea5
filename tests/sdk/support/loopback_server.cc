#include "loopback_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <stdexcept>

namespace opentok::testing_util {
namespace {

constexpr char kProbePath[] = "/__loopback_ready";

// A socket bound to 127.0.0.1 on an OS-chosen port; returns the fd and sets `port`.
int BindLoopback(int& port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) throw std::runtime_error("socket() failed");
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof(addr);
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    ::close(fd);
    throw std::runtime_error("bind() on 127.0.0.1 failed");
  }
  port = ntohs(addr.sin_port);
  return fd;
}

}  // namespace

LoopbackServer::LoopbackServer(Routes routes, int threads, std::optional<TlsFiles> tls) : tls_(tls.has_value()) {
  if (tls) {
    server_ = std::make_unique<httplib::SSLServer>(tls->cert_path.c_str(), tls->key_path.c_str());
  } else {
    server_ = std::make_unique<httplib::Server>();
  }
  if (!server_->is_valid()) throw std::runtime_error("LoopbackServer: invalid server (TLS files?)");
  server_->new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<std::size_t>(threads)); };
  server_->set_tcp_nodelay(true);
  server_->set_keep_alive_max_count(100000);
  server_->set_keep_alive_timeout(2);
  server_->Get(kProbePath, [](httplib::Request const&, httplib::Response& res) { res.set_content("ready", "text/plain"); });
  routes(*server_);
  port_ = server_->bind_to_any_port("127.0.0.1");
  if (port_ < 0) throw std::runtime_error("LoopbackServer: bind failed");
  thread_ = std::thread([this] { server_->listen_after_bind(); });
  // The socket already listens, so this request waits in the backlog until the accept
  // loop runs; if listen_after_bind failed, the socket is closed and the probe fails.
  httplib::Client probe(url());
  probe.enable_server_certificate_verification(false);  // readiness only
  probe.set_connection_timeout(std::chrono::seconds(10));
  probe.set_read_timeout(std::chrono::seconds(10));
  auto result = probe.Get(kProbePath);
  if (!result || result->status != 200) {
    server_->stop();
    thread_.join();
    throw std::runtime_error("LoopbackServer: server did not become ready");
  }
}

LoopbackServer::~LoopbackServer() {
  server_->stop();
  thread_.join();
}

// Assigned in the body: port_'s default member initialiser would run after fd_'s.
RefusingPort::RefusingPort() { fd_ = BindLoopback(port_); }
RefusingPort::~RefusingPort() { ::close(fd_); }

SilentListener::SilentListener() {
  fd_ = BindLoopback(port_);
  if (::listen(fd_, 16) != 0) {
    ::close(fd_);
    throw std::runtime_error("listen() failed");
  }
}
SilentListener::~SilentListener() { ::close(fd_); }

}  // namespace opentok::testing_util
