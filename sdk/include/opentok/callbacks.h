#pragma once

// Callbacks (webhooks): the JSON bodies the service POSTs to an application's own server
// when an archive, broadcast, render or live-captions status changes, when sessions,
// connections and streams come and go (session monitoring) and when SIP calls join and
// leave. ParseCallback turns one body into a typed event; receiving the POST stays the
// application's business (examples/webhook_receiver shows one with cpp-httplib).
//
// Reading is lenient like the rest of the SDK: unknown members are ignored, unknown status
// and reason strings become kUnknown (the text is kept), numbers sent as strings are taken.
// What is rejected: a body that is not a JSON object, a missing or unknown `event`, and
// members of the wrong type.

#include <chrono>
#include <string>
#include <string_view>
#include <variant>

#include "opentok/archive.h"
#include "opentok/broadcast.h"
#include "opentok/captions.h"
#include "opentok/errors.h"
#include "opentok/render.h"
#include "opentok/types.h"

namespace opentok {

// ParseCallback could not read the body. The message names the problem and the member; it
// never quotes the body (which may carry connection data), only an unknown `event` name
// when that is a short plain word.
class InvalidCallbackException : public OpenTokException {
 public:
  using OpenTokException::OpenTokException;
};

// What every callback says besides its payload.
struct CallbackInfo {
  std::string event;       // the body's `event`: "archive", "connectionCreated", ...
  std::string session_id;  // `sessionId`
  // `projectId` (or the older `partnerId`) as text, whether sent as a number or a string;
  // empty when absent.
  std::string project_id;
  std::string application_id;  // `applicationId`: set for objects of a Vonage application
  // `timestamp` (session monitoring, SIP); status objects carry none, so their `updatedAt`
  // (the time of the change), else `createdAt`.
  std::chrono::system_clock::time_point timestamp;

  bool operator==(CallbackInfo const&) const = default;
};

// `event: "archive"`: the archive object, sent on every status change (started, paused,
// stopped, available or uploaded, failed, ...).
struct ArchiveStatusEvent {
  CallbackInfo info;
  Archive archive;

  bool operator==(ArchiveStatusEvent const&) const = default;
};

// `event: "broadcast"`: the broadcast object.
struct BroadcastStatusEvent {
  CallbackInfo info;
  Broadcast broadcast;

  bool operator==(BroadcastStatusEvent const&) const = default;
};

// `event: "render"`: the Experience Composer render object.
struct RenderStatusEvent {
  CallbackInfo info;
  Render render;

  bool operator==(RenderStatusEvent const&) const = default;
};

// `event: "captions"`: the live-captions status object (as GetLiveCaptions returns it).
struct CaptionsStatusEvent {
  CallbackInfo info;
  LiveCaptions captions;

  bool operator==(CaptionsStatusEvent const&) const = default;
};

// A connection as session monitoring describes it.
struct CallbackConnection {
  std::string id;
  std::chrono::system_clock::time_point created_at;
  std::string data;  // the connection data of the client's token

  bool operator==(CallbackConnection const&) const = default;
};

// A stream as session monitoring describes it.
struct CallbackStream {
  std::string id;
  CallbackConnection connection;  // the publisher's connection
  std::chrono::system_clock::time_point created_at;
  std::string name;
  VideoType video_type = VideoType::kUnknown;  // kUnknown also for audio-only streams (no videoType)
  std::string video_type_name;                 // as received; empty when absent

  bool operator==(CallbackStream const&) const = default;
};

// `sessionCreated`: the first client connected. `sessionDestroyed`: the last one left.
struct SessionCreatedEvent {
  CallbackInfo info;

  bool operator==(SessionCreatedEvent const&) const = default;
};
struct SessionDestroyedEvent {
  CallbackInfo info;

  bool operator==(SessionDestroyedEvent const&) const = default;
};

struct ConnectionCreatedEvent {
  CallbackInfo info;
  CallbackConnection connection;

  bool operator==(ConnectionCreatedEvent const&) const = default;
};
struct ConnectionDestroyedEvent {
  CallbackInfo info;
  CallbackConnection connection;
  DestroyedReason reason = DestroyedReason::kUnknown;
  std::string reason_name;  // as received, also for unknown values; empty when absent

  bool operator==(ConnectionDestroyedEvent const&) const = default;
};

struct StreamCreatedEvent {
  CallbackInfo info;
  CallbackStream stream;

  bool operator==(StreamCreatedEvent const&) const = default;
};
struct StreamDestroyedEvent {
  CallbackInfo info;
  CallbackStream stream;
  DestroyedReason reason = DestroyedReason::kUnknown;
  std::string reason_name;

  bool operator==(StreamDestroyedEvent const&) const = default;
};

// A SIP call as its progress callbacks describe it. The public documentation does not give
// this payload; the fields are the dial answer's (`call: {id, connectionId, streamId,
// createdAt, updatedAt}`), and any of them may be missing.
struct CallbackSipCall {
  std::string id;
  std::string connection_id;
  std::string stream_id;
  std::chrono::system_clock::time_point created_at;
  std::chrono::system_clock::time_point updated_at;

  bool operator==(CallbackSipCall const&) const = default;
};

// `callCreated`: a dialled SIP call joined the session. `callDestroyed`: it left.
struct SipCallCreatedEvent {
  CallbackInfo info;
  CallbackSipCall call;

  bool operator==(SipCallCreatedEvent const&) const = default;
};
struct SipCallDestroyedEvent {
  CallbackInfo info;
  CallbackSipCall call;
  DestroyedReason reason = DestroyedReason::kUnknown;
  std::string reason_name;

  bool operator==(SipCallDestroyedEvent const&) const = default;
};

using CallbackEvent =
    std::variant<ArchiveStatusEvent, BroadcastStatusEvent, RenderStatusEvent, CaptionsStatusEvent, SessionCreatedEvent,
                 SessionDestroyedEvent, ConnectionCreatedEvent, ConnectionDestroyedEvent, StreamCreatedEvent,
                 StreamDestroyedEvent, SipCallCreatedEvent, SipCallDestroyedEvent>;

// Reads one callback body (the POST's body, as received). The `event` member picks the
// alternative: "archive", "broadcast", "render", "captions", "sessionCreated",
// "sessionDestroyed", "connectionCreated", "connectionDestroyed", "streamCreated",
// "streamDestroyed", "callCreated", "callDestroyed". Throws InvalidCallbackException for
// a body it cannot read. Thread-safe; no I/O.
CallbackEvent ParseCallback(std::string_view body);

// The CallbackInfo of any event.
CallbackInfo const& InfoOf(CallbackEvent const& event);

}  // namespace opentok
