#include "archive_json.h"

#include <string>

namespace opentok_mock::http {
namespace {

std::int64_t NumericKey(std::string const& api_key) {
  // Keys are validated as positive 32-bit decimals when a project is added.
  return std::stoll(api_key);
}

}  // namespace

nlohmann::json ArchiveToJson(Archive const& archive) {
  auto key = NumericKey(archive.api_key);
  nlohmann::json json{
      {"id", archive.id},
      {"status", ToString(archive.status)},
      {"name", archive.name},
      {"reason", archive.reason},
      {"sessionId", archive.session_id},
      {"projectId", key},
      {"partnerId", key},
      {"createdAt", archive.created_at_ms},
      {"updatedAt", archive.updated_at_ms},
      {"size", archive.size},
      {"duration", archive.duration_s},
      {"outputMode", ToString(archive.output_mode)},
      {"streamMode", ToString(archive.stream_mode)},
      {"hasAudio", archive.has_audio},
      {"hasVideo", archive.has_video},
      {"sha256sum", archive.sha256sum},
      {"password", ""},
      {"url", archive.url ? nlohmann::json(*archive.url) : nlohmann::json(nullptr)},
      {"event", "archive"},
  };
  if (!archive.resolution.empty()) json["resolution"] = archive.resolution;
  if (!archive.multi_archive_tag.empty()) json["multiArchiveTag"] = archive.multi_archive_tag;
  if (archive.max_bitrate) json["maxBitrate"] = *archive.max_bitrate;
  if (archive.quantization_parameter) json["quantizationParameter"] = *archive.quantization_parameter;
  if (archive.has_transcription) json["hasTranscription"] = *archive.has_transcription;
  if (archive.stream_mode == StreamMode::kManual && IsRecording(archive.status)) {
    auto streams = nlohmann::json::array();
    for (auto const& stream : archive.streams) {
      streams.push_back({{"streamId", stream.stream_id}, {"hasAudio", stream.has_audio}, {"hasVideo", stream.has_video}});
    }
    json["streams"] = std::move(streams);
  }
  return json;
}

nlohmann::json StreamToJson(Stream const& stream) {
  return {{"id", stream.stream_id},
          {"videoType", ToString(stream.video_type)},
          {"name", stream.name},
          {"layoutClassList", stream.layout_class_list}};
}

nlohmann::json ConnectionToJson(Connection const& connection) {
  return {{"connectionId", connection.connection_id},
          {"role", ToString(connection.role)},
          {"data", connection.data},
          {"tokenFormat", ToString(connection.token_format)},
          {"createdAt", connection.created_at_ms}};
}

nlohmann::json SessionSnapshotToJson(SessionSnapshot const& snapshot) {
  auto const& session = snapshot.session;
  nlohmann::json connections = nlohmann::json::array();
  for (auto const& connection : snapshot.connections) connections.push_back(ConnectionToJson(connection));
  nlohmann::json streams = nlohmann::json::array();
  for (auto const& stream : snapshot.streams) {
    auto json = StreamToJson(stream);
    json["connectionId"] = stream.connection_id;
    json["hasAudio"] = stream.has_audio;
    json["hasVideo"] = stream.has_video;
    streams.push_back(std::move(json));
  }
  return {{"sessionId", session.session_id},
          {"apiKey", session.api_key},
          {"mediaMode", ToString(session.settings.media_mode)},
          {"archiveMode", ToString(session.settings.archive_mode)},
          {"location", session.settings.location},
          {"e2ee", session.settings.e2ee},
          {"createdAt", session.created_at_ms},
          {"connections", std::move(connections)},
          {"streams", std::move(streams)},
          {"recordingArchiveIds", snapshot.recording_archive_ids}};
}

nlohmann::json JournalEntryToJson(JournalEntry const& entry) {
  return {{"sequence", entry.sequence},   {"time", entry.time_ms},          {"method", entry.method},
          {"path", entry.path},           {"query", entry.query},           {"status", entry.status},
          {"operation", entry.operation}, {"auth", entry.auth_verdict},     {"authMessage", entry.auth_message},
          {"apiKey", entry.api_key},      {"userAgent", entry.user_agent}};
}

}  // namespace opentok_mock::http
