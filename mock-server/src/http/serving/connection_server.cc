#include "connection_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <unordered_map>
#include <vector>

#include "../http_util.h"
#include "../router.h"
#include "response_writer.h"

namespace opentok_mock::http::serving {
namespace {

using Clock = std::chrono::steady_clock;

constexpr std::uint64_t kListenId = 0;
constexpr std::uint64_t kWakeId = 1;
// After a closing answer the socket's write side is shut and what the client still sends
// is read and dropped for this long, so that the client reads the answer instead of a reset.
constexpr auto kLinger = std::chrono::milliseconds(1000);
// How often deadlines are looked at; also the granularity of every timeout.
constexpr auto kScanInterval = std::chrono::milliseconds(50);
// Over-limit connections being answered 503 at once; beyond, they are closed unanswered.
constexpr std::size_t kRejectSlack = 64;

enum class Phase {
  kHandshake, // TLS only: the handshake is under way (request timeout); no HTTP yet
  kIdle,      // no byte of a next request yet: keep-alive timeout
  kReading,   // part of a request: request timeout, then 408
  kBusy,      // a worker owns the connection (not armed in epoll)
  kWriting,   // an answer waits for the socket to drain: write timeout
  kDraining,  // answered and shut for writing: read and drop until EOF or the linger ends
};

struct Connection : std::enable_shared_from_this<Connection> {
  std::uint64_t id = 0;
  std::mutex mutex;
  int fd = -1;  // -1 once closed
  Phase phase = Phase::kIdle;
  Clock::time_point deadline;
  std::string in;
  std::string out;
  std::size_t out_sent = 0;
  bool close_after_write = false;
  bool peer_closed = false;
  bool continue_sent = false;
  bool over_limit = false;
  std::size_t served = 0;
  std::optional<httplib::Request> ready;
  std::string remote_addr;
  int remote_port = -1;
  std::string local_addr;
  int local_port = -1;
  std::unique_ptr<TlsStream> tls;  // null: plain HTTP
  // What the last TLS call needs besides the phase's own direction (a read that has to
  // write first, or a write that has to read): added to the next Arm().
  std::uint32_t tls_wants = 0;
};
using ConnectionPtr = std::shared_ptr<Connection>;

void AddressOf(sockaddr_storage const& addr, std::string& host, int& port) {
  char text[INET6_ADDRSTRLEN] = {};
  if (addr.ss_family == AF_INET) {
    auto const& in = reinterpret_cast<sockaddr_in const&>(addr);
    inet_ntop(AF_INET, &in.sin_addr, text, sizeof text);
    port = ntohs(in.sin_port);
  } else if (addr.ss_family == AF_INET6) {
    auto const& in6 = reinterpret_cast<sockaddr_in6 const&>(addr);
    inet_ntop(AF_INET6, &in6.sin6_addr, text, sizeof text);
    port = ntohs(in6.sin6_port);
  }
  host = text;
}

// OpenSSL writes to the socket with write(), which raises SIGPIPE (by default fatal) when the
// peer has gone, e.g. a client that rejected the certificate mid-handshake. Blocked in the
// threads that write (the I/O thread and the workers), the write fails with EPIPE instead, as
// the plain path's send(MSG_NOSIGNAL) does; the embedding process's own handling is untouched.
void BlockSigpipeInThisThread() {
  sigset_t pipe;
  sigemptyset(&pipe);
  sigaddset(&pipe, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &pipe, nullptr);
}

}  // namespace

std::size_t DefaultMaxConnections() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return 10'000;
  constexpr rlim_t kReserve = 256;
  return limit.rlim_cur > kReserve + 16 ? static_cast<std::size_t>(limit.rlim_cur - kReserve) : 16;
}

struct ConnectionServer::Impl {
  Impl(ConnectionServerOptions opts, Router const& r) : options(std::move(opts)), router(r) {}

  ConnectionServerOptions options;
  Router const& router;
  int listen_fd = -1;
  int epoll_fd = -1;
  int wake_fd = -1;
  std::atomic<bool> stopping{false};
  std::thread io_thread;
  std::vector<std::thread> workers;
  std::atomic<int> busy_workers{0};

  mutable std::mutex connections_mutex;
  std::unordered_map<std::uint64_t, ConnectionPtr> connections;
  std::size_t over_limit_open = 0;
  std::uint64_t next_id = 2;
  bool accept_paused = false;
  Clock::time_point accept_resume;

  std::mutex queue_mutex;
  std::condition_variable queue_cv;
  std::deque<ConnectionPtr> queue;
  std::size_t idle_workers = 0;
  bool workers_stop = false;

  // --- epoll ---------------------------------------------------------------------------

  void Arm(Connection& c, std::uint32_t events) {
    epoll_event ev{};
    ev.events = events | c.tls_wants | EPOLLONESHOT;
    ev.data.u64 = c.id;
    epoll_ctl(epoll_fd, EPOLL_CTL_MOD, c.fd, &ev);
  }

  void Close(Connection& c) {
    if (c.fd < 0) return;
    epoll_ctl(epoll_fd, EPOLL_CTL_DEL, c.fd, nullptr);
    c.tls.reset();
    ::close(c.fd);
    c.fd = -1;
    std::lock_guard lock(connections_mutex);
    if (c.over_limit) --over_limit_open;
    connections.erase(c.id);
  }

  // --- Output ----------------------------------------------------------------------------

  // Sends what is pending; false on a socket error (the connection is then closed).
  bool Flush(Connection& c) {
    c.tls_wants = 0;
    while (c.out_sent < c.out.size()) {
      if (c.tls) {
        auto io = c.tls->Write(c.out.data() + c.out_sent, c.out.size() - c.out_sent);
        if (io.status == TlsStream::Status::kOk) {
          c.out_sent += io.bytes;
          continue;
        }
        if (io.status == TlsStream::Status::kWantWrite) return true;
        if (io.status == TlsStream::Status::kWantRead) {
          c.tls_wants = EPOLLIN;
          return true;
        }
        Close(c);
        return false;
      }
      auto sent = ::send(c.fd, c.out.data() + c.out_sent, c.out.size() - c.out_sent, MSG_NOSIGNAL);
      if (sent > 0) {
        c.out_sent += static_cast<std::size_t>(sent);
      } else if (sent < 0 && errno == EINTR) {
        continue;
      } else if (sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        return true;
      } else {
        Close(c);
        return false;
      }
    }
    c.out.clear();
    c.out_sent = 0;
    return true;
  }

  // Writes what is pending, then goes on with the connection: the next request, waiting for
  // one, or the graceful close. Called by whichever thread owns the connection, locked.
  void WriteThenContinue(Connection& c) {
    if (!Flush(c)) return;
    if (!c.out.empty()) {
      c.phase = Phase::kWriting;
      c.deadline = Clock::now() + options.write_timeout;
      return Arm(c, EPOLLOUT);
    }
    if (c.close_after_write) {
      if (c.tls) c.tls->Shutdown();
      ::shutdown(c.fd, SHUT_WR);
      c.phase = Phase::kDraining;
      c.deadline = Clock::now() + kLinger;
      return Arm(c, EPOLLIN);
    }
    Advance(c);
  }

  // An error answer, then the close. The request is what the parser got (empty before its
  // request line): only a request with a path is journaled.
  void AnswerError(Connection& c, httplib::Request const& req, Error const& error) {
    httplib::Response res;
    if (req.path.empty()) {
      SendError(res, error);
    } else {
      router.Reject(req, res, error);
    }
    c.out += SerializeResponse(req, res, {true, KeepAliveSeconds(), options.keep_alive_max_count});
    c.close_after_write = true;
    WriteThenContinue(c);
  }

  std::time_t KeepAliveSeconds() const {
    return static_cast<std::time_t>(std::chrono::duration_cast<std::chrono::seconds>(options.keep_alive_timeout).count());
  }

  // Looks at the buffered bytes: a complete request goes to a worker, a malformed one is
  // answered, a partial one waits for more. Locked, by the owning thread.
  void Advance(Connection& c) {
    // Bytes OpenSSL has decrypted but not handed over make no epoll event: take them now.
    if (c.tls && c.tls->HasPending() && !Read(c)) return;
    if (c.in.empty()) {
      if (c.peer_closed) return Close(c);
      c.phase = Phase::kIdle;
      c.deadline = Clock::now() + options.keep_alive_timeout;
      return Arm(c, EPOLLIN);
    }
    auto parsed = ParseRequest(c.in, options.limits);
    if (parsed.error()) {
      return AnswerError(c, parsed.request, Error{parsed.status, -1, parsed.message});
    }
    if (parsed.complete()) {
      c.in.erase(0, parsed.consumed);
      c.ready = std::move(parsed.request);
      c.phase = Phase::kBusy;
      c.continue_sent = false;
      Enqueue(c.shared_from_this());
      return;
    }
    if (c.peer_closed) return Close(c);  // half a request and the client is gone
    if (c.phase != Phase::kReading) {
      c.phase = Phase::kReading;
      c.deadline = Clock::now() + options.request_timeout;
    }
    if (parsed.expects_continue && !c.continue_sent) {
      c.continue_sent = true;
      c.out += kContinue;
      if (!Flush(c)) return;
      if (!c.out.empty()) {
        // An interim answer that does not fit the socket buffer: the client is not reading.
        return Close(c);
      }
    }
    Arm(c, EPOLLIN);
  }

  ConnectionPtr Find(std::uint64_t id) {
    std::lock_guard lock(connections_mutex);
    auto it = connections.find(id);
    return it == connections.end() ? nullptr : it->second;
  }

  // --- I/O thread --------------------------------------------------------------------------

  void Accept() {
    while (true) {
      sockaddr_storage addr{};
      socklen_t len = sizeof addr;
      int fd = ::accept4(listen_fd, reinterpret_cast<sockaddr*>(&addr), &len, SOCK_NONBLOCK | SOCK_CLOEXEC);
      if (fd < 0) {
        if (errno == EINTR || errno == ECONNABORTED) continue;
        if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
          // Out of descriptors: stop accepting for a while instead of spinning on the
          // listening socket (the kernel keeps the handshakes queued).
          epoll_event ev{};
          ev.data.u64 = kListenId;
          epoll_ctl(epoll_fd, EPOLL_CTL_MOD, listen_fd, &ev);
          accept_paused = true;
          accept_resume = Clock::now() + std::chrono::milliseconds(100);
        }
        return;
      }
      int yes = 1;
      setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
      auto c = std::make_shared<Connection>();
      c->fd = fd;
      AddressOf(addr, c->remote_addr, c->remote_port);
      sockaddr_storage local{};
      socklen_t local_len = sizeof local;
      if (getsockname(fd, reinterpret_cast<sockaddr*>(&local), &local_len) == 0) {
        AddressOf(local, c->local_addr, c->local_port);
      }
      {
        std::lock_guard lock(connections_mutex);
        std::size_t regular = connections.size() - over_limit_open;
        if (regular >= options.max_connections) {
          if (over_limit_open >= kRejectSlack) {
            ::close(fd);
            continue;
          }
          c->over_limit = true;
          ++over_limit_open;
        }
        c->id = next_id++;
        connections.emplace(c->id, c);
      }
      epoll_event ev{};
      ev.events = EPOLLIN | EPOLLONESHOT;
      ev.data.u64 = c->id;
      std::lock_guard lock(c->mutex);
      c->deadline = Clock::now() + options.keep_alive_timeout;
      if (options.tls) {
        // The client speaks first (its hello); the handshake is bounded like a request.
        c->phase = Phase::kHandshake;
        c->deadline = Clock::now() + options.request_timeout;
        try {
          c->tls = std::make_unique<TlsStream>(*options.tls, fd);
        } catch (std::exception const&) {
          Close(*c);
          continue;
        }
      }
      if (epoll_ctl(epoll_fd, EPOLL_CTL_ADD, fd, &ev) != 0) {
        Close(*c);
        continue;
      }
      if (c->over_limit && !c->tls) RejectOverLimit(*c);
    }
  }

  void RejectOverLimit(Connection& c) {
    AnswerError(c, httplib::Request{},
                Error{503, -1,
                      "Service unavailable. The mock has " + std::to_string(options.max_connections) +
                          " connections open, its limit (--max-connections)."});
  }

  // One step of the TLS handshake; once it is done the connection waits for its first
  // request like a plain one (the client may have sent it already).
  void ContinueHandshake(Connection& c) {
    c.tls_wants = 0;
    switch (c.tls->Handshake()) {
      case TlsStream::Status::kOk: break;
      case TlsStream::Status::kWantRead: return Arm(c, EPOLLIN);
      case TlsStream::Status::kWantWrite: return Arm(c, EPOLLOUT);
      case TlsStream::Status::kClosed:
      case TlsStream::Status::kError: return Close(c);
    }
    c.phase = Phase::kIdle;
    c.deadline = Clock::now() + options.keep_alive_timeout;
    if (c.over_limit) return RejectOverLimit(c);
    if (!Read(c)) return;
    Advance(c);
  }

  // Reads what the socket has; false when the connection was closed on an error.
  bool Read(Connection& c) {
    char buffer[64 * 1024];
    // Enough for any request the parser can accept; beyond, it answers an error anyway.
    std::size_t const cap = options.limits.max_request_line + options.limits.max_header_bytes +
                            options.limits.max_body_bytes + sizeof buffer;
    c.tls_wants = 0;
    while (c.in.size() < cap) {
      if (c.tls) {
        auto io = c.tls->Read(buffer, sizeof buffer);
        switch (io.status) {
          case TlsStream::Status::kOk: c.in.append(buffer, io.bytes); continue;
          case TlsStream::Status::kWantRead: return true;
          case TlsStream::Status::kWantWrite: c.tls_wants = EPOLLOUT; return true;
          case TlsStream::Status::kClosed: c.peer_closed = true; return true;
          case TlsStream::Status::kError: Close(c); return false;
        }
      }
      auto got = ::recv(c.fd, buffer, sizeof buffer, 0);
      if (got > 0) {
        c.in.append(buffer, static_cast<std::size_t>(got));
        continue;
      }
      if (got == 0) {
        c.peer_closed = true;
        return true;
      }
      if (errno == EINTR) continue;
      if (errno == EAGAIN || errno == EWOULDBLOCK) return true;
      Close(c);
      return false;
    }
    return true;
  }

  void OnEvent(std::uint64_t id, std::uint32_t events) {
    auto c = Find(id);
    if (!c) return;
    std::lock_guard lock(c->mutex);
    if (c->fd < 0 || c->phase == Phase::kBusy) return;
    if (c->phase == Phase::kHandshake) return ContinueHandshake(*c);
    if (c->phase == Phase::kDraining) {
      char sink[16 * 1024];
      while (true) {
        auto got = ::recv(c->fd, sink, sizeof sink, 0);
        if (got > 0) continue;
        if (got < 0 && errno == EINTR) continue;
        if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return Arm(*c, EPOLLIN);
        return Close(*c);
      }
    }
    if (c->phase == Phase::kWriting) {
      if ((events & (EPOLLERR | EPOLLHUP)) != 0 && (events & EPOLLOUT) == 0) return Close(*c);
      return WriteThenContinue(*c);
    }
    if (!Read(*c)) return;
    if (c->over_limit) return Arm(*c, EPOLLIN);  // its 503 is on its way; nothing else is served
    Advance(*c);
  }

  void CheckDeadlines() {
    auto now = Clock::now();
    if (accept_paused && now >= accept_resume) {
      epoll_event ev{};
      ev.events = EPOLLIN;
      ev.data.u64 = kListenId;
      epoll_ctl(epoll_fd, EPOLL_CTL_MOD, listen_fd, &ev);
      accept_paused = false;
    }
    std::vector<ConnectionPtr> all;
    {
      std::lock_guard lock(connections_mutex);
      all.reserve(connections.size());
      for (auto const& [id, c] : connections) all.push_back(c);
    }
    for (auto const& c : all) {
      std::lock_guard lock(c->mutex);
      if (c->fd < 0 || c->phase == Phase::kBusy || now < c->deadline) continue;
      if (c->phase == Phase::kReading) {
        // Take the connection back from epoll first: a read must not race the answer.
        epoll_event ev{};
        ev.data.u64 = c->id;
        epoll_ctl(epoll_fd, EPOLL_CTL_MOD, c->fd, &ev);
        auto partial = ParseRequest(c->in, options.limits).request;
        c->in.clear();
        AnswerError(*c, partial,
                    Error{408, -1,
                          "Request timeout. The request did not arrive within " +
                              std::to_string(options.request_timeout.count()) + " ms."});
      } else {
        Close(*c);
      }
    }
  }

  bool HasConnections() {
    std::lock_guard lock(connections_mutex);
    return !connections.empty();
  }

  void IoLoop() {
    BlockSigpipeInThisThread();
    std::vector<epoll_event> events(256);
    auto next_check = Clock::now() + kScanInterval;
    while (!stopping) {
      int timeout = HasConnections() || accept_paused ? static_cast<int>(kScanInterval.count()) : -1;
      int n = epoll_wait(epoll_fd, events.data(), static_cast<int>(events.size()), timeout);
      for (int i = 0; i < n; ++i) {
        auto id = events[i].data.u64;
        if (id == kListenId) {
          Accept();
        } else if (id == kWakeId) {
          std::uint64_t value = 0;
          [[maybe_unused]] auto ignored = ::read(wake_fd, &value, sizeof value);
        } else {
          OnEvent(id, events[i].events);
        }
      }
      if (auto now = Clock::now(); now >= next_check) {
        CheckDeadlines();
        next_check = now + kScanInterval;
      }
    }
  }

  // --- Workers -------------------------------------------------------------------------------

  // Workers start when work needs them, up to options.threads: a server that is started and
  // stopped without much traffic (a test's) pays for a few threads, not for the whole pool.
  void Enqueue(ConnectionPtr c) {
    {
      std::lock_guard lock(queue_mutex);
      if (workers_stop) return;
      queue.push_back(std::move(c));
      if (queue.size() > idle_workers && workers.size() < static_cast<std::size_t>(options.threads)) {
        workers.emplace_back([this] { WorkerLoop(); });
      }
    }
    queue_cv.notify_one();
  }

  void Serve(Connection& c) {
    httplib::Request req;
    {
      std::lock_guard lock(c.mutex);
      if (c.fd < 0 || !c.ready) return;
      req = std::move(*c.ready);
      c.ready.reset();
      req.remote_addr = c.remote_addr;
      req.remote_port = c.remote_port;
      req.local_addr = c.local_addr;
      req.local_port = c.local_port;
    }
    httplib::Response res;
    ++busy_workers;
    auto delivery = router.Dispatch(req, res);
    --busy_workers;
    std::lock_guard lock(c.mutex);
    if (c.fd < 0) return;
    ++c.served;
    // A fault's close or truncated answer ends the connection the graceful way (shut for
    // writing, then drained), so that the client sees an EOF where the answer should be.
    bool keep = delivery == Delivery::kAnswer && WantsKeepAlive(req) && c.served < options.keep_alive_max_count &&
                !stopping;
    if (delivery != Delivery::kClose) {
      auto wire = SerializeResponse(req, res, {!keep, KeepAliveSeconds(), options.keep_alive_max_count});
      if (delivery == Delivery::kTruncate) TruncateBody(wire, req, res);
      c.out += wire;
    }
    if (!keep) c.close_after_write = true;
    WriteThenContinue(c);
  }

  void WorkerLoop() {
    BlockSigpipeInThisThread();
    while (true) {
      ConnectionPtr c;
      {
        std::unique_lock lock(queue_mutex);
        ++idle_workers;
        queue_cv.wait(lock, [this] { return workers_stop || !queue.empty(); });
        --idle_workers;
        if (workers_stop) return;
        c = std::move(queue.front());
        queue.pop_front();
      }
      if (c) Serve(*c);
    }
  }
};

ConnectionServer::ConnectionServer(ConnectionServerOptions options, Router const& router)
    : impl_(std::make_unique<Impl>(std::move(options), router)) {
  if (impl_->options.threads < 1) throw std::invalid_argument("MockServer: threads must be at least 1");
}

ConnectionServer::~ConnectionServer() {
  Stop();
  auto& impl = *impl_;
  for (int fd : {impl.listen_fd, impl.epoll_fd, impl.wake_fd}) {
    if (fd >= 0) ::close(fd);
  }
}

int ConnectionServer::Listen(std::string const& host, int port) {
  auto& impl = *impl_;
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  if (getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found) != 0) {
    throw std::runtime_error("MockServer: cannot resolve " + host);
  }
  std::string error = "no address";
  for (auto* ai = found; ai != nullptr && impl.listen_fd < 0; ai = ai->ai_next) {
    int fd = ::socket(ai->ai_family, ai->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, ai->ai_protocol);
    if (fd < 0) continue;
    // SO_REUSEADDR only (restart over TIME_WAIT); SO_REUSEPORT would let a second server
    // share a port in use and silently split its traffic.
    int yes = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    if (::bind(fd, ai->ai_addr, ai->ai_addrlen) == 0 && ::listen(fd, SOMAXCONN) == 0) {
      impl.listen_fd = fd;
    } else {
      error = std::strerror(errno);
      ::close(fd);
    }
  }
  freeaddrinfo(found);
  if (impl.listen_fd < 0) {
    throw std::runtime_error("MockServer: cannot bind " + host + ":" + std::to_string(port) + ": " + error);
  }
  sockaddr_storage bound{};
  socklen_t len = sizeof bound;
  getsockname(impl.listen_fd, reinterpret_cast<sockaddr*>(&bound), &len);
  std::string ignored;
  int bound_port = 0;
  AddressOf(bound, ignored, bound_port);
  return bound_port;
}

void ConnectionServer::Start() {
  auto& impl = *impl_;
  if (impl.listen_fd < 0) throw std::logic_error("ConnectionServer: Start() before Listen()");
  impl.epoll_fd = epoll_create1(EPOLL_CLOEXEC);
  impl.wake_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (impl.epoll_fd < 0 || impl.wake_fd < 0) throw std::runtime_error("MockServer: cannot create epoll/eventfd");
  epoll_event ev{};
  ev.events = EPOLLIN;
  ev.data.u64 = kListenId;
  epoll_ctl(impl.epoll_fd, EPOLL_CTL_ADD, impl.listen_fd, &ev);
  ev.data.u64 = kWakeId;
  epoll_ctl(impl.epoll_fd, EPOLL_CTL_ADD, impl.wake_fd, &ev);
  impl.io_thread = std::thread([&impl] { impl.IoLoop(); });
}

void ConnectionServer::Stop() {
  auto& impl = *impl_;
  if (!impl.io_thread.joinable()) return;
  impl.stopping = true;
  std::uint64_t one = 1;
  [[maybe_unused]] auto ignored = ::write(impl.wake_fd, &one, sizeof one);
  impl.io_thread.join();
  // No new connection from here on: a client sees the port closed.
  epoll_ctl(impl.epoll_fd, EPOLL_CTL_DEL, impl.listen_fd, nullptr);
  ::close(impl.listen_fd);
  impl.listen_fd = -1;
  std::vector<std::thread> workers;
  {
    std::lock_guard lock(impl.queue_mutex);
    impl.workers_stop = true;  // no worker starts from here on
    workers.swap(impl.workers);
  }
  impl.queue_cv.notify_all();
  for (auto& worker : workers) worker.join();  // running handlers finish first
  std::vector<ConnectionPtr> all;
  {
    std::lock_guard lock(impl.connections_mutex);
    for (auto const& [id, c] : impl.connections) all.push_back(c);
  }
  for (auto const& c : all) {
    std::lock_guard lock(c->mutex);
    impl.Close(*c);
  }
}

std::size_t ConnectionServer::OpenConnections() const {
  std::lock_guard lock(impl_->connections_mutex);
  return impl_->connections.size();
}

int ConnectionServer::BusyWorkers() const { return impl_->busy_workers.load(); }

}  // namespace opentok_mock::http::serving
