#include "internal/audio_connector_codec.h"

#include "internal/json_read.h"

namespace opentok::internal {
namespace {

AudioConnector ParseAudioConnector(Json const& object) {
  if (!object.is_object()) throw ShapeError("the Audio Connector answer is not a JSON object");
  AudioConnector connector;
  connector.id = GetString(object, "id");
  if (connector.id.empty()) throw ShapeError("the Audio Connector answer has no 'id'");
  connector.connection_id = GetString(object, "connectionId");
  return connector;
}

}  // namespace

std::string EncodeConnectAudioBody(std::string_view session_id, std::string_view token,
                                   WebSocketOptions const& options) {
  OrderedJson websocket;
  websocket["uri"] = options.uri;
  if (!options.streams.empty()) websocket["streams"] = options.streams;
  if (!options.headers.empty()) websocket["headers"] = options.headers;
  if (options.audio_rate) websocket["audioRate"] = *options.audio_rate;
  if (options.bidirectional) websocket["bidirectional"] = true;
  OrderedJson body;
  body["sessionId"] = session_id;
  body["token"] = token;
  body["websocket"] = std::move(websocket);
  return DumpRequestBody(body, "WebSocket options");
}

AudioConnector DecodeAudioConnector(std::string_view operation, HttpResponse const& response) {
  return DecodeJson(operation, response, [](Json const& body) { return ParseAudioConnector(body); });
}

}  // namespace opentok::internal
