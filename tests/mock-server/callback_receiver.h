#pragma once

// A webhook receiver for callback tests: a cpp-httplib server on 127.0.0.1 (ephemeral port)
// that records every POST per path, answers with scripted statuses, and can hold requests
// until released. Readiness is explicit: the constructor returns once it accepts
// connections; HangingCount()/WaitForHanging() say when a request is being held.

#include <gtest/gtest.h>
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace opentok_mock::testing {

class CallbackReceiver {
 public:
  struct Request {
    std::string body;
    std::string content_type;
  };

  CallbackReceiver() {
    server_.new_task_queue = [] { return new httplib::ThreadPool(8); };
    server_.set_tcp_nodelay(true);
    server_.Post(".*", [this](httplib::Request const& req, httplib::Response& res) { Handle(req, res); });
    port_ = server_.bind_to_any_port("127.0.0.1");
    if (port_ <= 0) throw std::runtime_error("CallbackReceiver: cannot bind");
    listener_ = std::thread([this] {
      server_.listen_after_bind();
      listener_exited_ = true;
    });
    while (!server_.is_running() && !listener_exited_) std::this_thread::yield();
    if (!server_.is_running()) {
      listener_.join();
      throw std::runtime_error("CallbackReceiver: the listener stopped at start-up");
    }
  }

  ~CallbackReceiver() {
    Release();
    server_.stop();
    listener_.join();
  }

  int port() const { return port_; }
  std::string Url(std::string const& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }

  // The next requests to `path` get these statuses, in order; later ones get 200.
  void Script(std::string const& path, std::vector<int> statuses) {
    std::lock_guard lock(mutex_);
    auto& script = scripts_[path];
    script.insert(script.end(), statuses.begin(), statuses.end());
  }

  // Requests to `path` are held (after being recorded) until Release().
  void HoldRequests(std::string const& path) {
    std::lock_guard lock(mutex_);
    held_paths_.push_back(path);
  }
  void Release() {
    std::lock_guard lock(mutex_);
    held_paths_.clear();
    cv_.notify_all();
  }
  // Waits until `count` requests are being held (true) or `timeout` passed (false).
  bool WaitForHanging(std::size_t count, std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
    std::unique_lock lock(mutex_);
    return cv_.wait_for(lock, timeout, [&] { return hanging_ >= count; });
  }

  // Waits until `path` received `count` requests; returns what it received.
  std::vector<Request> WaitForRequests(std::string const& path, std::size_t count,
                                       std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
    std::unique_lock lock(mutex_);
    cv_.wait_for(lock, timeout, [&] { return received_[path].size() >= count; });
    return received_[path];
  }
  std::vector<Request> Received(std::string const& path) {
    std::lock_guard lock(mutex_);
    return received_[path];
  }

 private:
  void Handle(httplib::Request const& req, httplib::Response& res) {
    std::unique_lock lock(mutex_);
    received_[req.path].push_back({req.body, req.get_header_value("Content-Type")});
    cv_.notify_all();
    auto held = [&] { return std::find(held_paths_.begin(), held_paths_.end(), req.path) != held_paths_.end(); };
    if (held()) {
      ++hanging_;
      cv_.notify_all();
      cv_.wait(lock, [&] { return !held(); });
      --hanging_;
    }
    int status = 200;
    if (auto& script = scripts_[req.path]; !script.empty()) {
      status = script.front();
      script.pop_front();
    }
    res.status = status;
    res.set_content("{}", "application/json");
  }

  httplib::Server server_;
  std::thread listener_;
  std::atomic<bool> listener_exited_{false};
  int port_ = 0;
  std::mutex mutex_;
  std::condition_variable cv_;
  std::map<std::string, std::vector<Request>> received_;
  std::map<std::string, std::deque<int>> scripts_;
  std::vector<std::string> held_paths_;
  std::size_t hanging_ = 0;
};

}  // namespace opentok_mock::testing
