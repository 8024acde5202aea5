#include "internal/broadcast_codec.h"

#include "internal/json_read.h"
#include "internal/layout_codec.h"

namespace opentok::internal {
namespace {

RtmpOutput ParseRtmpOutput(Json const& object) {
  if (!object.is_object()) throw ShapeError("an entry of 'broadcastUrls.rtmp' is not an object");
  RtmpOutput rtmp;
  rtmp.id = GetString(object, "id");
  rtmp.server_url = GetString(object, "serverUrl");
  rtmp.stream_name = GetString(object, "streamName");
  rtmp.status_name = GetString(object, "status");
  rtmp.status = ParseRtmpStatus(rtmp.status_name).value_or(RtmpStatus::kUnknown);
  return rtmp;
}

BroadcastUrls ParseBroadcastUrls(Json const& object) {
  if (!object.is_object()) WrongType("broadcastUrls", "an object");
  BroadcastUrls urls;
  urls.hls = GetString(object, "hls");
  urls.hls_status_name = GetString(object, "hlsStatus");
  urls.hls_status = ParseHlsStatus(urls.hls_status_name).value_or(HlsStatus::kUnknown);
  if (Json const* rtmp = Member(object, "rtmp")) {
    // The service sends an array. The PHP SDK's fixtures key the outputs by id in an
    // object instead; reading its values costs nothing and keeps such answers usable.
    if (!rtmp->is_array() && !rtmp->is_object()) WrongType("broadcastUrls.rtmp", "an array");
    for (auto const& entry : *rtmp) urls.rtmp.push_back(ParseRtmpOutput(entry));
  }
  return urls;
}

std::optional<HlsOptions> ParseHlsSettings(Json const& object) {
  Json const* settings = Member(object, "settings");
  if (settings == nullptr) return std::nullopt;
  if (!settings->is_object()) WrongType("settings", "an object");
  Json const* hls = Member(*settings, "hls");
  if (hls == nullptr) return std::nullopt;
  if (!hls->is_object()) WrongType("settings.hls", "an object");
  return HlsOptions{.dvr = GetBool(*hls, "dvr", false), .low_latency = GetBool(*hls, "lowLatency", false)};
}

}  // namespace

Broadcast ParseBroadcast(Json const& object) {
  if (!object.is_object()) throw ShapeError("a broadcast is not a JSON object");
  Broadcast b;
  b.id = GetString(object, "id");
  if (b.id.empty()) throw ShapeError("the broadcast has no 'id'");
  b.session_id = GetString(object, "sessionId");
  b.project_id = GetProjectId(object);
  b.created_at = GetMillisTime(object, "createdAt");
  b.updated_at = GetMillisTime(object, "updatedAt");
  b.status_name = GetString(object, "status");
  b.status = ParseBroadcastStatus(b.status_name).value_or(BroadcastStatus::kUnknown);
  b.resolution = GetString(object, "resolution");
  b.max_duration = GetOptionalInt(object, "maxDuration").value_or(0);
  // "maxBitRate" is the PHP SDK's spelling, seen in its fixtures.
  b.max_bitrate = GetOptionalInt(object, "maxBitrate");
  if (!b.max_bitrate) b.max_bitrate = GetOptionalInt(object, "maxBitRate");
  std::string stream_mode = GetString(object, "streamMode");
  b.stream_mode = stream_mode.empty() ? StreamMode::kAuto : ParseStreamMode(stream_mode).value_or(StreamMode::kUnknown);
  b.has_audio = GetBool(object, "hasAudio", true);
  b.has_video = GetBool(object, "hasVideo", true);
  b.multi_broadcast_tag = GetString(object, "multiBroadcastTag");
  b.hls_settings = ParseHlsSettings(object);
  if (Json const* urls = Member(object, "broadcastUrls")) b.broadcast_urls = ParseBroadcastUrls(*urls);
  b.streams = ParseSelectedStreams(object);
  return b;
}

namespace {

BroadcastList ParseBroadcastList(Json const& object) {
  BroadcastList list;
  list.total_count = ParseListPage(object, "broadcast list", list.items, ParseBroadcast);
  return list;
}

OrderedJson EncodeOutputs(StartBroadcastOptions const& options) {
  OrderedJson outputs = OrderedJson::object();
  if (options.hls) {
    outputs["hls"] = {{"dvr", options.hls->dvr}, {"lowLatency", options.hls->low_latency}};
  }
  if (!options.rtmp.empty()) {
    OrderedJson& rtmp = outputs["rtmp"] = OrderedJson::array();
    for (auto const& destination : options.rtmp) {
      OrderedJson entry = OrderedJson::object();
      if (!destination.id.empty()) entry["id"] = destination.id;
      entry["serverUrl"] = destination.server_url;
      entry["streamName"] = destination.stream_name;
      rtmp.push_back(std::move(entry));
    }
  }
  return outputs;
}

}  // namespace

Broadcast DecodeBroadcast(std::string_view operation, HttpResponse const& response) {
  return DecodeJson(operation, response, [](Json const& body) { return ParseBroadcast(body); });
}

BroadcastList DecodeBroadcastList(std::string_view operation, HttpResponse const& response) {
  return DecodeJson(operation, response, [](Json const& body) { return ParseBroadcastList(body); });
}

std::string EncodeStartBroadcastBody(std::string_view session_id, StartBroadcastOptions const& options) {
  OrderedJson body;
  body["sessionId"] = session_id;
  body["outputs"] = EncodeOutputs(options);
  if (options.layout) body["layout"] = EncodeLayout(*options.layout);
  if (!options.resolution.empty()) body["resolution"] = options.resolution;
  if (options.max_duration) body["maxDuration"] = *options.max_duration;
  if (options.max_bitrate) body["maxBitrate"] = *options.max_bitrate;
  body["streamMode"] = ToString(options.stream_mode);
  body["hasAudio"] = options.has_audio;
  body["hasVideo"] = options.has_video;
  if (!options.multi_broadcast_tag.empty()) body["multiBroadcastTag"] = options.multi_broadcast_tag;
  return DumpRequestBody(body, "broadcast options");
}

}  // namespace opentok::internal
