// Wire names of the public enums: ToString and the Parse* functions are inverses.
#include <gtest/gtest.h>

#include "opentok/http_transport.h"
#include "opentok/types.h"

namespace opentok {
namespace {

template <typename Enum, typename Parse>
void ExpectRoundTrip(std::initializer_list<std::pair<Enum, char const*>> table, Parse parse) {
  for (auto [value, name] : table) {
    EXPECT_EQ(ToString(value), name);
    EXPECT_EQ(parse(name), value) << name;
  }
  EXPECT_FALSE(parse("unknown").has_value());
  EXPECT_FALSE(parse("").has_value());
  EXPECT_FALSE(parse("Routed").has_value()) << "names are case-sensitive";
}

TEST(Types, WireNamesRoundTrip) {
  ExpectRoundTrip<MediaMode>({{MediaMode::kRelayed, "relayed"}, {MediaMode::kRouted, "routed"}}, ParseMediaMode);
  ExpectRoundTrip<ArchiveMode>({{ArchiveMode::kManual, "manual"}, {ArchiveMode::kAlways, "always"}}, ParseArchiveMode);
  ExpectRoundTrip<Role>({{Role::kSubscriber, "subscriber"},
                         {Role::kPublisher, "publisher"},
                         {Role::kPublisherOnly, "publisheronly"},
                         {Role::kModerator, "moderator"}},
                        ParseRole);
  ExpectRoundTrip<TokenFormat>({{TokenFormat::kJwt, "jwt"}, {TokenFormat::kT1, "t1"}}, ParseTokenFormat);
  ExpectRoundTrip<OutputMode>({{OutputMode::kComposed, "composed"}, {OutputMode::kIndividual, "individual"}},
                              ParseOutputMode);
  ExpectRoundTrip<StreamMode>({{StreamMode::kAuto, "auto"}, {StreamMode::kManual, "manual"}}, ParseStreamMode);
  ExpectRoundTrip<ArchiveStatus>({{ArchiveStatus::kStarted, "started"},
                                  {ArchiveStatus::kPaused, "paused"},
                                  {ArchiveStatus::kStopped, "stopped"},
                                  {ArchiveStatus::kUploaded, "uploaded"},
                                  {ArchiveStatus::kAvailable, "available"},
                                  {ArchiveStatus::kExpired, "expired"},
                                  {ArchiveStatus::kFailed, "failed"},
                                  {ArchiveStatus::kDeleted, "deleted"}},
                                 ParseArchiveStatus);
  ExpectRoundTrip<BroadcastStatus>({{BroadcastStatus::kStarted, "started"}, {BroadcastStatus::kStopped, "stopped"}},
                                   ParseBroadcastStatus);
  ExpectRoundTrip<HlsStatus>({{HlsStatus::kConnecting, "connecting"},
                              {HlsStatus::kReady, "ready"},
                              {HlsStatus::kLive, "live"},
                              {HlsStatus::kEnded, "ended"},
                              {HlsStatus::kError, "error"}},
                             ParseHlsStatus);
  ExpectRoundTrip<RtmpStatus>({{RtmpStatus::kConnecting, "connecting"},
                               {RtmpStatus::kLive, "live"},
                               {RtmpStatus::kOffline, "offline"},
                               {RtmpStatus::kError, "error"}},
                              ParseRtmpStatus);
  ExpectRoundTrip<VideoType>({{VideoType::kCamera, "camera"}, {VideoType::kScreen, "screen"}, {VideoType::kCustom, "custom"}},
                             ParseVideoType);
  ExpectRoundTrip<DestroyedReason>({{DestroyedReason::kClientDisconnected, "clientDisconnected"},
                                    {DestroyedReason::kForceDisconnected, "forceDisconnected"},
                                    {DestroyedReason::kForceUnpublished, "forceUnpublished"},
                                    {DestroyedReason::kMediaStopped, "mediaStopped"},
                                    {DestroyedReason::kNetworkDisconnected, "networkDisconnected"}},
                                   ParseDestroyedReason);
}

TEST(Types, HttpMethodNames) {
  EXPECT_EQ(ToString(HttpMethod::kGet), "GET");
  EXPECT_EQ(ToString(HttpMethod::kPost), "POST");
  EXPECT_EQ(ToString(HttpMethod::kPut), "PUT");
  EXPECT_EQ(ToString(HttpMethod::kPatch), "PATCH");
  EXPECT_EQ(ToString(HttpMethod::kDelete), "DELETE");
}

TEST(Types, UnknownValuesPrintAsUnknown) {
  EXPECT_EQ(ToString(ArchiveStatus::kUnknown), "unknown");
  EXPECT_EQ(ToString(OutputMode::kUnknown), "unknown");
  EXPECT_EQ(ToString(StreamMode::kUnknown), "unknown");
  EXPECT_EQ(ToString(BroadcastStatus::kUnknown), "unknown");
  EXPECT_EQ(ToString(HlsStatus::kUnknown), "unknown");
  EXPECT_EQ(ToString(RtmpStatus::kUnknown), "unknown");
  EXPECT_EQ(ToString(VideoType::kUnknown), "unknown");
  EXPECT_EQ(ToString(DestroyedReason::kUnknown), "unknown");
  EXPECT_EQ(ToString(static_cast<Role>(99)), "unknown");
}

}  // namespace
}  // namespace opentok
