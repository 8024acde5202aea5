#pragma once

// The REST API's names for its enumerated values ("routed", "publisheronly", "available",
// ...), in one place. The SDK and the mock keep enums of their own (the SDK's public ones
// have a kUnknown for values a newer service may send; the mock's model has none), so each
// pairs its enumerators with these names in a NameTable; neither spells a name itself.
// (The conformance suite deliberately keeps its own, independently written expectations.)
//
// Sources: the official server SDKs' enums (e.g. opentok-node's, Opentok-Java-SDK's
// ArchiveStatus, Role and Broadcast classes) and the Vonage Video REST API reference
// (https://developer.vonage.com/en/api/video).

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

namespace opentok::common::wire {

// An enum's values and their wire names; lookups are linear (a handful of entries).
template <typename Enum, std::size_t N>
using NameTable = std::array<std::pair<Enum, std::string_view>, N>;

inline constexpr std::string_view kUnknownName = "unknown";

template <typename Enum, std::size_t N>
constexpr std::string_view NameOf(NameTable<Enum, N> const& table, Enum value) {
  for (auto const& [candidate, name] : table) {
    if (candidate == value) return name;
  }
  return kUnknownName;
}

// Exact, case-sensitive match (the service's names are case-sensitive).
template <typename Enum, std::size_t N>
constexpr std::optional<Enum> ValueOf(NameTable<Enum, N> const& table, std::string_view text) {
  for (auto const& [value, name] : table) {
    if (name == text) return value;
  }
  return std::nullopt;
}

namespace media_mode {
inline constexpr std::string_view kRelayed = "relayed";
inline constexpr std::string_view kRouted = "routed";
}  // namespace media_mode

namespace archive_mode {
inline constexpr std::string_view kManual = "manual";
inline constexpr std::string_view kAlways = "always";
}  // namespace archive_mode

namespace role {
inline constexpr std::string_view kSubscriber = "subscriber";
inline constexpr std::string_view kPublisher = "publisher";
inline constexpr std::string_view kPublisherOnly = "publisheronly";
inline constexpr std::string_view kModerator = "moderator";
}  // namespace role

namespace token_format {
inline constexpr std::string_view kJwt = "jwt";
inline constexpr std::string_view kT1 = "t1";
}  // namespace token_format

namespace output_mode {
inline constexpr std::string_view kComposed = "composed";
inline constexpr std::string_view kIndividual = "individual";
}  // namespace output_mode

namespace stream_mode {
inline constexpr std::string_view kAuto = "auto";
inline constexpr std::string_view kManual = "manual";
}  // namespace stream_mode

namespace archive_status {
inline constexpr std::string_view kStarted = "started";
inline constexpr std::string_view kPaused = "paused";
inline constexpr std::string_view kStopped = "stopped";
inline constexpr std::string_view kUploaded = "uploaded";
inline constexpr std::string_view kAvailable = "available";
inline constexpr std::string_view kExpired = "expired";
inline constexpr std::string_view kFailed = "failed";
inline constexpr std::string_view kDeleted = "deleted";
}  // namespace archive_status

namespace broadcast_status {
inline constexpr std::string_view kStarted = "started";
inline constexpr std::string_view kStopped = "stopped";
}  // namespace broadcast_status

// The status of a broadcast's HLS output and of each RTMP output.
namespace hls_status {
inline constexpr std::string_view kConnecting = "connecting";
inline constexpr std::string_view kReady = "ready";
inline constexpr std::string_view kLive = "live";
inline constexpr std::string_view kEnded = "ended";
inline constexpr std::string_view kError = "error";
}  // namespace hls_status

namespace rtmp_status {
inline constexpr std::string_view kConnecting = "connecting";
inline constexpr std::string_view kLive = "live";
inline constexpr std::string_view kOffline = "offline";
inline constexpr std::string_view kError = "error";
}  // namespace rtmp_status

namespace video_type {
inline constexpr std::string_view kCamera = "camera";
inline constexpr std::string_view kScreen = "screen";
inline constexpr std::string_view kCustom = "custom";
}  // namespace video_type

// GET .../session/{id}/connection items (capitalised on the wire).
namespace connection_state {
inline constexpr std::string_view kConnecting = "Connecting";
inline constexpr std::string_view kConnected = "Connected";
inline constexpr std::string_view kDisconnected = "Disconnected";
}  // namespace connection_state

namespace captions_status {
inline constexpr std::string_view kStarted = "started";
inline constexpr std::string_view kPaused = "paused";
inline constexpr std::string_view kStopped = "stopped";
inline constexpr std::string_view kFailed = "failed";
}  // namespace captions_status

namespace render_status {
inline constexpr std::string_view kStarting = "starting";
inline constexpr std::string_view kStarted = "started";
inline constexpr std::string_view kStopped = "stopped";
inline constexpr std::string_view kFailed = "failed";
}  // namespace render_status

// Why a connection, a stream or a SIP call went away (session monitoring and SIP callbacks);
// the last two are for streams only.
namespace destroyed_reason {
inline constexpr std::string_view kClientDisconnected = "clientDisconnected";
inline constexpr std::string_view kForceDisconnected = "forceDisconnected";
inline constexpr std::string_view kNetworkDisconnected = "networkDisconnected";
inline constexpr std::string_view kForceUnpublished = "forceUnpublished";
inline constexpr std::string_view kMediaStopped = "mediaStopped";
}  // namespace destroyed_reason

}  // namespace opentok::common::wire
