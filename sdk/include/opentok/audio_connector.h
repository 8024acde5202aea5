#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace opentok {

// The WebSocket server that receives a session's audio (Audio Connector).
struct WebSocketOptions {
  std::string uri;                             // ws:// or wss://
  std::vector<std::string> streams;            // stream ids to send; empty: every stream
  std::map<std::string, std::string> headers;  // sent with the WebSocket handshake; at most 512 bytes in all
  std::optional<int> audio_rate;               // 8000, 16000 or 24000 Hz (the service defaults to 8000)
  bool bidirectional = false;                  // the server may send audio back into the session
};

// An Audio Connector connection: `id` is the call, `connection_id` the session connection
// that subscribes to the streams.
struct AudioConnector {
  std::string id;
  std::string connection_id;

  bool operator==(AudioConnector const&) const = default;
};

}  // namespace opentok
