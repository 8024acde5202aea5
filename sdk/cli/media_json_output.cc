#include "media_json_output.h"

#include "json_fields.h"

namespace opentok::cli {
namespace {

// Optional text members are printed only when set, as the service omits them.
void SetIfPresent(nlohmann::ordered_json& j, char const* key, std::string const& value) {
  if (!value.empty()) j[key] = value;
}

template <typename List>
nlohmann::ordered_json Items(List const& list) {
  auto items = nlohmann::ordered_json::array();
  for (auto const& item : list.items) items.push_back(ToJson(item));
  return items;
}

}  // namespace

nlohmann::ordered_json ToJson(Connection const& c) {
  return {{"connectionId", c.connection_id},
          {"connectionState", WireName(c.state_name, c.state)},
          {"createdAt", EpochMillis(c.created_at)}};
}

nlohmann::ordered_json ToJson(ConnectionList const& list) {
  return {{"count", list.total_count}, {"sessionId", list.session_id}, {"items", Items(list)}};
}

nlohmann::ordered_json ToJson(SipCall const& call) {
  return {{"id", call.id}, {"connectionId", call.connection_id}, {"streamId", call.stream_id}};
}

nlohmann::ordered_json ToJson(LiveCaptions const& c) {
  nlohmann::ordered_json j;
  j["captionId"] = c.id;
  j["sessionId"] = c.session_id;
  j["status"] = WireName(c.status_name, c.status);
  j["createdAt"] = EpochMillis(c.created_at);
  j["updatedAt"] = EpochMillis(c.updated_at);
  j["duration"] = c.duration;
  j["languageCode"] = c.language_code;
  j["provider"] = c.provider;
  SetIfPresent(j, "reason", c.reason);
  return j;
}

nlohmann::ordered_json ToJson(Render const& r) {
  nlohmann::ordered_json j;
  j["id"] = r.id;
  j["sessionId"] = r.session_id;
  j["projectId"] = r.project_id;
  j["createdAt"] = EpochMillis(r.created_at);
  j["updatedAt"] = EpochMillis(r.updated_at);
  j["url"] = r.url;
  j["resolution"] = r.resolution;
  j["status"] = WireName(r.status_name, r.status);
  SetIfPresent(j, "streamId", r.stream_id);
  SetIfPresent(j, "reason", r.reason);
  SetIfPresent(j, "name", r.name);
  SetIfPresent(j, "callbackUrl", r.callback_url);
  return j;
}

nlohmann::ordered_json ToJson(RenderList const& list) { return {{"count", list.total_count}, {"items", Items(list)}}; }

nlohmann::ordered_json ToJson(AudioConnector const& connector) {
  return {{"id", connector.id}, {"connectionId", connector.connection_id}};
}

}  // namespace opentok::cli
