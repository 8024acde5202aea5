#include "broadcast_json.h"

#include "json_writer.h"

namespace opentok_mock::http {
namespace {

void AppendBroadcastUrls(std::string& out, Broadcast const& broadcast) {
  ObjectWriter urls(out);
  if (broadcast.hls) {
    urls.String("hls", broadcast.hls_url);
    urls.String("hlsStatus", ToString(broadcast.hls_status));
  }
  std::string& rtmp = urls.Member("rtmp");
  rtmp.push_back('[');
  for (std::size_t i = 0; i < broadcast.rtmp.size(); ++i) {
    if (i > 0) rtmp.push_back(',');
    auto const& output = broadcast.rtmp[i];
    ObjectWriter item(rtmp);
    if (!output.id.empty()) item.String("id", output.id);
    item.String("serverUrl", output.server_url);
    item.String("status", ToString(output.status));
    item.String("streamName", output.stream_name);
  }
  rtmp.push_back(']');
}

}  // namespace

void AppendBroadcastJson(std::string& out, Broadcast const& broadcast) {
  bool const started = broadcast.status == BroadcastStatus::kStarted;
  ObjectWriter json(out);
  json.ApplicationId(broadcast.api_key);
  if (started) {
    AppendBroadcastUrls(json.Member("broadcastUrls"), broadcast);
  } else {
    json.Null("broadcastUrls");
  }
  json.Integer("createdAt", broadcast.created_at_ms);
  json.String("event", "broadcast");
  json.Bool("hasAudio", broadcast.has_audio);
  json.Bool("hasVideo", broadcast.has_video);
  json.String("id", broadcast.id);
  AppendLayoutJson(json.Member("layout"), broadcast.layout);
  if (broadcast.max_bitrate) json.Integer("maxBitrate", *broadcast.max_bitrate);
  json.Integer("maxDuration", broadcast.max_duration_s);
  if (!broadcast.multi_broadcast_tag.empty()) json.String("multiBroadcastTag", broadcast.multi_broadcast_tag);
  json.OwnerId("partnerId", broadcast.api_key);
  json.OwnerId("projectId", broadcast.api_key);
  json.String("resolution", broadcast.resolution);
  json.String("sessionId", broadcast.session_id);
  if (broadcast.hls) {
    // The PHP SDK tells HLS broadcasts by the presence of settings.hls.
    std::string& settings = json.Member("settings");
    ObjectWriter outer(settings);
    ObjectWriter hls(outer.Member("hls"));
    hls.Bool("dvr", broadcast.hls->dvr);
    hls.Bool("lowLatency", broadcast.hls->low_latency);
  }
  json.String("status", ToString(broadcast.status));
  json.String("streamMode", ToString(broadcast.stream_mode));
  if (started && broadcast.stream_mode == StreamMode::kManual) {
    AppendSelectedStreamsJson(json.Member("streams"), broadcast.streams);
  }
  json.Integer("updatedAt", broadcast.updated_at_ms);
}

std::string BroadcastJsonText(Broadcast const& broadcast) {
  std::string out;
  out.reserve(768);
  AppendBroadcastJson(out, broadcast);
  return out;
}

std::string BroadcastPageJsonText(std::int64_t total, std::vector<Broadcast> const& items) {
  return PageJsonText(total, items, 768, AppendBroadcastJson);
}

}  // namespace opentok_mock::http
