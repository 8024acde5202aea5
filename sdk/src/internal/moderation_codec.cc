#include "internal/moderation_codec.h"

#include "internal/json_read.h"

namespace opentok::internal {
namespace {

Connection ParseConnection(Json const& object) {
  if (!object.is_object()) throw ShapeError("a connection is not a JSON object");
  Connection connection;
  connection.connection_id = GetString(object, "connectionId");
  if (connection.connection_id.empty()) throw ShapeError("the connection has no 'connectionId'");
  connection.state_name = GetString(object, "connectionState");
  connection.state = ParseConnectionState(connection.state_name).value_or(ConnectionState::kUnknown);
  // The PHP SDK's fixture sends createdAt as a string; GetMillisTime reads both.
  connection.created_at = GetMillisTime(object, "createdAt");
  return connection;
}

ConnectionList ParseConnectionList(Json const& object) {
  ConnectionList list;
  list.total_count = ParseListPage(object, "connection list", list.items, ParseConnection);
  list.session_id = GetString(object, "sessionId");
  return list;
}

}  // namespace

std::string EncodeSignalBody(SignalProperties const& signal) {
  OrderedJson body;
  body["type"] = signal.type;
  body["data"] = signal.data;
  return DumpRequestBody(body, "signal");
}

std::string EncodeForceMuteBody(bool active, std::vector<std::string> const& excluded_stream_ids) {
  OrderedJson body;
  body["active"] = active;
  if (active) body["excludedStreamIds"] = excluded_stream_ids;
  return DumpRequestBody(body, "excluded_stream_ids");
}

ConnectionList DecodeConnectionList(std::string_view operation, HttpResponse const& response) {
  return DecodeJson(operation, response, [](Json const& body) { return ParseConnectionList(body); });
}

}  // namespace opentok::internal
