#include "json_output.h"

#include <iostream>

#include "json_fields.h"

namespace opentok::cli {
namespace {

nlohmann::ordered_json StreamsJson(std::vector<SelectedStream> const& streams) {
  auto out = nlohmann::ordered_json::array();
  for (auto const& s : streams) {
    out.push_back({{"streamId", s.stream_id}, {"hasAudio", s.has_audio}, {"hasVideo", s.has_video}});
  }
  return out;
}

// {"count": total, "items": [...]}
template <typename List>
nlohmann::ordered_json ListJson(List const& list) {
  nlohmann::ordered_json j;
  j["count"] = list.total_count;
  auto& items = j["items"] = nlohmann::ordered_json::array();
  for (auto const& item : list.items) items.push_back(ToJson(item));
  return j;
}

nlohmann::ordered_json UrlsJson(BroadcastUrls const& urls) {
  nlohmann::ordered_json j;
  if (!urls.hls.empty()) j["hls"] = urls.hls;
  if (!urls.hls.empty() || !urls.hls_status_name.empty()) j["hlsStatus"] = WireName(urls.hls_status_name, urls.hls_status);
  auto& rtmp = j["rtmp"] = nlohmann::ordered_json::array();
  for (auto const& r : urls.rtmp) {
    rtmp.push_back({{"id", r.id},
                    {"serverUrl", r.server_url},
                    {"streamName", r.stream_name},
                    {"status", WireName(r.status_name, r.status)}});
  }
  return j;
}

}  // namespace

nlohmann::ordered_json ToJson(Archive const& a) {
  nlohmann::ordered_json j;
  j["id"] = a.id;
  j["status"] = WireName(a.status_name, a.status);
  j["name"] = a.name;
  j["reason"] = a.reason;
  j["sessionId"] = a.session_id;
  j["projectId"] = a.project_id;
  j["createdAt"] = EpochMillis(a.created_at);
  j["updatedAt"] = EpochMillis(a.updated_at);
  j["size"] = a.size;
  j["duration"] = a.duration;
  j["outputMode"] = ToString(a.output_mode);
  j["streamMode"] = ToString(a.stream_mode);
  j["hasAudio"] = a.has_audio;
  j["hasVideo"] = a.has_video;
  j["resolution"] = a.resolution;
  j["url"] = a.url ? nlohmann::ordered_json(*a.url) : nlohmann::ordered_json(nullptr);
  j["password"] = a.password;
  j["sha256sum"] = a.sha256sum;
  if (!a.multi_archive_tag.empty()) j["multiArchiveTag"] = a.multi_archive_tag;
  if (a.max_bitrate) j["maxBitrate"] = *a.max_bitrate;
  if (a.quantization_parameter) j["quantizationParameter"] = *a.quantization_parameter;
  if (!a.streams.empty()) j["streams"] = StreamsJson(a.streams);
  return j;
}

nlohmann::ordered_json ToJson(ArchiveList const& list) { return ListJson(list); }

nlohmann::ordered_json ToJson(Session const& session) {
  nlohmann::ordered_json j;
  j["session_id"] = session.id;
  j["media_mode"] = ToString(session.media_mode);
  j["archive_mode"] = ToString(session.archive_mode);
  j["location"] = session.location;
  j["e2ee"] = session.e2ee;
  return j;
}

nlohmann::ordered_json ToJson(Layout const& layout) {
  nlohmann::ordered_json j;
  j["type"] = layout.type;
  if (!layout.stylesheet.empty()) j["stylesheet"] = layout.stylesheet;
  if (!layout.screenshare_type.empty()) j["screenshareType"] = layout.screenshare_type;
  return j;
}

nlohmann::ordered_json ToJson(Broadcast const& b) {
  nlohmann::ordered_json j;
  j["id"] = b.id;
  j["sessionId"] = b.session_id;
  j["projectId"] = b.project_id;
  j["createdAt"] = EpochMillis(b.created_at);
  j["updatedAt"] = EpochMillis(b.updated_at);
  j["status"] = WireName(b.status_name, b.status);
  j["resolution"] = b.resolution;
  j["maxDuration"] = b.max_duration;
  if (b.max_bitrate) j["maxBitrate"] = *b.max_bitrate;
  j["streamMode"] = ToString(b.stream_mode);
  j["hasAudio"] = b.has_audio;
  j["hasVideo"] = b.has_video;
  if (!b.multi_broadcast_tag.empty()) j["multiBroadcastTag"] = b.multi_broadcast_tag;
  if (!b.streams.empty()) j["streams"] = StreamsJson(b.streams);
  if (b.hls_settings) {
    j["settings"] = {{"hls", {{"lowLatency", b.hls_settings->low_latency}, {"dvr", b.hls_settings->dvr}}}};
  }
  j["broadcastUrls"] = b.broadcast_urls ? UrlsJson(*b.broadcast_urls) : nlohmann::ordered_json(nullptr);
  return j;
}

nlohmann::ordered_json ToJson(BroadcastList const& list) { return ListJson(list); }

nlohmann::ordered_json ToJson(Stream const& s) {
  nlohmann::ordered_json j;
  j["id"] = s.id;
  j["videoType"] = WireName(s.video_type_name, s.video_type);
  j["name"] = s.name;
  j["layoutClassList"] = s.layout_class_list;
  return j;
}

nlohmann::ordered_json ToJson(StreamList const& list) { return ListJson(list); }

void PrintJson(nlohmann::ordered_json const& json) {
  std::cout << json.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
}

}  // namespace opentok::cli
