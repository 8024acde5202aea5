#include "internal/callback_codec.h"

#include <array>
#include <string>
#include <utility>

#include "internal/broadcast_codec.h"
#include "internal/captions_codec.h"
#include "internal/json_codec.h"
#include "internal/json_read.h"
#include "internal/render_codec.h"

namespace opentok::internal {
namespace {

CallbackInfo ReadInfo(Json const& body, std::string event) {
  CallbackInfo info;
  info.event = std::move(event);
  info.session_id = GetString(body, "sessionId");
  // Status objects of a project send the API key as a number, session monitoring as a string.
  info.project_id = GetIdText(body, {"projectId", "partnerId"});
  info.application_id = GetString(body, "applicationId");
  // Status objects have no `timestamp`; their updatedAt is when the status changed.
  char const* time_key = "createdAt";
  if (Member(body, "timestamp") != nullptr) {
    time_key = "timestamp";
  } else if (Member(body, "updatedAt") != nullptr) {
    time_key = "updatedAt";
  }
  info.timestamp = GetMillisTime(body, time_key);
  return info;
}

std::string GetRequiredId(Json const& object) {
  std::string id = GetString(object, "id");
  if (id.empty()) throw ShapeError("field 'id' is missing");
  return id;
}

enum class Presence { kRequired, kOptional };

// The object member `key` as `read` makes it (a default value when optional and absent);
// shape errors inside it name the member, as in "in 'stream': in 'connection': ...".
template <typename Read>
auto ReadMember(Json const& parent, char const* key, Presence presence, Read read) -> decltype(read(parent)) {
  Json const* value = Member(parent, key);
  if (value == nullptr) {
    if (presence == Presence::kOptional) return {};
    throw ShapeError(std::string("field '") + key + "' is missing");
  }
  if (!value->is_object()) WrongType(key, "an object");
  try {
    return read(*value);
  } catch (ShapeError const& e) {
    throw ShapeError(std::string("in '") + key + "': " + e.what());
  }
}

CallbackConnection ReadConnection(Json const& object) {
  return {.id = GetRequiredId(object),
          .created_at = GetMillisTime(object, "createdAt"),
          .data = GetString(object, "data")};
}

CallbackStream ReadStream(Json const& object) {
  CallbackStream stream;
  stream.id = GetRequiredId(object);
  stream.connection = ReadMember(object, "connection", Presence::kOptional, ReadConnection);
  stream.created_at = GetMillisTime(object, "createdAt");
  stream.name = GetString(object, "name");
  stream.video_type_name = GetString(object, "videoType");
  stream.video_type = ParseVideoType(stream.video_type_name).value_or(VideoType::kUnknown);
  return stream;
}

// The SIP payload is not documented publicly, so every field is optional.
CallbackSipCall ReadSipCall(Json const& object) {
  return {.id = GetString(object, "id"),
          .connection_id = GetString(object, "connectionId"),
          .stream_id = GetString(object, "streamId"),
          .created_at = GetMillisTime(object, "createdAt"),
          .updated_at = GetMillisTime(object, "updatedAt")};
}

// The `reason` of the *Destroyed events; the *Created ones have none.
template <typename Event>
Event WithReason(Json const& body, Event event) {
  if constexpr (requires { event.reason_name; }) {
    event.reason_name = GetString(body, "reason");
    event.reason = ParseDestroyedReason(event.reason_name).value_or(DestroyedReason::kUnknown);
  }
  return event;
}

void RequireSessionId(CallbackInfo const& info) {
  if (info.session_id.empty()) throw ShapeError("field 'sessionId' is missing");
}

// One reader per `event` value.
using Reader = CallbackEvent (*)(Json const& body, CallbackInfo info);

template <typename Event, auto kParseObject>
CallbackEvent ReadStatusEvent(Json const& body, CallbackInfo info) {
  return Event{std::move(info), kParseObject(body)};
}

template <typename Event>
CallbackEvent ReadSessionEvent(Json const&, CallbackInfo info) {
  RequireSessionId(info);
  return Event{std::move(info)};
}

template <typename Event>
CallbackEvent ReadConnectionEvent(Json const& body, CallbackInfo info) {
  RequireSessionId(info);
  auto connection = ReadMember(body, "connection", Presence::kRequired, ReadConnection);
  return WithReason(body, Event{.info = std::move(info), .connection = std::move(connection)});
}

template <typename Event>
CallbackEvent ReadStreamEvent(Json const& body, CallbackInfo info) {
  RequireSessionId(info);
  auto stream = ReadMember(body, "stream", Presence::kRequired, ReadStream);
  return WithReason(body, Event{.info = std::move(info), .stream = std::move(stream)});
}

template <typename Event>
CallbackEvent ReadSipEvent(Json const& body, CallbackInfo info) {
  auto call = ReadMember(body, "call", Presence::kOptional, ReadSipCall);
  return WithReason(body, Event{.info = std::move(info), .call = std::move(call)});
}

constexpr std::array<std::pair<std::string_view, Reader>, 12> kReaders{{
    {"archive", ReadStatusEvent<ArchiveStatusEvent, ParseArchive>},
    {"broadcast", ReadStatusEvent<BroadcastStatusEvent, ParseBroadcast>},
    {"render", ReadStatusEvent<RenderStatusEvent, ParseRender>},
    {"captions", ReadStatusEvent<CaptionsStatusEvent, ParseLiveCaptions>},
    {"sessionCreated", ReadSessionEvent<SessionCreatedEvent>},
    {"sessionDestroyed", ReadSessionEvent<SessionDestroyedEvent>},
    {"connectionCreated", ReadConnectionEvent<ConnectionCreatedEvent>},
    {"connectionDestroyed", ReadConnectionEvent<ConnectionDestroyedEvent>},
    {"streamCreated", ReadStreamEvent<StreamCreatedEvent>},
    {"streamDestroyed", ReadStreamEvent<StreamDestroyedEvent>},
    {"callCreated", ReadSipEvent<SipCallCreatedEvent>},
    {"callDestroyed", ReadSipEvent<SipCallDestroyedEvent>},
}};

// An unknown event name is quoted only when it is a short plain word: the body comes from
// the network and its text is not ours to put into logs.
std::string Quoted(std::string_view name) {
  bool const plain = !name.empty() && name.size() <= 40 &&
                     name.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") == name.npos;
  return plain ? "'" + std::string(name) + "'" : std::string("(not shown: not a plain word)");
}

}  // namespace

CallbackEvent DecodeCallback(std::string_view body) {
  Json json;
  try {
    json = Json::parse(body.begin(), body.end());
  } catch (Json::parse_error const& e) {
    // e.what() quotes the text it stopped at; the byte offset is enough to find it.
    throw InvalidCallbackException("the callback body is not valid JSON (error at byte " + std::to_string(e.byte) +
                                   ")");
  } catch (Json::exception const&) {
    throw InvalidCallbackException("the callback body is not valid JSON");
  }
  if (!json.is_object()) throw InvalidCallbackException("the callback body is not a JSON object");
  Json const* event = Member(json, "event");
  if (event == nullptr) throw InvalidCallbackException("the callback body has no 'event' member");
  if (!event->is_string()) throw InvalidCallbackException("the callback member 'event' is not a string");
  std::string const& name = event->get_ref<std::string const&>();
  for (auto const& [known, read] : kReaders) {
    if (known != name) continue;
    try {
      return read(json, ReadInfo(json, name));
    } catch (ShapeError const& e) {
      throw InvalidCallbackException("invalid '" + name + "' callback: " + e.what());
    } catch (Json::exception const&) {
      throw InvalidCallbackException("invalid '" + name + "' callback: a member has the wrong type");
    }
  }
  throw InvalidCallbackException("unknown callback event " + Quoted(name));
}

}  // namespace opentok::internal
