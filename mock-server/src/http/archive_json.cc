#include "archive_json.h"

#include <nlohmann/json.hpp>

#include <string>

#include "json_writer.h"
#include "session_control_json.h"

namespace opentok_mock::http {

void AppendArchiveJson(std::string& out, Archive const& archive) {
  bool const with_streams = archive.stream_mode == StreamMode::kManual && IsRecording(archive.status);
  ObjectWriter json(out);
  json.ApplicationId(archive.api_key);
  json.Integer("createdAt", archive.created_at_ms);
  json.Integer("duration", archive.duration_s);
  json.String("event", "archive");
  json.Bool("hasAudio", archive.has_audio);
  if (archive.has_transcription) json.Bool("hasTranscription", *archive.has_transcription);
  json.Bool("hasVideo", archive.has_video);
  json.String("id", archive.id);
  // A mock extension: the current layout of a composed archive.
  if (archive.layout) AppendLayoutJson(json.Member("layout"), *archive.layout);
  if (archive.max_bitrate) json.Integer("maxBitrate", *archive.max_bitrate);
  if (!archive.multi_archive_tag.empty()) json.String("multiArchiveTag", archive.multi_archive_tag);
  json.String("name", archive.name);
  json.String("outputMode", ToString(archive.output_mode));
  json.OwnerId("partnerId", archive.api_key);
  json.String("password", "");
  json.OwnerId("projectId", archive.api_key);
  if (archive.quantization_parameter) json.Integer("quantizationParameter", *archive.quantization_parameter);
  json.String("reason", archive.reason);
  if (!archive.resolution.empty()) json.String("resolution", archive.resolution);
  json.String("sessionId", archive.session_id);
  json.String("sha256sum", archive.sha256sum);
  json.Integer("size", archive.size);
  json.String("status", ToString(archive.status));
  json.String("streamMode", ToString(archive.stream_mode));
  if (with_streams) AppendSelectedStreamsJson(json.Member("streams"), archive.streams);
  json.Integer("updatedAt", archive.updated_at_ms);
  if (archive.url) {
    json.String("url", *archive.url);
  } else {
    json.Null("url");
  }
}

std::string ArchiveJsonText(Archive const& archive) {
  std::string out;
  out.reserve(700);
  AppendArchiveJson(out, archive);
  return out;
}

nlohmann::json StreamToJson(Stream const& stream) {
  return {{"id", stream.stream_id},
          {"videoType", ToString(stream.video_type)},
          {"name", stream.name},
          {"layoutClassList", stream.layout_class_list}};
}

nlohmann::json ConnectionToJson(Connection const& connection) {
  nlohmann::json json{{"connectionId", connection.connection_id},
                      {"role", ToString(connection.role)},
                      {"data", connection.data},
                      {"tokenFormat", ToString(connection.token_format)},
                      {"createdAt", connection.created_at_ms},
                      {"kind", ToString(connection.kind)}};
  // What an Audio Connector's WebSocket receives.
  if (connection.kind == ConnectionKind::kWebsocket) json["subscribedStreams"] = connection.subscribed_stream_ids;
  return json;
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
    json["audioMuted"] = stream.audio_muted;
    streams.push_back(std::move(json));
  }
  nlohmann::json left = nlohmann::json::array();
  for (auto const& connection : snapshot.left_connections) left.push_back(LeftConnectionToJson(connection));
  return {{"sessionId", session.session_id},
          {"apiKey", session.api_key},
          {"mediaMode", ToString(session.settings.media_mode)},
          {"archiveMode", ToString(session.settings.archive_mode)},
          {"location", session.settings.location},
          {"e2ee", session.settings.e2ee},
          {"createdAt", session.created_at_ms},
          {"connections", std::move(connections)},
          {"streams", std::move(streams)},
          {"recordingArchiveIds", snapshot.recording_archive_ids},
          {"startedBroadcastIds", snapshot.started_broadcast_ids},
          {"leftConnections", std::move(left)},
          {"muteAll", MuteAllToJson(snapshot.mute_all)}};
}

nlohmann::json JournalEntryToJson(JournalEntry const& entry) {
  return {{"sequence", entry.sequence},   {"time", entry.time_ms},          {"method", entry.method},
          {"path", entry.path},           {"query", entry.query},           {"status", entry.status},
          {"operation", entry.operation}, {"auth", entry.auth_verdict},     {"authMessage", entry.auth_message},
          {"apiKey", entry.api_key},      {"credential", entry.credential}, {"authHeader", entry.auth_header},
          {"userAgent", entry.user_agent},
          {"fault", entry.fault.empty() ? nlohmann::json(nullptr) : nlohmann::json(entry.fault)}};
}

}  // namespace opentok_mock::http
