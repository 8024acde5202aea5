// Streams of a session: list, get, and their layout class lists.

#include <nlohmann/json.hpp>

#include "archive_json.h"
#include "http_util.h"
#include "opentok_mock/errors.h"
#include "request_parsers.h"
#include "rest_call.h"

namespace opentok_mock::http {
namespace {

void ListStreams(RestCall& call) {
  auto streams = call.service.ListStreams(call.api_key, call.Param(1));
  if (!streams) return SendError(call.res, streams.error());
  nlohmann::json items = nlohmann::json::array();
  for (auto const& stream : *streams) items.push_back(StreamToJson(stream));
  SendJson(call.res, 200, {{"count", items.size()}, {"items", std::move(items)}});
}

void GetStream(RestCall& call) {
  auto stream = call.service.GetStream(call.api_key, call.Param(1), call.Param(2));
  if (!stream) return SendError(call.res, stream.error());
  // opentok-node 2.23 JSON.parses the already-parsed body of this one call, so it only
  // works when the content type is not JSON; the Ruby SDK needs JSON here.
  bool node_sdk = HeaderValue(call.req, "User-Agent").starts_with("OpenTok-Node-SDK/");
  call.res.status = 200;
  call.res.set_content(DumpJson(StreamToJson(*stream)), node_sdk ? "text/plain" : kJson);
}

// {"items": [{"id": "<streamId>", "layoutClassList": ["full", ...]}, ...]}; every problem
// names its item.
Result<std::vector<StreamClassListUpdate>> ParseClassListsBody(std::string const& body) {
  auto json = ParseJsonObject(body, false);
  if (!json) return json.error();
  JsonFields fields(*json, "");
  auto const* items = fields.Array("items");
  if (auto error = fields.Finish()) return *error;
  if (items == nullptr) return errors::BadRequest("Bad request. 'items' (an array of streams) is required.");
  std::vector<StreamClassListUpdate> updates;
  updates.reserve(items->size());
  for (std::size_t i = 0; i < items->size(); ++i) {
    auto where = "items[" + std::to_string(i) + "]: ";
    auto const& item = (*items)[i];
    if (!item.is_object()) return errors::BadRequest("Bad request. " + where + "must be an object.");
    JsonFields members(item, where);
    StreamClassListUpdate update;
    update.stream_id = members.String("id").value_or("");
    auto const* classes = members.Array("layoutClassList");
    if (auto error = members.Finish()) return *error;
    if (update.stream_id.empty()) return errors::BadRequest("Bad request. " + where + "'id' (a stream id) is required.");
    if (classes == nullptr) return errors::BadRequest("Bad request. " + where + "'layoutClassList' is required.");
    auto parsed = ParseClassList(*classes, where);
    if (!parsed) return parsed.error();
    update.layout_class_list = std::move(*parsed);
    updates.push_back(std::move(update));
  }
  return updates;
}

void SetClassLists(RestCall& call) {
  auto items = ParseClassListsBody(call.req.body);
  if (!items) return SendError(call.res, items.error());
  auto status = call.service.SetStreamClassLists(call.api_key, call.Param(1), *items);
  if (!status) return SendError(call.res, status.error());
  // 200 (the Java, Python and Ruby SDKs check for exactly 200) with the updated streams in
  // the order asked: the Vonage Python SDK reads them back as its answer.
  nlohmann::json updated = nlohmann::json::array();
  for (auto const& item : *items) {
    if (auto stream = call.service.GetStream(call.api_key, call.Param(1), item.stream_id)) {
      updated.push_back(StreamToJson(*stream));
    }
  }
  SendJson(call.res, 200, {{"count", updated.size()}, {"items", std::move(updated)}});
}

// The PHP SDK's updateStream: {"layoutClassList": [...]} for one stream.
void SetClassList(RestCall& call) {
  auto json = ParseJsonObject(call.req.body, false);
  if (!json) return SendError(call.res, json.error());
  JsonFields fields(*json, "");
  auto const* classes = fields.Array("layoutClassList");
  if (auto error = fields.Finish()) return SendError(call.res, *error);
  if (classes == nullptr) return SendError(call.res, errors::BadRequest("Bad request. 'layoutClassList' is required."));
  auto parsed = ParseClassList(*classes, "");
  if (!parsed) return SendError(call.res, parsed.error());
  auto status = call.service.SetStreamClassList(call.api_key, call.Param(1), call.Param(2), std::move(*parsed));
  if (!status) return SendError(call.res, status.error());
  call.res.status = 200;
}

constexpr RestRoute kRoutes[] = {
    {"GET", "/session/{sessionId}/stream", "stream.list", ListStreams},
    {"GET", "/session/{sessionId}/stream/{streamId}", "stream.get", GetStream},
    {"PUT", "/session/{sessionId}/stream", "stream.class-lists", SetClassLists},
    {"PUT", "/session/{sessionId}/stream/{streamId}", "stream.class-list", SetClassList},
};

}  // namespace

std::span<RestRoute const> StreamRoutes() { return kRoutes; }

}  // namespace opentok_mock::http
