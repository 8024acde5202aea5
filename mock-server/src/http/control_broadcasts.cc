// The /_mock/broadcasts part of the control plane: every project's broadcasts with their
// output statuses, simulated output failures, and the public HLS playlist URL.

#include <nlohmann/json.hpp>

#include <string>

#include "broadcast_json.h"
#include "control_util.h"
#include "opentok_mock/errors.h"
#include "routes.h"

namespace opentok_mock::http {
namespace {

// The REST answer plus `outputs`, the output statuses also after the stop (when the REST
// answer's broadcastUrls is null): {"hls"?: {"status"}, "rtmp": [{"id"?, "status"}]}.
nlohmann::json ControlJson(Broadcast const& broadcast) {
  auto json = nlohmann::json::parse(BroadcastJsonText(broadcast));
  nlohmann::json outputs{{"rtmp", nlohmann::json::array()}};
  if (broadcast.hls) outputs["hls"] = {{"status", ToString(broadcast.hls_status)}};
  for (auto const& rtmp : broadcast.rtmp) {
    nlohmann::json item{{"status", ToString(rtmp.status)}};
    if (!rtmp.id.empty()) item["id"] = rtmp.id;
    outputs["rtmp"].push_back(std::move(item));
  }
  json["outputs"] = std::move(outputs);
  return json;
}

void ListBroadcasts(httplib::Request const& req, httplib::Response& res, MockService& service) {
  auto query = ParseQuery(req);
  if (!query) return SendError(res, query.error());
  auto items = nlohmann::json::array();
  for (auto const& broadcast : service.AllBroadcasts(FindField(*query, "apiKey").value_or(""))) {
    items.push_back(ControlJson(broadcast));
  }
  SendJson(res, 200, {{"count", items.size()}, {"items", std::move(items)}});
}

void GetBroadcast(httplib::Request const& req, httplib::Response& res, MockService& service) {
  auto broadcast = service.FindBroadcast(Capture(req, 1));
  if (!broadcast) return SendError(res, broadcast.error());
  SendJson(res, 200, ControlJson(*broadcast));
}

void FailBroadcast(httplib::Request const& req, httplib::Response& res, MockService& service) {
  std::string output;
  bool ok = ReadBody(req, res, true, [&](JsonFields& fields) -> std::optional<Error> {
    output = fields.String("output").value_or("");
    return std::nullopt;
  });
  if (!ok) return;
  auto broadcast = service.FailBroadcastOutput(Capture(req, 1), output);
  if (!broadcast) return SendError(res, broadcast.error());
  SendJson(res, 200, ControlJson(*broadcast));
}

// A valid, empty live playlist: enough for players and code that follow the URL. No auth:
// it is the broadcast's public URL.
void HlsPlaylist(httplib::Request const& req, httplib::Response& res, MockService& service) {
  auto broadcast = service.FindBroadcast(Capture(req, 1));
  if (!broadcast || !broadcast->hls || broadcast->status != BroadcastStatus::kStarted) {
    return SendError(res, errors::NotFound("Not found. No HLS broadcast is live at this URL."));
  }
  res.status = 200;
  res.set_content("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:6\n#EXT-X-MEDIA-SEQUENCE:0\n",
                  "application/vnd.apple.mpegurl");
}

}  // namespace

void RegisterBroadcastControlRoutes(Router& server, MockService& service) {
  std::string const broadcast = "/_mock/broadcasts/([^/]+)";
  server.Get("/_mock/broadcasts", Bind(service, ListBroadcasts));
  server.Get(broadcast, Bind(service, GetBroadcast));
  server.Post(broadcast + "/fail", Bind(service, FailBroadcast));
  server.Get(broadcast + "/hls/index.m3u8", Bind(service, HlsPlaylist));
}

}  // namespace opentok_mock::http
