#pragma once

// Argument checks of the session-control and media-service calls (signals, moderation,
// SIP, live captions, renders, Audio Connector), run before any I/O. Each throws
// opentok::ArgumentException with a message naming the argument or field, never its value
// (tokens and SIP credentials are secrets; signal data may be private). The limits come
// from common/include/opentok_common/api_rules.h, which the mock server reads too.

#include <string_view>
#include <vector>

#include "opentok/audio_connector.h"
#include "opentok/captions.h"
#include "opentok/moderation.h"
#include "opentok/render.h"
#include "opentok/sip.h"

namespace opentok::internal {

// type at most 128 bytes, data at most 8192 bytes, both valid UTF-8.
void ValidateSignal(std::string_view session_id, SignalProperties const& signal);
// Each excluded stream id is non-empty.
void ValidateForceMuteAll(std::string_view session_id, std::vector<std::string> const& excluded_stream_ids);
void ValidateDial(std::string_view session_id, std::string_view token, std::string_view sip_uri,
                  DialOptions const& options);
// One or more of 0-9, *, # and p.
void ValidateDtmf(std::string_view session_id, std::string_view digits);
void ValidateStartLiveCaptions(std::string_view session_id, std::string_view token, LiveCaptionsOptions const& options);
void ValidateStartRender(std::string_view session_id, std::string_view token, RenderOptions const& options);
void ValidateConnectAudio(std::string_view session_id, std::string_view token, WebSocketOptions const& options);

}  // namespace opentok::internal
