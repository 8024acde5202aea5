// Live-streaming broadcasts: start, stop, get, list, layout and stream selection.

#include <nlohmann/json.hpp>

#include "broadcast_json.h"
#include "http_util.h"
#include "json_writer.h"
#include "opentok_mock/errors.h"
#include "request_parsers.h"
#include "rest_call.h"

namespace opentok_mock::http {
namespace {

Result<std::vector<RtmpOutput>> ParseRtmpOutputs(nlohmann::json const& array) {
  std::vector<RtmpOutput> outputs;
  for (std::size_t i = 0; i < array.size(); ++i) {
    auto where = "in outputs.rtmp[" + std::to_string(i) + "], ";
    if (!array[i].is_object()) return errors::BadRequest("Bad request. outputs.rtmp[" + std::to_string(i) + "] must be an object.");
    JsonFields fields(array[i], where);
    RtmpOutput output;
    output.id = fields.String("id").value_or("");
    output.server_url = fields.String("serverUrl").value_or("");
    output.stream_name = fields.String("streamName").value_or("");
    if (auto error = fields.Finish()) return *error;
    outputs.push_back(std::move(output));
  }
  return outputs;
}

// `outputs`: {"hls"?: {"dvr"?, "lowLatency"?}, "rtmp"?: [{"id"?, "serverUrl", "streamName"}]}.
std::optional<Error> ParseOutputs(nlohmann::json const* outputs, StartBroadcastRequest& request) {
  if (outputs == nullptr) return errors::BadRequest("Bad request. 'outputs' (an object with hls and/or rtmp) is required.");
  JsonFields fields(*outputs, "in outputs, ");
  if (auto const* hls = fields.Object("hls")) {
    JsonFields options(*hls, "in outputs.hls, ");
    request.hls = HlsSettings{options.BoolOrString("dvr").value_or(false),
                              options.BoolOrString("lowLatency").value_or(false)};
    if (auto error = options.Finish()) return error;
  }
  if (auto const* rtmp = fields.Array("rtmp")) {
    auto parsed = ParseRtmpOutputs(*rtmp);
    if (!parsed) return parsed.error();
    request.rtmp = std::move(*parsed);
  }
  return fields.Finish();
}

Result<StartBroadcastRequest> ParseStartBroadcast(std::string const& body) {
  auto json = ParseJsonObject(body, false);
  if (!json) return json.error();
  JsonFields fields(*json, "");
  StartBroadcastRequest request;
  request.session_id = fields.String("sessionId").value_or("");
  if (auto error = ParseOutputs(fields.Object("outputs"), request)) return *error;
  if (auto const* layout = fields.Object("layout")) {
    auto parsed = ParseLayout(*layout, "in layout, ");
    if (!parsed) return parsed.error();
    request.layout = *parsed;
  }
  request.resolution = fields.String("resolution").value_or("");
  request.max_duration_s = fields.Integer("maxDuration");
  request.max_bitrate = fields.IntegerAnyOf({"maxBitrate", "maxBitRate"});  // the PHP SDK writes maxBitRate
  if (auto mode = fields.String("streamMode")) {
    auto parsed = ParseStreamMode(*mode);
    if (!parsed) return errors::BadRequest("Bad request. Invalid streamMode '" + *mode + "'.");
    request.stream_mode = *parsed;
  }
  request.has_audio = fields.BoolOrString("hasAudio").value_or(true);
  request.has_video = fields.BoolOrString("hasVideo").value_or(true);
  request.multi_broadcast_tag = fields.String("multiBroadcastTag").value_or("");
  if (auto error = fields.Finish()) return *error;
  return request;
}

void SendBroadcast(RestCall& call, Result<Broadcast> const& broadcast) {
  if (!broadcast) return SendError(call.res, broadcast.error());
  SendJsonText(call.res, 200, BroadcastJsonText(*broadcast));
}

void StartBroadcast(RestCall& call) {
  auto request = ParseStartBroadcast(call.req.body);
  if (!request) return SendError(call.res, request.error());
  SendBroadcast(call, call.service.StartBroadcast(call.api_key, *request));
}

void StopBroadcast(RestCall& call) {
  // The body is ignored, as for archives.
  SendBroadcast(call, call.service.StopBroadcast(call.api_key, call.Param(1)));
}

void GetBroadcast(RestCall& call) { SendBroadcast(call, call.service.GetBroadcast(call.api_key, call.Param(1))); }

void ListBroadcasts(RestCall& call) {
  auto query = ParseListQuery(call.req);
  if (!query) return SendError(call.res, query.error());
  auto page = call.service.ListBroadcasts(call.api_key, *query);
  if (!page) return SendError(call.res, page.error());
  SendJsonText(call.res, 200, BroadcastPageJsonText(page->total, page->items));
}

void SetBroadcastLayout(RestCall& call) {
  auto layout = ParseLayoutBody(call.req.body);
  if (!layout) return SendError(call.res, layout.error());
  SendBroadcast(call, call.service.SetBroadcastLayout(call.api_key, call.Param(1), *layout));
}

void GetBroadcastLayout(RestCall& call) {
  auto layout = call.service.GetBroadcastLayout(call.api_key, call.Param(1));
  if (!layout) return SendError(call.res, layout.error());
  SendJsonText(call.res, 200, LayoutJsonText(*layout));
}

void ChangeBroadcastStreams(RestCall& call) {
  auto change = ParseSelectionChangeBody(call.req.body);
  if (!change) return SendError(call.res, change.error());
  auto status = call.service.ChangeBroadcastStreams(call.api_key, call.Param(1), *change);
  if (!status) return SendError(call.res, status.error());
  SendNoContent(call.res);
}

constexpr RestRoute kRoutes[] = {
    {"POST", "/broadcast", "broadcast.start", StartBroadcast},
    {"GET", "/broadcast", "broadcast.list", ListBroadcasts},
    {"GET", "/broadcast/{broadcastId}", "broadcast.get", GetBroadcast},
    {"POST", "/broadcast/{broadcastId}/stop", "broadcast.stop", StopBroadcast},
    {"PUT", "/broadcast/{broadcastId}/layout", "broadcast.layout", SetBroadcastLayout},
    {"GET", "/broadcast/{broadcastId}/layout", "broadcast.layout.get", GetBroadcastLayout},
    {"PATCH", "/broadcast/{broadcastId}/streams", "broadcast.streams", ChangeBroadcastStreams},
};

}  // namespace

std::span<RestRoute const> BroadcastRoutes() { return kRoutes; }

}  // namespace opentok_mock::http
