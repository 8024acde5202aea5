// Audio Connector: connect a WebSocket to a session, and disconnect it.

#include <nlohmann/json.hpp>

#include "http_util.h"
#include "opentok_mock/errors.h"
#include "rest_call.h"

namespace opentok_mock::http {
namespace {

// websocket.headers: an object of header values. Strings, numbers and booleans are taken
// (as their JSON text for the latter two: SDK users pass typed maps).
std::optional<Error> ParseHeaders(nlohmann::json const& headers, ConnectAudioRequest& request) {
  for (auto const& [name, value] : headers.items()) {
    if (value.is_string()) {
      request.headers.emplace_back(name, value.get<std::string>());
    } else if (value.is_number() || value.is_boolean()) {
      request.headers.emplace_back(name, value.dump());
    } else {
      return errors::BadRequest("Bad request. in websocket, 'headers' member '" + name + "' must be a string.");
    }
  }
  return std::nullopt;
}

// {"sessionId", "token", "websocket": {"uri", "streams"?: [ids], "headers"?: {...},
// "audioRate"?, "bidirectional"?, "audioTransport"?}}. audioTransport (@vonage/video) is
// accepted and not simulated.
Result<ConnectAudioRequest> ParseConnect(std::string const& body) {
  auto json = ParseJsonObject(body, false);
  if (!json) return json.error();
  JsonFields fields(*json, "");
  ConnectAudioRequest request;
  request.session_id = fields.String("sessionId").value_or("");
  request.token = fields.String("token").value_or("");
  auto const* websocket = fields.Object("websocket");
  if (auto error = fields.Finish()) return *error;
  if (websocket == nullptr) return errors::BadRequest("Bad request. 'websocket' (an object with the uri) is required.");
  JsonFields options(*websocket, "in websocket, ");
  request.uri = options.String("uri").value_or("");
  if (auto const* streams = options.Array("streams")) {
    for (auto const& stream : *streams) {
      if (!stream.is_string()) {
        return errors::BadRequest("Bad request. in websocket, 'streams' must be an array of stream ids (strings).");
      }
      request.streams.push_back(stream.get<std::string>());
    }
  }
  if (auto const* headers = options.Object("headers")) {
    if (auto error = ParseHeaders(*headers, request)) return *error;
  }
  request.audio_rate = options.Integer("audioRate");
  request.bidirectional = options.BoolOrString("bidirectional").value_or(false);
  options.Object("audioTransport");
  if (auto error = options.Finish()) return *error;
  return request;
}

void Connect(RestCall& call) {
  auto request = ParseConnect(call.req.body);
  if (!request) return SendError(call.res, request.error());
  auto connector = call.service.ConnectAudio(call.api_key, *request);
  if (!connector) return SendError(call.res, connector.error());
  SendJson(call.res, 200, {{"id", connector->id}, {"connectionId", connector->connection_id}});
}

// {id}: the call id or its connection id (the .NET SDK names the parameter connectionId).
void Disconnect(RestCall& call) {
  auto status = call.service.DisconnectAudio(call.api_key, call.Param(1));
  if (!status) return SendError(call.res, status.error());
  SendNoContent(call.res);
}

constexpr RestRoute kRoutes[] = {
    {"POST", "/connect", "audio.connect", Connect},
    {"POST", "/connect/{callId}/stop", "audio.disconnect", Disconnect},
};

}  // namespace

std::span<RestRoute const> AudioConnectorRoutes() { return kRoutes; }

}  // namespace opentok_mock::http
