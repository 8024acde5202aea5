#include "json_output.h"

#include <chrono>
#include <iostream>

namespace opentok::cli {
namespace {

std::int64_t EpochMillis(std::chrono::system_clock::time_point time) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count();
}

}  // namespace

nlohmann::ordered_json ToJson(Archive const& a) {
  nlohmann::ordered_json j;
  j["id"] = a.id;
  j["status"] = a.status_name.empty() ? std::string(ToString(a.status)) : a.status_name;
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
  if (!a.streams.empty()) {
    auto& streams = j["streams"] = nlohmann::ordered_json::array();
    for (auto const& s : a.streams) {
      streams.push_back({{"streamId", s.stream_id}, {"hasAudio", s.has_audio}, {"hasVideo", s.has_video}});
    }
  }
  return j;
}

nlohmann::ordered_json ToJson(ArchiveList const& list) {
  nlohmann::ordered_json j;
  j["count"] = list.total_count;
  auto& items = j["items"] = nlohmann::ordered_json::array();
  for (auto const& a : list.items) items.push_back(ToJson(a));
  return j;
}

nlohmann::ordered_json ToJson(Session const& session) {
  nlohmann::ordered_json j;
  j["session_id"] = session.id;
  j["media_mode"] = ToString(session.media_mode);
  j["archive_mode"] = ToString(session.archive_mode);
  j["location"] = session.location;
  j["e2ee"] = session.e2ee;
  return j;
}

void PrintJson(nlohmann::ordered_json const& json) {
  std::cout << json.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
}

}  // namespace opentok::cli
