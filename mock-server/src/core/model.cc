#include "opentok_mock/model.h"

#include <array>
#include <utility>

#include "opentok_common/api_rules.h"

namespace opentok_mock {
namespace {

template <typename Enum, std::size_t N>
std::optional<Enum> Lookup(std::array<std::pair<Enum, std::string_view>, N> const& names, std::string_view text) {
  for (auto const& [value, name] : names) {
    if (name == text) return value;
  }
  return std::nullopt;
}

template <typename Enum, std::size_t N>
std::string_view NameOf(std::array<std::pair<Enum, std::string_view>, N> const& names, Enum value) {
  for (auto const& [candidate, name] : names) {
    if (candidate == value) return name;
  }
  return "unknown";
}

constexpr std::array<std::pair<MediaMode, std::string_view>, 2> kMediaModes{{
    {MediaMode::kRelayed, "relayed"}, {MediaMode::kRouted, "routed"}}};
constexpr std::array<std::pair<ArchiveMode, std::string_view>, 2> kArchiveModes{{
    {ArchiveMode::kManual, "manual"}, {ArchiveMode::kAlways, "always"}}};
constexpr std::array<std::pair<Role, std::string_view>, 4> kRoles{{{Role::kSubscriber, "subscriber"},
                                                                   {Role::kPublisher, "publisher"},
                                                                   {Role::kModerator, "moderator"},
                                                                   {Role::kPublisherOnly, "publisheronly"}}};
constexpr std::array<std::pair<OutputMode, std::string_view>, 2> kOutputModes{{
    {OutputMode::kComposed, "composed"}, {OutputMode::kIndividual, "individual"}}};
constexpr std::array<std::pair<StreamMode, std::string_view>, 2> kStreamModes{{
    {StreamMode::kAuto, "auto"}, {StreamMode::kManual, "manual"}}};
constexpr std::array<std::pair<VideoType, std::string_view>, 3> kVideoTypes{{
    {VideoType::kCamera, "camera"}, {VideoType::kScreen, "screen"}, {VideoType::kCustom, "custom"}}};
constexpr std::array<std::pair<TokenFormat, std::string_view>, 2> kTokenFormats{{
    {TokenFormat::kJwt, "jwt"}, {TokenFormat::kT1, "t1"}}};
constexpr std::array<std::pair<ArchiveStatus, std::string_view>, 8> kArchiveStatuses{{
    {ArchiveStatus::kStarted, "started"},
    {ArchiveStatus::kPaused, "paused"},
    {ArchiveStatus::kStopped, "stopped"},
    {ArchiveStatus::kUploaded, "uploaded"},
    {ArchiveStatus::kAvailable, "available"},
    {ArchiveStatus::kExpired, "expired"},
    {ArchiveStatus::kFailed, "failed"},
    {ArchiveStatus::kDeleted, "deleted"},
}};
constexpr std::array<std::pair<BroadcastStatus, std::string_view>, 2> kBroadcastStatuses{{
    {BroadcastStatus::kStarted, "started"}, {BroadcastStatus::kStopped, "stopped"}}};
constexpr std::array<std::pair<HlsStatus, std::string_view>, 5> kHlsStatuses{{{HlsStatus::kConnecting, "connecting"},
                                                                             {HlsStatus::kReady, "ready"},
                                                                             {HlsStatus::kLive, "live"},
                                                                             {HlsStatus::kEnded, "ended"},
                                                                             {HlsStatus::kError, "error"}}};
constexpr std::array<std::pair<RtmpStatus, std::string_view>, 4> kRtmpStatuses{{{RtmpStatus::kConnecting, "connecting"},
                                                                               {RtmpStatus::kLive, "live"},
                                                                               {RtmpStatus::kOffline, "offline"},
                                                                               {RtmpStatus::kError, "error"}}};

constexpr std::array<std::pair<ConnectionKind, std::string_view>, 4> kConnectionKinds{{
    {ConnectionKind::kClient, "client"},
    {ConnectionKind::kSip, "sip"},
    {ConnectionKind::kRender, "render"},
    {ConnectionKind::kWebsocket, "websocket"}}};
constexpr std::array<std::pair<DisconnectReason, std::string_view>, 3> kDisconnectReasons{{
    {DisconnectReason::kClientDisconnected, "clientDisconnected"},
    {DisconnectReason::kForceDisconnected, "forceDisconnected"},
    {DisconnectReason::kNetworkDisconnected, "networkDisconnected"}}};

}  // namespace

std::string_view ToString(MediaMode value) { return NameOf(kMediaModes, value); }
std::string_view ToString(ArchiveMode value) { return NameOf(kArchiveModes, value); }
std::string_view ToString(Role value) { return NameOf(kRoles, value); }
std::string_view ToString(OutputMode value) { return NameOf(kOutputModes, value); }
std::string_view ToString(StreamMode value) { return NameOf(kStreamModes, value); }
std::string_view ToString(VideoType value) { return NameOf(kVideoTypes, value); }
std::string_view ToString(TokenFormat value) { return NameOf(kTokenFormats, value); }
std::string_view ToString(ArchiveStatus value) { return NameOf(kArchiveStatuses, value); }
std::string_view ToString(BroadcastStatus value) { return NameOf(kBroadcastStatuses, value); }
std::string_view ToString(HlsStatus value) { return NameOf(kHlsStatuses, value); }
std::string_view ToString(RtmpStatus value) { return NameOf(kRtmpStatuses, value); }
std::string_view ToString(ConnectionKind value) { return NameOf(kConnectionKinds, value); }
std::string_view ToString(DisconnectReason value) { return NameOf(kDisconnectReasons, value); }

std::optional<ArchiveMode> ParseArchiveMode(std::string_view text) { return Lookup(kArchiveModes, text); }
std::optional<Role> ParseRole(std::string_view text) { return Lookup(kRoles, text); }
std::optional<OutputMode> ParseOutputMode(std::string_view text) { return Lookup(kOutputModes, text); }
std::optional<StreamMode> ParseStreamMode(std::string_view text) { return Lookup(kStreamModes, text); }
std::optional<VideoType> ParseVideoType(std::string_view text) { return Lookup(kVideoTypes, text); }
std::optional<DisconnectReason> ParseDisconnectReason(std::string_view text) {
  return Lookup(kDisconnectReasons, text);
}

bool IsRecording(ArchiveStatus status) {
  return status == ArchiveStatus::kStarted || status == ArchiveStatus::kPaused;
}

bool IsValidResolution(std::string_view resolution) { return opentok::common::rules::IsResolution(resolution); }

bool IsIpv4(std::string_view text) { return opentok::common::rules::IsIpv4(text); }

}  // namespace opentok_mock
