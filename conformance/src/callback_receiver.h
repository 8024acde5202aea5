#pragma once

#include <nlohmann/json.hpp>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace httplib {
class Server;
}

namespace opentok::conformance {

// One request the endpoint under test made to the suite's receiver.
struct ReceivedCallback {
  std::string method;
  std::string path;
  std::string content_type;
  std::string body;
  nlohmann::json json;  // the parsed body; discarded (null) when the body is not JSON
};

// The suite's own webhook receiver: a loopback HTTP server (or the address given for a live
// run) that records every request and answers 200. Checks give the endpoint a URL with a path
// of their own and wait, with a deadline, until what they expect has arrived.
class CallbackReceiver {
 public:
  // Listens on `host`:`port` (0: an ephemeral port) and returns once it accepts connections;
  // throws std::runtime_error when it cannot bind.
  explicit CallbackReceiver(std::string host = "127.0.0.1", int port = 0);
  ~CallbackReceiver();
  CallbackReceiver(CallbackReceiver const&) = delete;
  CallbackReceiver& operator=(CallbackReceiver const&) = delete;

  // "http://HOST:PORT" + path, the URL a mock posts to.
  std::string LocalUrl(std::string const& path) const;

  using Predicate = std::function<bool(std::vector<ReceivedCallback> const&)>;
  // The requests received on `path` (empty: on any path), once `done` holds for them or `timeout` passed
  // (then the caller's checks report what is missing).
  std::vector<ReceivedCallback> WaitFor(std::string const& path, Predicate const& done,
                                        std::chrono::milliseconds timeout) const;
  std::vector<ReceivedCallback> ReceivedOn(std::string const& path) const;

 private:
  std::vector<ReceivedCallback> OnPathLocked(std::string const& path) const;  // mu_ held

  std::string host_;
  int port_ = 0;
  std::unique_ptr<httplib::Server> server_;
  std::thread listener_;
  mutable std::mutex mu_;
  mutable std::condition_variable arrived_;
  std::vector<ReceivedCallback> received_;
};

// The receiver of this run, started on first use: on a mock, on 127.0.0.1; on live, on
// OPENTOK_CONFORMANCE_CALLBACK_LISTEN (HOST:PORT) when OPENTOK_CONFORMANCE_CALLBACK_URL (the
// public URL that reaches it) is set, else nullptr with `*why` saying so.
CallbackReceiver* SuiteReceiver(std::string* why);

}  // namespace opentok::conformance
