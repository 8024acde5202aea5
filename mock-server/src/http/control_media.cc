// The media-services part of the control plane: every project's live captions, renders and
// Audio Connector calls (with what their WebSockets did), simulated failures of captions and
// renders, and the audio the Audio Connector sends.

#include <nlohmann/json.hpp>

#include <string>

#include "control_util.h"
#include "media_json.h"
#include "opentok_mock/errors.h"
#include "routes.h"

namespace opentok_mock::http {
namespace {

// The REST answer plus what only the mock knows: the options the start asked for.
nlohmann::json CaptionsControlJson(Captions const& captions) {
  auto json = nlohmann::json::parse(CaptionsJsonText(captions));
  json["maxDuration"] = captions.max_duration_s;
  json["partialCaptions"] = captions.partial_captions;
  if (!captions.status_callback_url.empty()) json["statusCallbackUrl"] = captions.status_callback_url;
  return json;
}

// The REST answer plus the render's connection (while it is or was in the session) and its
// maxDuration.
nlohmann::json RenderControlJson(Render const& render) {
  auto json = nlohmann::json::parse(RenderJsonText(render));
  if (!render.connection_id.empty()) json["connectionId"] = render.connection_id;
  json["maxDuration"] = render.max_duration_s;
  return json;
}

// Header names only: the values are often credentials for the customer's WebSocket server.
// `state` and the counters are the mock's WebSocket client's (AudioConnectorLink).
nlohmann::json AudioConnectorControlJson(AudioConnector const& call) {
  nlohmann::json json{{"id", call.id},
                      {"connectionId", call.connection_id},
                      {"sessionId", call.session_id},
                      {"projectId", call.api_key},
                      {"uri", call.uri},
                      {"streams", call.requested_streams},
                      {"subscribedStreams", call.subscribed_stream_ids},
                      {"headerNames", call.header_names},
                      {"audioRate", call.audio_rate},
                      {"bidirectional", call.bidirectional},
                      {"createdAt", call.created_at_ms},
                      {"connected", call.connected},
                      {"state", call.link.state},
                      {"framesSent", call.link.frames_sent},
                      {"bytesSent", call.link.bytes_sent},
                      {"framesReceived", call.link.frames_received},
                      {"bytesReceived", call.link.bytes_received}};
  if (!call.connected) json["endedAt"] = call.ended_at_ms;
  if (!call.link.error.empty()) json["error"] = call.link.error;
  return json;
}

// GET and PUT /_mock/audio-connectors/audio: {"source": "silence" | "tone"} (a 440 Hz sine).
nlohmann::json AudioSourceJson(MockService const& service) {
  return {{"source", service.AudioConnectorTone() ? "tone" : "silence"}};
}

void GetAudioSource(httplib::Request const&, httplib::Response& res, MockService& service) {
  SendJson(res, 200, AudioSourceJson(service));
}

void PutAudioSource(httplib::Request const& req, httplib::Response& res, MockService& service) {
  std::string source;
  bool ok = ReadBody(req, res, false, [&](JsonFields& fields) -> std::optional<Error> {
    source = fields.String("source").value_or("");
    if (source != "silence" && source != "tone") {
      return errors::BadRequest("Bad request. 'source' must be \"silence\" or \"tone\".");
    }
    return std::nullopt;
  });
  if (!ok) return;
  service.SetAudioConnectorTone(source == "tone");
  SendJson(res, 200, AudioSourceJson(service));
}

std::string ApiKeyFilter(httplib::Request const& req, httplib::Response& res, bool& ok) {
  auto query = ParseQuery(req);
  ok = static_cast<bool>(query);
  if (!ok) {
    SendError(res, query.error());
    return {};
  }
  return FindField(*query, "apiKey").value_or("");
}

// GET /_mock/{family}?apiKey=: {"count", "items"} newest first.
template <typename Item>
ControlHandler ListOf(std::vector<Item> (MockService::*all)(std::string_view), nlohmann::json (*to_json)(Item const&)) {
  return [all, to_json](httplib::Request const& req, httplib::Response& res, MockService& service) {
    bool ok = false;
    auto api_key = ApiKeyFilter(req, res, ok);
    if (!ok) return;
    auto items = nlohmann::json::array();
    for (auto const& item : (service.*all)(api_key)) items.push_back(to_json(item));
    SendJson(res, 200, {{"count", items.size()}, {"items", std::move(items)}});
  };
}

// GET /_mock/{family}/{id} and POST /_mock/{family}/{id}/fail: one item, or the error.
template <typename Item>
ControlHandler OneOf(Result<Item> (MockService::*find)(std::string_view), nlohmann::json (*to_json)(Item const&)) {
  return [find, to_json](httplib::Request const& req, httplib::Response& res, MockService& service) {
    auto item = (service.*find)(Capture(req, 1));
    if (!item) return SendError(res, item.error());
    SendJson(res, 200, to_json(*item));
  };
}

}  // namespace

void RegisterMediaControlRoutes(Router& server, MockService& service) {
  server.Get("/_mock/captions", Bind(service, ListOf(&MockService::AllCaptions, CaptionsControlJson)));
  server.Get("/_mock/captions/([^/]+)", Bind(service, OneOf(&MockService::FindCaptions, CaptionsControlJson)));
  server.Post("/_mock/captions/([^/]+)/fail", Bind(service, OneOf(&MockService::FailCaptions, CaptionsControlJson)));
  server.Get("/_mock/renders", Bind(service, ListOf(&MockService::AllRenders, RenderControlJson)));
  server.Get("/_mock/renders/([^/]+)", Bind(service, OneOf(&MockService::FindRender, RenderControlJson)));
  server.Post("/_mock/renders/([^/]+)/fail", Bind(service, OneOf(&MockService::FailRender, RenderControlJson)));
  server.Get("/_mock/audio-connectors", Bind(service, ListOf(&MockService::AllAudioConnectors, AudioConnectorControlJson)));
  // Before the {id} route, which would take "audio" for an id.
  server.Get("/_mock/audio-connectors/audio", Bind(service, GetAudioSource));
  server.Put("/_mock/audio-connectors/audio", Bind(service, PutAudioSource));
  server.Get("/_mock/audio-connectors/([^/]+)",
             Bind(service, OneOf(&MockService::FindAudioConnector, AudioConnectorControlJson)));
}

}  // namespace opentok_mock::http
