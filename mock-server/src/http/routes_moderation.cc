// Moderation: force-disconnect, force-mute of one stream or of the whole session, and the
// connections list.

#include <nlohmann/json.hpp>

#include "http_util.h"
#include "opentok_mock/errors.h"
#include "rest_call.h"
#include "session_control_json.h"

namespace opentok_mock::http {
namespace {

void ForceDisconnect(RestCall& call) {
  auto status = call.service.ForceDisconnect(call.api_key, call.Param(1), call.Param(2));
  if (!status) return SendError(call.res, status.error());
  SendNoContent(call.res);  // the Java, Python and Ruby SDKs check for exactly 204
}

void ListConnections(RestCall& call) {
  auto session_id = call.Param(1);
  auto connections = call.service.ListConnections(call.api_key, session_id);
  if (!connections) return SendError(call.res, connections.error());
  SendJson(call.res, 200, ConnectionListToJson(call.api_key, session_id, *connections));
}

// The SDKs send nothing, `{}` (Node) or their options object: any JSON object is taken and
// its members ignored (the call has no parameters).
void MuteStream(RestCall& call) {
  auto json = ParseJsonObject(call.req.body, true);
  if (!json) return SendError(call.res, json.error());
  auto status = call.service.ForceMuteStream(call.api_key, call.Param(1), call.Param(2));
  if (!status) return SendError(call.res, status.error());
  SendJson(call.res, 200, nlohmann::json::object());  // {} parses as every SDK's answer type
}

// {"active"?: bool or "true"/"false" (Ruby), "excludedStreamIds" (Java, Vonage SDKs) or
// "excludedStreams" (Python, PHP, Ruby): [stream ids]}; active defaults to true.
Result<MuteAllState> ParseMuteAllBody(std::string const& body) {
  auto json = ParseJsonObject(body, true);
  if (!json) return json.error();
  JsonFields fields(*json, "");
  MuteAllState state;
  state.active = fields.BoolOrString("active").value_or(true);
  auto const* ids = fields.Array("excludedStreamIds");
  auto const* legacy = fields.Array("excludedStreams");
  if (auto error = fields.Finish()) return *error;
  if (ids != nullptr && legacy != nullptr) {
    return errors::BadRequest("Bad request. Give excludedStreamIds or excludedStreams, not both.");
  }
  char const* name = ids != nullptr ? "excludedStreamIds" : "excludedStreams";
  auto const* excluded = ids != nullptr ? ids : legacy;
  if (excluded == nullptr) return state;
  for (std::size_t i = 0; i < excluded->size(); ++i) {
    auto const& id = (*excluded)[i];
    if (!id.is_string() || id.get<std::string>().empty()) {
      return errors::BadRequest("Bad request. " + std::string(name) + "[" + std::to_string(i) +
                                "] must be a stream id (a non-empty string).");
    }
    state.excluded_stream_ids.push_back(id.get<std::string>());
  }
  return state;
}

void MuteSession(RestCall& call) {
  auto state = ParseMuteAllBody(call.req.body);
  if (!state) return SendError(call.res, state.error());
  auto status = call.service.ForceMuteAll(call.api_key, call.Param(1), *state);
  if (!status) return SendError(call.res, status.error());
  SendJson(call.res, 200, nlohmann::json::object());
}

constexpr RestRoute kRoutes[] = {
    {"DELETE", "/session/{sessionId}/connection/{connectionId}", "connection.disconnect", ForceDisconnect},
    {"GET", "/session/{sessionId}/connection", "connection.list", ListConnections},
    {"POST", "/session/{sessionId}/stream/{streamId}/mute", "stream.mute", MuteStream},
    {"POST", "/session/{sessionId}/mute", "session.mute", MuteSession},
};

}  // namespace

std::span<RestRoute const> ModerationRoutes() { return kRoutes; }

}  // namespace opentok_mock::http
