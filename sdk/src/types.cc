// Wire names of the public enums, in one table per enum so that ToString and the Parse*
// functions cannot drift apart.
#include "opentok/types.h"

#include "opentok/http_transport.h"

#include <array>
#include <utility>

namespace opentok {
namespace {

template <typename Enum, std::size_t N>
using NameTable = std::array<std::pair<Enum, std::string_view>, N>;

constexpr NameTable<MediaMode, 2> kMediaModes{{{MediaMode::kRelayed, "relayed"}, {MediaMode::kRouted, "routed"}}};
constexpr NameTable<ArchiveMode, 2> kArchiveModes{{{ArchiveMode::kManual, "manual"}, {ArchiveMode::kAlways, "always"}}};
constexpr NameTable<Role, 4> kRoles{{{Role::kSubscriber, "subscriber"},
                                     {Role::kPublisher, "publisher"},
                                     {Role::kPublisherOnly, "publisheronly"},
                                     {Role::kModerator, "moderator"}}};
constexpr NameTable<TokenFormat, 2> kTokenFormats{{{TokenFormat::kJwt, "jwt"}, {TokenFormat::kT1, "t1"}}};
constexpr NameTable<OutputMode, 2> kOutputModes{
    {{OutputMode::kComposed, "composed"}, {OutputMode::kIndividual, "individual"}}};
constexpr NameTable<StreamMode, 2> kStreamModes{{{StreamMode::kAuto, "auto"}, {StreamMode::kManual, "manual"}}};
constexpr NameTable<ArchiveStatus, 8> kArchiveStatuses{{{ArchiveStatus::kStarted, "started"},
                                                        {ArchiveStatus::kPaused, "paused"},
                                                        {ArchiveStatus::kStopped, "stopped"},
                                                        {ArchiveStatus::kUploaded, "uploaded"},
                                                        {ArchiveStatus::kAvailable, "available"},
                                                        {ArchiveStatus::kExpired, "expired"},
                                                        {ArchiveStatus::kFailed, "failed"},
                                                        {ArchiveStatus::kDeleted, "deleted"}}};
constexpr NameTable<BroadcastStatus, 2> kBroadcastStatuses{
    {{BroadcastStatus::kStarted, "started"}, {BroadcastStatus::kStopped, "stopped"}}};
constexpr NameTable<HlsStatus, 5> kHlsStatuses{{{HlsStatus::kConnecting, "connecting"},
                                                {HlsStatus::kReady, "ready"},
                                                {HlsStatus::kLive, "live"},
                                                {HlsStatus::kEnded, "ended"},
                                                {HlsStatus::kError, "error"}}};
constexpr NameTable<RtmpStatus, 4> kRtmpStatuses{{{RtmpStatus::kConnecting, "connecting"},
                                                  {RtmpStatus::kLive, "live"},
                                                  {RtmpStatus::kOffline, "offline"},
                                                  {RtmpStatus::kError, "error"}}};
constexpr NameTable<VideoType, 3> kVideoTypes{
    {{VideoType::kCamera, "camera"}, {VideoType::kScreen, "screen"}, {VideoType::kCustom, "custom"}}};

constexpr NameTable<ConnectionState, 3> kConnectionStates{{{ConnectionState::kConnecting, "Connecting"},
                                                          {ConnectionState::kConnected, "Connected"},
                                                          {ConnectionState::kDisconnected, "Disconnected"}}};
constexpr NameTable<CaptionsStatus, 4> kCaptionsStatuses{{{CaptionsStatus::kStarted, "started"},
                                                          {CaptionsStatus::kStopped, "stopped"},
                                                          {CaptionsStatus::kPaused, "paused"},
                                                          {CaptionsStatus::kFailed, "failed"}}};
constexpr NameTable<RenderStatus, 4> kRenderStatuses{{{RenderStatus::kStarting, "starting"},
                                                      {RenderStatus::kStarted, "started"},
                                                      {RenderStatus::kStopped, "stopped"},
                                                      {RenderStatus::kFailed, "failed"}}};
constexpr NameTable<DestroyedReason, 5> kDestroyedReasons{{{DestroyedReason::kClientDisconnected, "clientDisconnected"},
                                                          {DestroyedReason::kForceDisconnected, "forceDisconnected"},
                                                          {DestroyedReason::kForceUnpublished, "forceUnpublished"},
                                                          {DestroyedReason::kMediaStopped, "mediaStopped"},
                                                          {DestroyedReason::kNetworkDisconnected, "networkDisconnected"}}};

constexpr NameTable<HttpMethod, 5> kHttpMethods{{{HttpMethod::kGet, "GET"},
                                                 {HttpMethod::kPost, "POST"},
                                                 {HttpMethod::kPut, "PUT"},
                                                 {HttpMethod::kPatch, "PATCH"},
                                                 {HttpMethod::kDelete, "DELETE"}}};

constexpr std::string_view kUnknownName = "unknown";

template <typename Enum, std::size_t N>
std::string_view NameOf(NameTable<Enum, N> const& table, Enum value) {
  for (auto const& [e, name] : table) {
    if (e == value) return name;
  }
  return kUnknownName;
}

template <typename Enum, std::size_t N>
std::optional<Enum> ValueOf(NameTable<Enum, N> const& table, std::string_view text) {
  for (auto const& [e, name] : table) {
    if (name == text) return e;
  }
  return std::nullopt;
}

}  // namespace

std::string_view ToString(MediaMode value) { return NameOf(kMediaModes, value); }
std::string_view ToString(ArchiveMode value) { return NameOf(kArchiveModes, value); }
std::string_view ToString(Role value) { return NameOf(kRoles, value); }
std::string_view ToString(TokenFormat value) { return NameOf(kTokenFormats, value); }
std::string_view ToString(OutputMode value) { return NameOf(kOutputModes, value); }
std::string_view ToString(StreamMode value) { return NameOf(kStreamModes, value); }
std::string_view ToString(ArchiveStatus value) { return NameOf(kArchiveStatuses, value); }
std::string_view ToString(BroadcastStatus value) { return NameOf(kBroadcastStatuses, value); }
std::string_view ToString(HlsStatus value) { return NameOf(kHlsStatuses, value); }
std::string_view ToString(RtmpStatus value) { return NameOf(kRtmpStatuses, value); }
std::string_view ToString(VideoType value) { return NameOf(kVideoTypes, value); }
std::string_view ToString(ConnectionState value) { return NameOf(kConnectionStates, value); }
std::string_view ToString(CaptionsStatus value) { return NameOf(kCaptionsStatuses, value); }
std::string_view ToString(RenderStatus value) { return NameOf(kRenderStatuses, value); }
std::string_view ToString(DestroyedReason value) { return NameOf(kDestroyedReasons, value); }
std::string_view ToString(HttpMethod value) { return NameOf(kHttpMethods, value); }

std::optional<MediaMode> ParseMediaMode(std::string_view text) { return ValueOf(kMediaModes, text); }
std::optional<ArchiveMode> ParseArchiveMode(std::string_view text) { return ValueOf(kArchiveModes, text); }
std::optional<Role> ParseRole(std::string_view text) { return ValueOf(kRoles, text); }
std::optional<TokenFormat> ParseTokenFormat(std::string_view text) { return ValueOf(kTokenFormats, text); }
std::optional<OutputMode> ParseOutputMode(std::string_view text) { return ValueOf(kOutputModes, text); }
std::optional<StreamMode> ParseStreamMode(std::string_view text) { return ValueOf(kStreamModes, text); }
std::optional<ArchiveStatus> ParseArchiveStatus(std::string_view text) { return ValueOf(kArchiveStatuses, text); }
std::optional<BroadcastStatus> ParseBroadcastStatus(std::string_view text) { return ValueOf(kBroadcastStatuses, text); }
std::optional<HlsStatus> ParseHlsStatus(std::string_view text) { return ValueOf(kHlsStatuses, text); }
std::optional<RtmpStatus> ParseRtmpStatus(std::string_view text) { return ValueOf(kRtmpStatuses, text); }
std::optional<VideoType> ParseVideoType(std::string_view text) { return ValueOf(kVideoTypes, text); }
std::optional<ConnectionState> ParseConnectionState(std::string_view text) {
  return ValueOf(kConnectionStates, text);
}
std::optional<CaptionsStatus> ParseCaptionsStatus(std::string_view text) { return ValueOf(kCaptionsStatuses, text); }
std::optional<RenderStatus> ParseRenderStatus(std::string_view text) { return ValueOf(kRenderStatuses, text); }
std::optional<DestroyedReason> ParseDestroyedReason(std::string_view text) { return ValueOf(kDestroyedReasons, text); }

}  // namespace opentok
