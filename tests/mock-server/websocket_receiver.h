#pragma once

// A WebSocket server on 127.0.0.1 for the Audio Connector tests: it plays the customer's
// receiver, records what arrives (the upgrade request, every message with its arrival time,
// the close code) and lets a test wait for each of those. Built on websocketpp as C++17 like
// the mock's client; this header is plain C++ so C++20 tests include it.

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace opentok_mock::testing {

struct ReceivedMessage {
  bool binary = false;
  std::string payload;
  std::chrono::steady_clock::time_point at;
};

struct WebSocketReceiverOptions {
  // false: accept TCP connections and never answer the upgrade request (a receiver that
  // hangs), instead of being a WebSocket server.
  bool answer_handshake = true;
  // Once a connection opens, send this many binary messages of `send_back_bytes` each
  // (what a bidirectional receiver sends into the session).
  int send_back_messages = 0;
  std::size_t send_back_bytes = 0;
  // Then close the connection with this code (a receiver that hangs up).
  std::optional<int> close_after_open;
};

class WebSocketReceiver {
 public:
  explicit WebSocketReceiver(WebSocketReceiverOptions options = {});  // listening on return
  ~WebSocketReceiver();
  WebSocketReceiver(WebSocketReceiver const&) = delete;
  WebSocketReceiver& operator=(WebSocketReceiver const&) = delete;

  int port() const;
  // "ws://127.0.0.1:PORT" + path
  std::string Url(std::string const& path = "/audio") const;

  // Each returns true once the condition holds, false if it did not within `timeout`.
  bool WaitForTcpConnections(int count, std::chrono::milliseconds timeout) const;
  bool WaitForOpen(std::chrono::milliseconds timeout) const;
  bool WaitForMessages(std::size_t count, std::chrono::milliseconds timeout) const;
  bool WaitForClose(std::chrono::milliseconds timeout) const;

  int TcpConnections() const;  // accepted TCP connections so far
  // The upgrade request of the first WebSocket connection: its resource (path and query)
  // and its headers (names as sent).
  std::string Resource() const;
  std::optional<std::string> Header(std::string const& name) const;
  std::vector<ReceivedMessage> Messages() const;
  // How the first WebSocket connection ended: the close code of the client's closing
  // handshake, 1006 when it dropped without one; nullopt while it is open.
  std::optional<int> CloseCode() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace opentok_mock::testing
