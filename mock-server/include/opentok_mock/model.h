#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace opentok_mock {

// Wire vocabularies. Every enum has ToString (the wire name) and Parse<Enum> (exact, case-
// sensitive wire names unless noted; nullopt for anything else).
enum class MediaMode { kRelayed, kRouted };
enum class ArchiveMode { kManual, kAlways };
enum class Role { kSubscriber, kPublisher, kModerator, kPublisherOnly };
enum class OutputMode { kComposed, kIndividual };
enum class StreamMode { kAuto, kManual };
enum class VideoType { kCamera, kScreen, kCustom };
enum class TokenFormat { kJwt, kT1 };
enum class ArchiveStatus { kStarted, kPaused, kStopped, kUploaded, kAvailable, kExpired, kFailed, kDeleted };

std::string_view ToString(MediaMode value);
std::string_view ToString(ArchiveMode value);
std::string_view ToString(Role value);
std::string_view ToString(OutputMode value);
std::string_view ToString(StreamMode value);
std::string_view ToString(VideoType value);
std::string_view ToString(TokenFormat value);
std::string_view ToString(ArchiveStatus value);

std::optional<ArchiveMode> ParseArchiveMode(std::string_view text);
std::optional<Role> ParseRole(std::string_view text);
std::optional<OutputMode> ParseOutputMode(std::string_view text);
std::optional<StreamMode> ParseStreamMode(std::string_view text);
std::optional<VideoType> ParseVideoType(std::string_view text);

// True for started and paused: the archive is still in progress.
bool IsRecording(ArchiveStatus status);
// The six resolutions the service accepts.
bool IsValidResolution(std::string_view resolution);
// Dotted-quad IPv4 literal (the only location hint the SDKs send).
bool IsIpv4(std::string_view text);

inline constexpr char kDefaultResolution[] = "640x480";

struct ProjectCredentials {
  std::string api_key;
  std::string api_secret;
};

// What POST /session/create asked for.
struct SessionSettings {
  MediaMode media_mode = MediaMode::kRelayed;
  ArchiveMode archive_mode = ArchiveMode::kManual;
  std::string location;  // IPv4 or empty
  bool e2ee = false;
  std::string archive_name;        // archiveMode=always only
  std::string archive_resolution;  // archiveMode=always only; empty means 640x480
};

struct Session {
  std::string session_id;
  std::string api_key;
  SessionSettings settings;
  std::int64_t created_at_ms = 0;
};

struct Connection {
  std::string connection_id;
  std::string session_id;
  Role role = Role::kPublisher;
  std::string data;
  TokenFormat token_format = TokenFormat::kJwt;
  std::vector<std::string> initial_layout_class_list;
  std::int64_t created_at_ms = 0;
};

struct PublishSettings {
  std::string name;
  VideoType video_type = VideoType::kCamera;
  bool has_audio = true;
  bool has_video = true;
};

struct Stream {
  std::string stream_id;
  std::string session_id;
  std::string connection_id;
  std::string name;
  VideoType video_type = VideoType::kCamera;
  bool has_audio = true;
  bool has_video = true;
  std::vector<std::string> layout_class_list;
  std::int64_t created_at_ms = 0;
};

// A session with everyone in it (control-plane introspection).
struct SessionSnapshot {
  Session session;
  std::vector<Connection> connections;
  std::vector<Stream> streams;
  std::vector<std::string> recording_archive_ids;
};

struct ArchiveLayout {
  std::string type = "bestFit";
  std::string stylesheet;
  std::string screenshare_type;
};

struct ArchiveStreamSelection {
  std::string stream_id;
  bool has_audio = true;
  bool has_video = true;
};

// The body of POST /v2/project/{key}/archive, already type-checked.
struct StartArchiveRequest {
  std::string session_id;
  std::string name;
  bool has_audio = true;
  bool has_video = true;
  OutputMode output_mode = OutputMode::kComposed;
  std::string resolution;  // empty: 640x480 for composed archives
  StreamMode stream_mode = StreamMode::kAuto;
  std::optional<ArchiveLayout> layout;
  std::string multi_archive_tag;
  std::optional<std::int64_t> max_bitrate;
  std::optional<std::int64_t> quantization_parameter;
  std::optional<bool> has_transcription;
};

// An archive as the REST API shows it (reference section 3.1).
struct Archive {
  std::string id;
  ArchiveStatus status = ArchiveStatus::kStarted;
  std::string name;
  std::string reason;
  std::string session_id;
  std::string api_key;
  std::int64_t created_at_ms = 0;
  std::int64_t updated_at_ms = 0;
  std::int64_t size = 0;
  std::int64_t duration_s = 0;
  OutputMode output_mode = OutputMode::kComposed;
  StreamMode stream_mode = StreamMode::kAuto;
  bool has_audio = true;
  bool has_video = true;
  std::string resolution;  // empty for individual archives
  std::optional<std::string> url;
  std::string sha256sum;
  std::string multi_archive_tag;
  std::optional<std::int64_t> max_bitrate;
  std::optional<std::int64_t> quantization_parameter;
  std::optional<bool> has_transcription;
  std::optional<ArchiveLayout> layout;
  std::vector<ArchiveStreamSelection> streams;  // manual stream mode, while recording
};

struct ListArchivesQuery {
  std::int64_t offset = 0;
  std::int64_t count = 50;
  std::string session_id;  // empty: all sessions
};

struct ArchivePage {
  std::int64_t total = 0;  // every archive matching the query, not just this page
  std::vector<Archive> items;
};

}  // namespace opentok_mock
