#pragma once

// The records of the media services that join a session on the service's side: live
// captions, Experience Composer renders and Audio Connector WebSockets.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace opentok_mock {

// Wire names "started", "paused", "stopped", "failed" (the Node SDK's captions status).
enum class CaptionsStatus { kStarted, kPaused, kStopped, kFailed };
// Wire names "starting", "started", "stopped", "failed".
enum class RenderStatus { kStarting, kStarted, kStopped, kFailed };

std::string_view ToString(CaptionsStatus value);
std::string_view ToString(RenderStatus value);

// --- Live captions -----------------------------------------------------------------------

// The body of POST /v2/project/{key}/captions, already type-checked.
struct StartCaptionsRequest {
  std::string session_id;
  std::string token;  // a client token of the session
  std::string language_code;                   // empty: en-US
  std::optional<std::int64_t> max_duration_s;  // nullopt: the default (14400)
  bool partial_captions = true;
  std::string status_callback_url;  // empty: none
};

// A session's live captions, as GET .../captions/{id} shows them.
struct Captions {
  std::string id;
  std::string session_id;
  std::string api_key;
  CaptionsStatus status = CaptionsStatus::kStarted;
  std::int64_t created_at_ms = 0;
  std::int64_t updated_at_ms = 0;
  std::int64_t duration_s = 0;  // captioned time: up to now while started, in all once ended
  std::string language_code;
  std::int64_t max_duration_s = 0;
  bool partial_captions = true;
  std::string status_callback_url;
  std::string reason;  // once stopped or failed
};

// --- Experience Composer renders ---------------------------------------------------------

// The body of POST /v2/project/{key}/render, already type-checked.
struct StartRenderRequest {
  std::string session_id;
  std::string token;  // a client token of the session with a role that may publish
  std::string url;    // the page to render
  std::optional<std::int64_t> max_duration_s;  // nullopt: the default (7200)
  std::string resolution;                      // empty: 1280x720
  std::optional<std::string> name;             // properties.name: the composed stream's name
  std::string status_callback_url;             // empty: none
};

// A render as the REST API shows it; `connection_id` (the render's connection while
// started) is shown by the control plane only.
struct Render {
  std::string id;
  std::string session_id;
  std::string api_key;
  std::int64_t created_at_ms = 0;
  std::int64_t updated_at_ms = 0;
  std::string url;
  std::string resolution;
  RenderStatus status = RenderStatus::kStarting;
  std::int64_t max_duration_s = 0;
  std::string stream_id;  // once started
  std::string connection_id;
  std::string reason;  // once stopped or failed
  std::optional<std::string> name;
  std::string callback_url;
};

struct RenderPage {
  std::int64_t total = 0;
  std::vector<Render> items;
};

// --- Audio Connector ---------------------------------------------------------------------

// The body of POST /v2/project/{key}/connect, already type-checked.
struct ConnectAudioRequest {
  std::string session_id;
  std::string token;  // a client token of the session
  std::string uri;    // ws:// or wss://
  std::vector<std::string> streams;  // empty: every stream of the session, also later ones
  std::vector<std::pair<std::string, std::string>> headers;
  std::optional<std::int64_t> audio_rate;  // nullopt: 8000
  bool bidirectional = false;
};

// What the mock's WebSocket client made of a call (the HTTP layer's Audio Connector streamer
// reports it; the core alone leaves it "pending"). States: "pending" (not taken up yet),
// "notContacted" (a wss:// URI or a host the outbound policy refuses: never contacted),
// "connecting" (opening handshake under way), "streaming" (open), "failed" (no WebSocket
// could be opened, or it dropped), "closed" (closed by the mock or by the receiver).
struct AudioConnectorLink {
  std::string state = "pending";
  std::int64_t frames_sent = 0;  // binary audio messages to the receiver
  std::int64_t bytes_sent = 0;
  std::int64_t frames_received = 0;  // binary messages from a bidirectional receiver
  std::int64_t bytes_received = 0;
  std::string error;  // why it failed or was not contacted (never a header value)
};

// An Audio Connector call: its session connection (kind websocket) subscribes to the
// requested streams, or to every stream when none were requested.
struct AudioConnector {
  std::string id;
  std::string connection_id;
  std::string session_id;
  std::string api_key;
  std::string uri;
  std::vector<std::string> requested_streams;
  std::vector<std::string> header_names;  // never the values: they often hold credentials
  std::int64_t audio_rate = 0;
  bool bidirectional = false;
  std::int64_t created_at_ms = 0;
  bool connected = true;  // false once it was stopped or its connection left
  std::int64_t ended_at_ms = 0;
  std::vector<std::string> subscribed_stream_ids;  // while connected
  AudioConnectorLink link;
};

}  // namespace opentok_mock
