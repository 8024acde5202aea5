#pragma once

#include <optional>
#include <string_view>

namespace opentok {

// Whether streams go through the OpenTok Media Router (routed) or peer to peer (relayed).
enum class MediaMode { kRelayed, kRouted };

// Whether the session is archived automatically when a client publishes.
enum class ArchiveMode { kManual, kAlways };

// The role a client token grants.
enum class Role { kSubscriber, kPublisher, kPublisherOnly, kModerator };

// Client token format: JWT (HS256, the default of the current official SDKs) or the
// legacy "T1==" format.
enum class TokenFormat { kJwt, kT1 };

// Wire-facing enums start with kUnknown: a value the SDK does not know parses to it.
enum class OutputMode { kUnknown, kComposed, kIndividual };
enum class StreamMode { kUnknown, kAuto, kManual };
enum class ArchiveStatus { kUnknown, kStarted, kPaused, kStopped, kUploaded, kAvailable, kExpired, kFailed, kDeleted };
enum class BroadcastStatus { kUnknown, kStarted, kStopped };
enum class HlsStatus { kUnknown, kConnecting, kReady, kLive, kEnded, kError };
enum class RtmpStatus { kUnknown, kConnecting, kLive, kOffline, kError };
enum class VideoType { kUnknown, kCamera, kScreen, kCustom };
// A connection's state; its wire names are capitalised ("Connecting", "Connected",
// "Disconnected").
enum class ConnectionState { kUnknown, kConnecting, kConnected, kDisconnected };
enum class CaptionsStatus { kUnknown, kStarted, kStopped, kPaused, kFailed };
enum class RenderStatus { kUnknown, kStarting, kStarted, kStopped, kFailed };
// Why a connection, a stream or a SIP call went away (callbacks.h): "clientDisconnected",
// "forceDisconnected", "networkDisconnected", and for streams also "forceUnpublished" and
// "mediaStopped" (a screen share ended).
enum class DestroyedReason {
  kUnknown,
  kClientDisconnected,
  kForceDisconnected,
  kForceUnpublished,
  kMediaStopped,
  kNetworkDisconnected
};

// Wire names ("routed", "publisheronly", "available", ...). kUnknown gives "unknown".
std::string_view ToString(MediaMode value);
std::string_view ToString(ArchiveMode value);
std::string_view ToString(Role value);
std::string_view ToString(TokenFormat value);
std::string_view ToString(OutputMode value);
std::string_view ToString(StreamMode value);
std::string_view ToString(ArchiveStatus value);
std::string_view ToString(BroadcastStatus value);
std::string_view ToString(HlsStatus value);
std::string_view ToString(RtmpStatus value);
std::string_view ToString(VideoType value);
std::string_view ToString(ConnectionState value);
std::string_view ToString(CaptionsStatus value);
std::string_view ToString(RenderStatus value);
std::string_view ToString(DestroyedReason value);

// The inverse of ToString: the enumerator for an exact wire name, or nullopt for any other
// text (also for "unknown"). Used by the CLI and by anything reading wire values.
std::optional<MediaMode> ParseMediaMode(std::string_view text);
std::optional<ArchiveMode> ParseArchiveMode(std::string_view text);
std::optional<Role> ParseRole(std::string_view text);
std::optional<TokenFormat> ParseTokenFormat(std::string_view text);
std::optional<OutputMode> ParseOutputMode(std::string_view text);
std::optional<StreamMode> ParseStreamMode(std::string_view text);
std::optional<ArchiveStatus> ParseArchiveStatus(std::string_view text);
std::optional<BroadcastStatus> ParseBroadcastStatus(std::string_view text);
std::optional<HlsStatus> ParseHlsStatus(std::string_view text);
std::optional<RtmpStatus> ParseRtmpStatus(std::string_view text);
std::optional<VideoType> ParseVideoType(std::string_view text);
std::optional<ConnectionState> ParseConnectionState(std::string_view text);
std::optional<CaptionsStatus> ParseCaptionsStatus(std::string_view text);
std::optional<RenderStatus> ParseRenderStatus(std::string_view text);
std::optional<DestroyedReason> ParseDestroyedReason(std::string_view text);

}  // namespace opentok
