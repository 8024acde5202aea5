#include "session_control_json.h"

#include <nlohmann/json.hpp>

#include "archive_json.h"
#include "json_writer.h"
#include "opentok_common/wire_names.h"

namespace opentok_mock::http {
namespace {

// What ObjectWriter::ApplicationId does for the answers built as nlohmann objects.
void AddApplicationId(nlohmann::json& object, std::string const& owner_id) {
  if (!owner_id.empty() && !ObjectWriter::IsProjectKey(owner_id)) object["applicationId"] = owner_id;
}

}  // namespace

nlohmann::json ConnectionListToJson(std::string const& api_key, std::string const& session_id,
                                    std::vector<Connection> const& connections) {
  nlohmann::json items = nlohmann::json::array();
  for (auto const& connection : connections) {
    // Every connection the mock holds is fully connected: joining is synchronous.
    items.push_back({{"connectionId", connection.connection_id},
                     {"connectionState", opentok::common::wire::connection_state::kConnected},
                     {"createdAt", connection.created_at_ms}});
  }
  nlohmann::json list{{"count", items.size()}, {"projectId", api_key}, {"sessionId", session_id}, {"items", std::move(items)}};
  AddApplicationId(list, api_key);
  return list;
}

nlohmann::json SipCallToJson(SipCall const& call) {
  nlohmann::json json{{"id", call.id},
                      {"projectId", call.api_key},
                      {"sessionId", call.session_id},
                      {"connectionId", call.connection_id},
                      {"streamId", call.stream_id},
                      {"createdAt", call.created_at_ms},
                      {"updatedAt", call.updated_at_ms}};
  AddApplicationId(json, call.api_key);
  return json;
}

nlohmann::json SipCallControlJson(SipCall const& call) {
  auto json = SipCallToJson(call);
  nlohmann::json headers = nlohmann::json::object();
  for (auto const& [name, value] : call.headers) headers[name] = value;
  json["sip"] = {{"uri", call.uri},
                 {"from", call.from},
                 {"headers", std::move(headers)},
                 {"secure", call.secure},
                 {"video", call.video},
                 {"observeForceMute", call.observe_force_mute},
                 {"streams", call.streams}};
  if (!call.auth_username.empty()) json["sip"]["auth"] = {{"username", call.auth_username}};
  return json;
}

nlohmann::json LeftConnectionToJson(LeftConnection const& left) {
  auto json = ConnectionToJson(left.connection);
  json["reason"] = ToString(left.reason);
  json["leftAt"] = left.left_at_ms;
  return json;
}

nlohmann::json MuteAllToJson(MuteAllState const& state) {
  return {{"active", state.active}, {"excludedStreamIds", state.excluded_stream_ids}};
}

nlohmann::json SignalsToJson(std::string const& connection_id, ConnectionActivity const& activity) {
  nlohmann::json items = nlohmann::json::array();
  for (auto const& signal : activity.signals) {
    items.push_back({{"type", signal.type}, {"data", signal.data}, {"at", signal.at_ms}});
  }
  return {{"connectionId", connection_id}, {"count", activity.signals_total}, {"items", std::move(items)}};
}

nlohmann::json DtmfToJson(std::string const& connection_id, ConnectionActivity const& activity) {
  nlohmann::json items = nlohmann::json::array();
  for (auto const& dtmf : activity.dtmf) items.push_back({{"digits", dtmf.digits}, {"at", dtmf.at_ms}});
  return {{"connectionId", connection_id}, {"count", activity.dtmf_total}, {"items", std::move(items)}};
}

}  // namespace opentok_mock::http
