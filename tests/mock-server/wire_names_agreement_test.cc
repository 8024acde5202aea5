// The SDK and the mock keep separate enums for the REST API's vocabularies (the SDK's public
// ones have kUnknown; the mock must not depend on the SDK's code), and both take the names
// from opentok_common/wire_names.h. What that cannot prevent is an enumerator missing from
// one side's table: every name the mock writes must be one the SDK reads back to the same
// name, and the two sides must know the same number of values.

#include <gtest/gtest.h>

#include <optional>
#include <string_view>
#include <vector>

#include "opentok/types.h"
#include "opentok_mock/media_model.h"
#include "opentok_mock/model.h"
#include "opentok_mock/service_events.h"

namespace {

// Every mock value's name parses in the SDK to a value whose SDK name is the same, and the
// SDK has no value the mock lacks (`sdk_values` lists the SDK's enumerators but kUnknown).
template <typename MockEnum, typename SdkEnum, typename Parse>
void ExpectSameVocabulary(std::vector<MockEnum> const& mock_values, std::vector<SdkEnum> const& sdk_values,
                          Parse parse) {
  ASSERT_EQ(mock_values.size(), sdk_values.size());
  for (auto value : mock_values) {
    std::string_view name = opentok_mock::ToString(value);
    EXPECT_NE(name, "unknown");
    std::optional<SdkEnum> parsed = parse(name);
    ASSERT_TRUE(parsed.has_value()) << "the SDK does not read the mock's '" << name << "'";
    EXPECT_EQ(opentok::ToString(*parsed), name);
  }
  for (auto value : sdk_values) EXPECT_NE(opentok::ToString(value), "unknown");
}

TEST(WireNamesAgreement, SessionAndTokenVocabularies) {
  using M = opentok_mock::MediaMode;
  using S = opentok::MediaMode;
  ExpectSameVocabulary<M, S>({M::kRelayed, M::kRouted}, {S::kRelayed, S::kRouted}, opentok::ParseMediaMode);
  using AM = opentok_mock::ArchiveMode;
  using AS = opentok::ArchiveMode;
  ExpectSameVocabulary<AM, AS>({AM::kManual, AM::kAlways}, {AS::kManual, AS::kAlways}, opentok::ParseArchiveMode);
  using RM = opentok_mock::Role;
  using RS = opentok::Role;
  ExpectSameVocabulary<RM, RS>({RM::kSubscriber, RM::kPublisher, RM::kPublisherOnly, RM::kModerator},
                               {RS::kSubscriber, RS::kPublisher, RS::kPublisherOnly, RS::kModerator},
                               opentok::ParseRole);
  using TM = opentok_mock::TokenFormat;
  using TS = opentok::TokenFormat;
  ExpectSameVocabulary<TM, TS>({TM::kJwt, TM::kT1}, {TS::kJwt, TS::kT1}, opentok::ParseTokenFormat);
}

TEST(WireNamesAgreement, ArchiveAndBroadcastVocabularies) {
  using OM = opentok_mock::OutputMode;
  using OS = opentok::OutputMode;
  ExpectSameVocabulary<OM, OS>({OM::kComposed, OM::kIndividual}, {OS::kComposed, OS::kIndividual},
                               opentok::ParseOutputMode);
  using SM = opentok_mock::StreamMode;
  using SS = opentok::StreamMode;
  ExpectSameVocabulary<SM, SS>({SM::kAuto, SM::kManual}, {SS::kAuto, SS::kManual}, opentok::ParseStreamMode);
  using AM = opentok_mock::ArchiveStatus;
  using AS = opentok::ArchiveStatus;
  ExpectSameVocabulary<AM, AS>({AM::kStarted, AM::kPaused, AM::kStopped, AM::kUploaded, AM::kAvailable,
                                AM::kExpired, AM::kFailed, AM::kDeleted},
                               {AS::kStarted, AS::kPaused, AS::kStopped, AS::kUploaded, AS::kAvailable,
                                AS::kExpired, AS::kFailed, AS::kDeleted},
                               opentok::ParseArchiveStatus);
  using BM = opentok_mock::BroadcastStatus;
  using BS = opentok::BroadcastStatus;
  ExpectSameVocabulary<BM, BS>({BM::kStarted, BM::kStopped}, {BS::kStarted, BS::kStopped},
                               opentok::ParseBroadcastStatus);
  using HM = opentok_mock::HlsStatus;
  using HS = opentok::HlsStatus;
  ExpectSameVocabulary<HM, HS>({HM::kConnecting, HM::kReady, HM::kLive, HM::kEnded, HM::kError},
                               {HS::kConnecting, HS::kReady, HS::kLive, HS::kEnded, HS::kError},
                               opentok::ParseHlsStatus);
  using RM = opentok_mock::RtmpStatus;
  using RS = opentok::RtmpStatus;
  ExpectSameVocabulary<RM, RS>({RM::kConnecting, RM::kLive, RM::kOffline, RM::kError},
                               {RS::kConnecting, RS::kLive, RS::kOffline, RS::kError}, opentok::ParseRtmpStatus);
}

TEST(WireNamesAgreement, StreamAndMediaServiceVocabularies) {
  using VM = opentok_mock::VideoType;
  using VS = opentok::VideoType;
  ExpectSameVocabulary<VM, VS>({VM::kCamera, VM::kScreen, VM::kCustom}, {VS::kCamera, VS::kScreen, VS::kCustom},
                               opentok::ParseVideoType);
  using CM = opentok_mock::CaptionsStatus;
  using CS = opentok::CaptionsStatus;
  ExpectSameVocabulary<CM, CS>({CM::kStarted, CM::kPaused, CM::kStopped, CM::kFailed},
                               {CS::kStarted, CS::kPaused, CS::kStopped, CS::kFailed},
                               opentok::ParseCaptionsStatus);
  using RM = opentok_mock::RenderStatus;
  using RS = opentok::RenderStatus;
  ExpectSameVocabulary<RM, RS>({RM::kStarting, RM::kStarted, RM::kStopped, RM::kFailed},
                               {RS::kStarting, RS::kStarted, RS::kStopped, RS::kFailed}, opentok::ParseRenderStatus);
  // Why streams end (the mock's callbacks) is what the SDK's callback parser reads.
  using EM = opentok_mock::StreamEndReason;
  using ES = opentok::DestroyedReason;
  ExpectSameVocabulary<EM, ES>({EM::kClientDisconnected, EM::kForceDisconnected, EM::kForceUnpublished,
                                EM::kMediaStopped, EM::kNetworkDisconnected},
                               {ES::kClientDisconnected, ES::kForceDisconnected, ES::kForceUnpublished,
                                ES::kMediaStopped, ES::kNetworkDisconnected},
                               opentok::ParseDestroyedReason);
}

}  // namespace
