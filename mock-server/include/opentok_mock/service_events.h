#pragma once

// What happened in the service, in the order it happened: the status changes of archives,
// broadcasts, renders, captions and SIP calls, session monitoring (sessions, connections and
// streams coming and going) and Audio Connector WebSockets connecting and ending. The core
// emits each once, stamped with mock time, wherever it happens (a REST call, a control-plane
// call, a timer); callbacks, the Audio Connector's WebSocket streamer and in-process tests
// consume the same events.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "opentok_mock/media_model.h"
#include "opentok_mock/model.h"
#include "opentok_mock/session_control.h"

namespace opentok_mock {

// The groups a project sets a callback URL for. Wire names (control plane, flags):
// "archive", "broadcast", "render", "captions", "sessionMonitoring", "sip".
enum class CallbackGroup { kArchive, kBroadcast, kRender, kCaptions, kSessionMonitoring, kSip };
std::string_view ToString(CallbackGroup value);
std::optional<CallbackGroup> ParseCallbackGroup(std::string_view wire_name);
inline constexpr CallbackGroup kAllCallbackGroups[] = {CallbackGroup::kArchive,  CallbackGroup::kBroadcast,
                                                       CallbackGroup::kRender,   CallbackGroup::kCaptions,
                                                       CallbackGroup::kSessionMonitoring, CallbackGroup::kSip};

// Session monitoring. Wire event names: "sessionCreated" (the first client joined),
// "sessionDestroyed" (the last client left), "connectionCreated", "connectionDestroyed",
// "streamCreated", "streamDestroyed".
enum class MonitoringEventKind {
  kSessionCreated,
  kSessionDestroyed,
  kConnectionCreated,
  kConnectionDestroyed,
  kStreamCreated,
  kStreamDestroyed,
};
std::string_view ToString(MonitoringEventKind value);

// Why a stream went away. Wire names "clientDisconnected", "forceDisconnected",
// "forceUnpublished", "mediaStopped", "networkDisconnected".
enum class StreamEndReason { kClientDisconnected, kForceDisconnected, kForceUnpublished, kMediaStopped, kNetworkDisconnected };
std::string_view ToString(StreamEndReason value);

struct MonitoringEvent {
  MonitoringEventKind kind = MonitoringEventKind::kSessionCreated;
  std::string session_id;
  std::optional<Connection> connection;  // connection and stream events (a stream's publisher)
  std::optional<Stream> stream;          // stream events
  // connectionDestroyed: why it left; streamDestroyed: see stream_reason.
  std::optional<DisconnectReason> connection_reason;
  std::optional<StreamEndReason> stream_reason;
};

// A SIP call's progress. Wire event names "callCreated" (dialled, joined the session) and
// "callDestroyed" (hung up, force-disconnected or the session ended).
enum class SipCallEventKind { kCallCreated, kCallDestroyed };
std::string_view ToString(SipCallEventKind value);

struct SipCallEvent {
  SipCallEventKind kind = SipCallEventKind::kCallCreated;
  SipCall call;
  std::optional<DisconnectReason> reason;  // callDestroyed
};

// An Audio Connector WebSocket connected (the REST call) or ended (stopped, or its connection
// left the session). `headers` are the request's WebSocket headers with their values: only
// the in-process WebSocket streamer reads them; they are never logged nor served.
struct AudioConnectorEvent {
  AudioConnector call;
  std::vector<std::pair<std::string, std::string>> headers;
};

using ServiceEventPayload =
    std::variant<Archive, Broadcast, Render, Captions, MonitoringEvent, SipCallEvent, AudioConnectorEvent>;

struct ServiceEvent {
  std::uint64_t sequence = 0;  // 1, 2, 3, ... in emission order (Reset does not restart it)
  std::string api_key;         // the project or application that owns it
  std::int64_t at_ms = 0;      // mock time of the change (a timer's event carries its due time)
  ServiceEventPayload payload;
  // Where callbacks for it go, resolved when it happened: the request's statusCallbackUrl
  // (renders, captions), the project's URL for the event's group, and the legacy REST
  // registrations that match it; each URL once, in that order. Empty: no callback.
  std::vector<std::string> callback_urls;
};

// The event's group (nullopt for Audio Connector events, which have no callback) and its
// wire `event` name ("archive", "broadcast", "render", "captions", a monitoring or SIP
// event name, or "audioConnector").
std::optional<CallbackGroup> GroupOf(ServiceEvent const& event);
std::string_view EventName(ServiceEvent const& event);

// Subscribers run synchronously under the service's write lock, in subscription order, for
// every event in order. They must be quick and must not call back into the service: hand the
// event to another thread (the callback dispatcher's queue, the WebSocket streamer's).
using ServiceEventSubscriber = std::function<void(ServiceEvent const&)>;

// A legacy REST callback registration (POST /v2/project/{key}/callback, the Node SDK's
// registerCallback): group "archive" event "status"; groups "connection" and "stream" events
// "created" and "destroyed" (the Java SDK's CallbackGroup and CallbackEvent of old); the mock
// also takes "broadcast", "render", "captions" and "sip" with "status", and "session" with
// "created" and "destroyed".
struct CallbackRegistration {
  std::string id;
  std::string group;
  std::string event;
  std::string url;
  std::int64_t created_at_ms = 0;
  std::int64_t updated_at_ms = 0;
};

}  // namespace opentok_mock
