// The public enums' wire names: one table per enum, pairing each enumerator with its name
// from opentok_common/wire_names.h, so that ToString and the Parse* functions cannot drift
// apart from each other or from the mock's model.
#include "opentok/types.h"

#include "opentok/http_transport.h"
#include "opentok_common/wire_names.h"

namespace opentok {
namespace {

namespace wire = common::wire;
using wire::NameOf;
using wire::NameTable;
using wire::ValueOf;

constexpr NameTable<MediaMode, 2> kMediaModes{
    {{MediaMode::kRelayed, wire::media_mode::kRelayed}, {MediaMode::kRouted, wire::media_mode::kRouted}}};
constexpr NameTable<ArchiveMode, 2> kArchiveModes{
    {{ArchiveMode::kManual, wire::archive_mode::kManual}, {ArchiveMode::kAlways, wire::archive_mode::kAlways}}};
constexpr NameTable<Role, 4> kRoles{{{Role::kSubscriber, wire::role::kSubscriber},
                                     {Role::kPublisher, wire::role::kPublisher},
                                     {Role::kPublisherOnly, wire::role::kPublisherOnly},
                                     {Role::kModerator, wire::role::kModerator}}};
constexpr NameTable<TokenFormat, 2> kTokenFormats{
    {{TokenFormat::kJwt, wire::token_format::kJwt}, {TokenFormat::kT1, wire::token_format::kT1}}};
constexpr NameTable<OutputMode, 2> kOutputModes{{{OutputMode::kComposed, wire::output_mode::kComposed},
                                                 {OutputMode::kIndividual, wire::output_mode::kIndividual}}};
constexpr NameTable<StreamMode, 2> kStreamModes{
    {{StreamMode::kAuto, wire::stream_mode::kAuto}, {StreamMode::kManual, wire::stream_mode::kManual}}};
constexpr NameTable<ArchiveStatus, 8> kArchiveStatuses{{{ArchiveStatus::kStarted, wire::archive_status::kStarted},
                                                        {ArchiveStatus::kPaused, wire::archive_status::kPaused},
                                                        {ArchiveStatus::kStopped, wire::archive_status::kStopped},
                                                        {ArchiveStatus::kUploaded, wire::archive_status::kUploaded},
                                                        {ArchiveStatus::kAvailable, wire::archive_status::kAvailable},
                                                        {ArchiveStatus::kExpired, wire::archive_status::kExpired},
                                                        {ArchiveStatus::kFailed, wire::archive_status::kFailed},
                                                        {ArchiveStatus::kDeleted, wire::archive_status::kDeleted}}};
constexpr NameTable<BroadcastStatus, 2> kBroadcastStatuses{{{BroadcastStatus::kStarted, wire::broadcast_status::kStarted},
                                                            {BroadcastStatus::kStopped, wire::broadcast_status::kStopped}}};
constexpr NameTable<HlsStatus, 5> kHlsStatuses{{{HlsStatus::kConnecting, wire::hls_status::kConnecting},
                                                {HlsStatus::kReady, wire::hls_status::kReady},
                                                {HlsStatus::kLive, wire::hls_status::kLive},
                                                {HlsStatus::kEnded, wire::hls_status::kEnded},
                                                {HlsStatus::kError, wire::hls_status::kError}}};
constexpr NameTable<RtmpStatus, 4> kRtmpStatuses{{{RtmpStatus::kConnecting, wire::rtmp_status::kConnecting},
                                                  {RtmpStatus::kLive, wire::rtmp_status::kLive},
                                                  {RtmpStatus::kOffline, wire::rtmp_status::kOffline},
                                                  {RtmpStatus::kError, wire::rtmp_status::kError}}};
constexpr NameTable<VideoType, 3> kVideoTypes{{{VideoType::kCamera, wire::video_type::kCamera},
                                               {VideoType::kScreen, wire::video_type::kScreen},
                                               {VideoType::kCustom, wire::video_type::kCustom}}};
constexpr NameTable<ConnectionState, 3> kConnectionStates{
    {{ConnectionState::kConnecting, wire::connection_state::kConnecting},
     {ConnectionState::kConnected, wire::connection_state::kConnected},
     {ConnectionState::kDisconnected, wire::connection_state::kDisconnected}}};
constexpr NameTable<CaptionsStatus, 4> kCaptionsStatuses{{{CaptionsStatus::kStarted, wire::captions_status::kStarted},
                                                          {CaptionsStatus::kStopped, wire::captions_status::kStopped},
                                                          {CaptionsStatus::kPaused, wire::captions_status::kPaused},
                                                          {CaptionsStatus::kFailed, wire::captions_status::kFailed}}};
constexpr NameTable<RenderStatus, 4> kRenderStatuses{{{RenderStatus::kStarting, wire::render_status::kStarting},
                                                      {RenderStatus::kStarted, wire::render_status::kStarted},
                                                      {RenderStatus::kStopped, wire::render_status::kStopped},
                                                      {RenderStatus::kFailed, wire::render_status::kFailed}}};
constexpr NameTable<DestroyedReason, 5> kDestroyedReasons{
    {{DestroyedReason::kClientDisconnected, wire::destroyed_reason::kClientDisconnected},
     {DestroyedReason::kForceDisconnected, wire::destroyed_reason::kForceDisconnected},
     {DestroyedReason::kForceUnpublished, wire::destroyed_reason::kForceUnpublished},
     {DestroyedReason::kMediaStopped, wire::destroyed_reason::kMediaStopped},
     {DestroyedReason::kNetworkDisconnected, wire::destroyed_reason::kNetworkDisconnected}}};

// HTTP, not the REST API's vocabulary: the SDK's own.
constexpr NameTable<HttpMethod, 5> kHttpMethods{{{HttpMethod::kGet, "GET"},
                                                 {HttpMethod::kPost, "POST"},
                                                 {HttpMethod::kPut, "PUT"},
                                                 {HttpMethod::kPatch, "PATCH"},
                                                 {HttpMethod::kDelete, "DELETE"}}};

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
