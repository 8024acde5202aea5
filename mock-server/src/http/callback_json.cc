#include "callback_json.h"

#include <nlohmann/json.hpp>

#include <type_traits>

#include "archive_json.h"
#include "broadcast_json.h"
#include "json_writer.h"
#include "media_json.h"

namespace opentok_mock::http {
namespace {

// Members every session monitoring and SIP body starts with, in sorted key order around the
// caller's: applicationId (applications only) first; event, projectId, sessionId and
// timestamp where they sort. Callers write their own members in between, via the hooks.
template <typename BeforeEvent, typename BeforeSession, typename BeforeTimestamp>
std::string SessionBody(ServiceEvent const& event, std::string_view session_id, BeforeEvent before_event,
                        BeforeSession before_session, BeforeTimestamp before_timestamp) {
  std::string out;
  out.reserve(384);
  {
    ObjectWriter json(out);
    json.ApplicationId(event.api_key);
    before_event(json);  // "call", "connection"
    json.String("event", EventName(event));
    json.String("projectId", event.api_key);  // a string in the documented examples
    before_session(json);  // "reason"
    json.String("sessionId", session_id);
    before_timestamp(json);  // "stream"
    json.Integer("timestamp", event.at_ms);
  }
  return out;
}

void AppendConnectionJson(std::string& out, Connection const& connection) {
  ObjectWriter json(out);
  json.Integer("createdAt", connection.created_at_ms);
  json.String("data", connection.data);
  json.String("id", connection.connection_id);
}

void AppendStreamJson(std::string& out, Stream const& stream, std::optional<Connection> const& publisher) {
  ObjectWriter json(out);
  auto& connection = json.Member("connection");
  if (publisher) {
    AppendConnectionJson(connection, *publisher);
  } else {
    ObjectWriter only_id(connection);
    only_id.String("id", stream.connection_id);
  }
  json.Integer("createdAt", stream.created_at_ms);
  json.String("id", stream.stream_id);
  json.String("name", stream.name);
  if (stream.has_video) json.String("videoType", ToString(stream.video_type));  // absent for audio-only
}

std::string MonitoringBody(ServiceEvent const& event, MonitoringEvent const& monitoring) {
  bool const stream_event = monitoring.stream.has_value();
  return SessionBody(
      event, monitoring.session_id,
      [&](ObjectWriter& json) {
        if (monitoring.connection && !stream_event) AppendConnectionJson(json.Member("connection"), *monitoring.connection);
      },
      [&](ObjectWriter& json) {
        if (monitoring.stream_reason) {
          json.String("reason", ToString(*monitoring.stream_reason));
        } else if (monitoring.connection_reason) {
          json.String("reason", ToString(*monitoring.connection_reason));
        }
      },
      [&](ObjectWriter& json) {
        if (stream_event) AppendStreamJson(json.Member("stream"), *monitoring.stream, monitoring.connection);
      });
}

void AppendSipCallJson(std::string& out, SipCall const& call) {
  ObjectWriter json(out);
  json.String("connectionId", call.connection_id);
  json.Integer("createdAt", call.created_at_ms);
  if (!call.from.empty()) json.String("from", call.from);
  json.String("id", call.id);
  json.String("streamId", call.stream_id);
  json.Integer("updatedAt", call.updated_at_ms);
  json.String("uri", call.uri);  // never the headers or the auth: they may hold secrets
}

std::string SipBody(ServiceEvent const& event, SipCallEvent const& sip) {
  return SessionBody(
      event, sip.call.session_id, [&](ObjectWriter& json) { AppendSipCallJson(json.Member("call"), sip.call); },
      [&](ObjectWriter& json) {
        if (sip.reason) json.String("reason", ToString(*sip.reason));
      },
      [](ObjectWriter&) {});
}

// Never posted anywhere (no callback group); what in-process sinks see.
std::string AudioConnectorBody(ServiceEvent const& event, AudioConnectorEvent const& audio) {
  std::string out;
  {
    ObjectWriter json(out);
    json.ApplicationId(event.api_key);
    json.Bool("connected", audio.call.connected);
    json.String("connectionId", audio.call.connection_id);
    json.String("event", EventName(event));
    json.String("id", audio.call.id);
    json.String("projectId", event.api_key);
    json.String("sessionId", audio.call.session_id);
    json.Integer("timestamp", event.at_ms);
  }
  return out;
}

}  // namespace

nlohmann::json CallbackRegistrationToJson(CallbackRegistration const& registration) {
  return {{"id", registration.id},       {"group", registration.group},
          {"event", registration.event}, {"url", registration.url},
          {"createdAt", registration.created_at_ms}, {"updatedAt", registration.updated_at_ms}};
}

std::string CallbackBody(ServiceEvent const& event) {
  return std::visit(
      [&](auto const& payload) -> std::string {
        using T = std::decay_t<decltype(payload)>;
        if constexpr (std::is_same_v<T, Archive>) {
          return ArchiveJsonText(payload);
        } else if constexpr (std::is_same_v<T, Broadcast>) {
          return BroadcastJsonText(payload);
        } else if constexpr (std::is_same_v<T, Render>) {
          return RenderJsonText(payload);
        } else if constexpr (std::is_same_v<T, Captions>) {
          return CaptionsCallbackJsonText(payload);
        } else if constexpr (std::is_same_v<T, MonitoringEvent>) {
          return MonitoringBody(event, payload);
        } else if constexpr (std::is_same_v<T, SipCallEvent>) {
          return SipBody(event, payload);
        } else {
          return AudioConnectorBody(event, payload);
        }
      },
      event.payload);
}

}  // namespace opentok_mock::http
