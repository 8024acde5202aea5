#pragma once

// An RFC 6455 WebSocket client (ws:// only) on one I/O thread, behind an interface free of
// websocketpp and asio types. websocketpp 0.8.2 does not compile as C++20, so its
// translation units build as C++17 in their own library; this header is plain C++17 so the
// rest of the mock (C++20) can include it.
//
// Every handler runs on the client's I/O thread, one at a time. The other member functions
// may be called from any thread (they hand the work to the I/O thread); calls naming a link
// that has ended do nothing.

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace opentok_mock::websocket {

using Headers = std::vector<std::pair<std::string, std::string>>;
using LinkId = std::uint64_t;

struct LinkHandlers {
  // The opening handshake completed (101 Switching Protocols).
  std::function<void()> on_open;
  // The link never opened: a bad URI, a refused connection, a handshake that was refused or
  // did not complete in time. `error` says which, in words (never a header value).
  std::function<void(std::string const& error)> on_fail;
  // A message from the peer.
  std::function<void(bool binary, std::string const& payload)> on_message;
  // An open link ended: `code` is the close code of the closing handshake (1000 for a clean
  // close either side started), 1006 when the connection dropped without one.
  std::function<void(int code)> on_close;
};

class Client {
 public:
  Client();   // starts the I/O thread
  ~Client();  // closes open links (1001 going away; at most about a second), then joins
  Client(Client const&) = delete;
  Client& operator=(Client const&) = delete;

  // Connects to `uri` (ws://host:port/path) sending `headers` with the upgrade request. The
  // link fails when the handshake has not completed within `handshake_timeout`.
  LinkId Open(std::string uri, Headers headers, std::chrono::milliseconds handshake_timeout, LinkHandlers handlers);
  void SendText(LinkId link, std::string text);
  void SendBinary(LinkId link, std::string bytes);
  // Starts the closing handshake with `code` (1000: normal closure); on_close follows. A link
  // that is still connecting is abandoned instead (on_fail follows).
  void Close(LinkId link, int code);
  // Calls `tick` on the I/O thread every `period`, the first one `period` from now, until the
  // link ends. Deadlines are start + n * period, so a late tick does not delay the next ones.
  void Every(LinkId link, std::chrono::microseconds period, std::function<void()> tick);
  // Runs `work` on the I/O thread (after what was handed over before it), so that a user's
  // own state can live on that thread with the handlers.
  void Post(std::function<void()> work);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace opentok_mock::websocket
