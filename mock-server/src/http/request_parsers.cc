#include "request_parsers.h"

#include <nlohmann/json.hpp>

#include "http_util.h"
#include "opentok_mock/errors.h"

namespace opentok_mock::http {
namespace {

std::optional<std::int64_t> ParseCount(std::string const& text) {
  if (text.empty() || text.size() > 9) return std::nullopt;
  std::int64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

}  // namespace

Result<Layout> ParseLayout(nlohmann::json const& object, std::string where) {
  JsonFields fields(object, std::move(where));
  Layout layout;
  layout.type = fields.String("type").value_or(layout.type);
  layout.stylesheet = fields.String("stylesheet").value_or("");
  layout.screenshare_type = fields.StringAnyOf({"screenshareType", "screensharetype", "screenshare_type"}).value_or("");
  if (auto error = fields.Finish()) return *error;
  return layout;
}

Result<Layout> ParseLayoutBody(std::string const& body) {
  auto json = ParseJsonObject(body, false);
  if (!json) return json.error();
  auto type = json->find("type");
  if (type == json->end() || type->is_null()) return errors::BadRequest("Bad request. The layout 'type' is required.");
  return ParseLayout(*json, "");
}

Result<StreamSelectionChange> ParseSelectionChangeBody(std::string const& body) {
  auto json = ParseJsonObject(body, false);
  if (!json) return json.error();
  JsonFields fields(*json, "");
  auto add = fields.String("addStream");
  auto remove = fields.String("removeStream");
  auto has_audio = fields.BoolOrString("hasAudio");
  auto has_video = fields.BoolOrString("hasVideo");
  fields.Ignore("broadcastId");
  if (auto error = fields.Finish()) return *error;
  if (add && remove) return errors::BadRequest("Bad request. Give addStream or removeStream, not both.");
  if (!add && !remove) return errors::BadRequest("Bad request. addStream or removeStream (a stream id) is required.");
  StreamSelectionChange change;
  change.kind = add ? StreamSelectionChange::Kind::kAdd : StreamSelectionChange::Kind::kRemove;
  change.stream_id = add ? *add : *remove;
  if (change.stream_id.empty()) {
    return errors::BadRequest(std::string("Bad request. ") + (add ? "addStream" : "removeStream") +
                              " must be a stream id, not empty.");
  }
  change.has_audio = has_audio.value_or(true);
  change.has_video = has_video.value_or(true);
  return change;
}

Result<std::vector<std::string>> ParseClassList(nlohmann::json const& value, std::string const& where) {
  if (!value.is_array()) return errors::BadRequest("Bad request. " + where + "'layoutClassList' must be an array of strings.");
  std::vector<std::string> classes;
  classes.reserve(value.size());
  for (auto const& item : value) {
    if (!item.is_string()) {
      return errors::BadRequest("Bad request. " + where + "'layoutClassList' must be an array of strings.");
    }
    classes.push_back(item.get<std::string>());
  }
  return classes;
}

Result<ListQuery> ParseListQuery(httplib::Request const& req) {
  auto query = ParseQuery(req);
  if (!query) return query.error();
  ListQuery list;
  for (auto [name, target] : {std::pair{"offset", &list.offset}, std::pair{"count", &list.count}}) {
    auto text = FindField(*query, name).value_or("");
    if (text.empty()) continue;
    auto value = ParseCount(text);
    if (!value) return errors::BadRequest(std::string("Bad request. Invalid ") + name + " '" + text + "'.");
    *target = *value;
  }
  list.session_id = FindField(*query, "sessionId").value_or("");
  return list;
}

}  // namespace opentok_mock::http
