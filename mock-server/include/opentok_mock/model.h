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
// Only these two: the Java and .NET SDKs' enums have nothing else.
enum class BroadcastStatus { kStarted, kStopped };
enum class HlsStatus { kConnecting, kReady, kLive, kEnded, kError };
enum class RtmpStatus { kConnecting, kLive, kOffline, kError };
// Who is behind a connection: an OpenTok.js/native client, a SIP call, an Experience
// Composer render or an Audio Connector WebSocket.
enum class ConnectionKind { kClient, kSip, kRender, kWebsocket };
// Why a connection left (the session-monitoring callbacks' `reason` names).
enum class DisconnectReason { kClientDisconnected, kForceDisconnected, kNetworkDisconnected };

std::string_view ToString(MediaMode value);
std::string_view ToString(ArchiveMode value);
std::string_view ToString(Role value);
std::string_view ToString(OutputMode value);
std::string_view ToString(StreamMode value);
std::string_view ToString(VideoType value);
std::string_view ToString(TokenFormat value);
std::string_view ToString(ArchiveStatus value);
std::string_view ToString(BroadcastStatus value);
std::string_view ToString(HlsStatus value);
std::string_view ToString(RtmpStatus value);
std::string_view ToString(ConnectionKind value);
std::string_view ToString(DisconnectReason value);

std::optional<ArchiveMode> ParseArchiveMode(std::string_view text);
std::optional<Role> ParseRole(std::string_view text);
std::optional<OutputMode> ParseOutputMode(std::string_view text);
std::optional<StreamMode> ParseStreamMode(std::string_view text);
std::optional<VideoType> ParseVideoType(std::string_view text);
std::optional<DisconnectReason> ParseDisconnectReason(std::string_view text);

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

// A Vonage application: a UUID and an RSA public key (SubjectPublicKeyInfo PEM). The private
// key (PKCS#8 PEM) is known only when the mock generated the pair, and only in the answer to
// its creation.
struct ApplicationCredentials {
  std::string application_id;
  std::string public_key_pem;
  std::string private_key_pem;
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
  ConnectionKind kind = ConnectionKind::kClient;
  // The streams the service's own subscribers receive (an Audio Connector's WebSocket);
  // clients' subscriptions are not simulated.
  std::vector<std::string> subscribed_stream_ids;
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
  bool audio_muted = false;  // force-muted by a moderator (REST mute calls)
};

// A connection that left the session, and why.
struct LeftConnection {
  Connection connection;
  DisconnectReason reason = DisconnectReason::kClientDisconnected;
  std::int64_t left_at_ms = 0;
};

// POST .../session/{sid}/mute: while active, streams published later are muted too.
struct MuteAllState {
  bool active = false;
  std::vector<std::string> excluded_stream_ids;
};

// A session with everyone in it (control-plane introspection).
struct SessionSnapshot {
  Session session;
  std::vector<Connection> connections;
  std::vector<Stream> streams;
  std::vector<std::string> recording_archive_ids;
  std::vector<std::string> started_broadcast_ids;
  std::vector<LeftConnection> left_connections;  // most recent last
  MuteAllState mute_all;
};

// The layout of a composed archive or a broadcast (empty strings: not set).
struct Layout {
  std::string type = "bestFit";
  std::string stylesheet;
  std::string screenshare_type;
};
using ArchiveLayout = Layout;
using BroadcastLayout = Layout;

// One stream of a manual-mode archive or broadcast, with what of it is included.
struct SelectedStream {
  std::string stream_id;
  bool has_audio = true;
  bool has_video = true;
};
using ArchiveStreamSelection = SelectedStream;

// The body of PATCH .../{archive|broadcast}/{id}/streams: add (or update the audio and
// video flags of) one stream, or remove one.
struct StreamSelectionChange {
  enum class Kind { kAdd, kRemove };
  Kind kind = Kind::kAdd;
  std::string stream_id;
  bool has_audio = true;  // add only
  bool has_video = true;  // add only
};

// One item of PUT .../session/{sid}/stream.
struct StreamClassListUpdate {
  std::string stream_id;
  std::vector<std::string> layout_class_list;
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

// An archive as the REST API shows it (the fields the official SDKs read).
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
  std::optional<Layout> layout;  // composed archives: the current layout
  std::vector<SelectedStream> streams;  // manual stream mode, while recording
};

// A page of a list (archives, broadcasts): newest first.
struct ListQuery {
  std::int64_t offset = 0;
  std::int64_t count = 50;
  std::string session_id;  // empty: all sessions
};
using ListArchivesQuery = ListQuery;
using ListBroadcastsQuery = ListQuery;

struct ArchivePage {
  std::int64_t total = 0;  // every archive matching the query, not just this page
  std::vector<Archive> items;
};

// --- Live-streaming broadcasts ----------------------------------------------------------

struct HlsSettings {
  bool dvr = false;
  bool low_latency = false;
};

struct RtmpOutput {
  std::string id;  // optional in requests
  std::string server_url;
  std::string stream_name;
  RtmpStatus status = RtmpStatus::kConnecting;
};

// The body of POST /v2/project/{key}/broadcast, already type-checked.
struct StartBroadcastRequest {
  std::string session_id;
  std::optional<HlsSettings> hls;
  std::vector<RtmpOutput> rtmp;  // statuses ignored
  std::optional<Layout> layout;
  std::string resolution;                  // empty: 640x480
  std::optional<std::int64_t> max_duration_s;  // nullopt: the default (7200)
  std::optional<std::int64_t> max_bitrate;
  StreamMode stream_mode = StreamMode::kAuto;
  bool has_audio = true;
  bool has_video = true;
  std::string multi_broadcast_tag;
};

// A broadcast as the REST API shows it.
struct Broadcast {
  std::string id;
  std::string session_id;
  std::string api_key;
  std::int64_t created_at_ms = 0;
  std::int64_t updated_at_ms = 0;
  BroadcastStatus status = BroadcastStatus::kStarted;
  std::string resolution;
  std::int64_t max_duration_s = 0;
  std::optional<std::int64_t> max_bitrate;
  StreamMode stream_mode = StreamMode::kAuto;
  bool has_audio = true;
  bool has_video = true;
  std::string multi_broadcast_tag;
  Layout layout;
  std::vector<SelectedStream> streams;  // manual stream mode, while started
  std::optional<HlsSettings> hls;       // with an HLS output
  HlsStatus hls_status = HlsStatus::kConnecting;
  std::string hls_url;  // filled in views while started
  std::vector<RtmpOutput> rtmp;
};

struct BroadcastPage {
  std::int64_t total = 0;
  std::vector<Broadcast> items;
};

}  // namespace opentok_mock
