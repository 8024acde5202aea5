#include "callback_receiver.h"

#include <httplib.h>

#include <cstdlib>
#include <stdexcept>

namespace opentok::conformance {

CallbackReceiver::CallbackReceiver(std::string host, int port)
    : host_(std::move(host)), server_(std::make_unique<httplib::Server>()) {
  auto& http = *server_;
  // A few workers are plenty (the endpoint posts one callback at a time per URL); TCP_NODELAY
  // so that keep-alive posts are not held back by delayed ACKs.
  http.new_task_queue = [] { return new httplib::ThreadPool(4); };
  http.set_tcp_nodelay(true);
  http.set_read_timeout(5, 0);
  http.set_write_timeout(5, 0);
  http.set_payload_max_length(1 << 20);
  auto record = [this](httplib::Request const& request, httplib::Response& response) {
    ReceivedCallback callback{request.method, request.path, request.get_header_value("Content-Type"), request.body,
                              nlohmann::json::parse(request.body, nullptr, false)};
    if (callback.json.is_discarded()) callback.json = nullptr;
    {
      std::lock_guard lock(mu_);
      received_.push_back(std::move(callback));
    }
    arrived_.notify_all();
    response.status = 200;
  };
  http.Post(R"(/.*)", record);
  http.Put(R"(/.*)", record);
  port_ = port == 0 ? http.bind_to_any_port(host_) : (http.bind_to_port(host_, port) ? port : -1);
  if (port_ < 0) throw std::runtime_error("callback receiver: cannot bind " + host_ + ":" + std::to_string(port));
  listener_ = std::thread([&http] { http.listen_after_bind(); });
  // cpp-httplib 0.11.4 has no wait_until_ready(); listen_after_bind() sets is_running() first
  // thing, and stop() is a no-op before that.
  while (!http.is_running()) std::this_thread::yield();
}

CallbackReceiver::~CallbackReceiver() {
  server_->stop();
  listener_.join();
}

std::string CallbackReceiver::LocalUrl(std::string const& path) const {
  return "http://" + host_ + ":" + std::to_string(port_) + path;
}

std::vector<ReceivedCallback> CallbackReceiver::OnPathLocked(std::string const& path) const {
  std::vector<ReceivedCallback> out;
  for (auto const& callback : received_) {
    if (path.empty() || callback.path == path) out.push_back(callback);
  }
  return out;
}

std::vector<ReceivedCallback> CallbackReceiver::ReceivedOn(std::string const& path) const {
  std::lock_guard lock(mu_);
  return OnPathLocked(path);
}

std::vector<ReceivedCallback> CallbackReceiver::WaitFor(std::string const& path, Predicate const& done,
                                                        std::chrono::milliseconds timeout) const {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  std::unique_lock lock(mu_);
  auto seen = OnPathLocked(path);
  while (!done(seen) && arrived_.wait_until(lock, deadline) != std::cv_status::timeout) seen = OnPathLocked(path);
  return OnPathLocked(path);
}

CallbackReceiver* SuiteReceiver(std::string* why) {
  static std::unique_ptr<CallbackReceiver> receiver;
  static std::string problem;
  static std::once_flag once;
  std::call_once(once, [] {
    char const* live_url = std::getenv("OPENTOK_CONFORMANCE_CALLBACK_URL");
    char const* listen = std::getenv("OPENTOK_CONFORMANCE_CALLBACK_LISTEN");
    try {
      if (live_url == nullptr || *live_url == '\0') {
        receiver = std::make_unique<CallbackReceiver>();
        return;
      }
      std::string address = listen != nullptr ? listen : "";
      auto colon = address.rfind(':');
      if (colon == std::string::npos) {
        problem = "OPENTOK_CONFORMANCE_CALLBACK_URL is set but OPENTOK_CONFORMANCE_CALLBACK_LISTEN (HOST:PORT) is not";
        return;
      }
      receiver = std::make_unique<CallbackReceiver>(address.substr(0, colon), std::stoi(address.substr(colon + 1)));
    } catch (std::exception const& e) {
      problem = e.what();
    }
  });
  if (receiver == nullptr && why != nullptr) *why = problem;
  return receiver.get();
}

}  // namespace opentok::conformance
