#pragma once

// JSON of the Audio Connector: the POST .../connect body and its {"id", "connectionId"}
// answer (lenient reading, see json_read.h).

#include <string>
#include <string_view>

#include "opentok/audio_connector.h"
#include "opentok/http_transport.h"

namespace opentok::internal {

// {"sessionId", "token", "websocket": {"uri", "streams"?, "headers"?, "audioRate"?,
// "bidirectional"? (only when true)}}: unset options are omitted, so the service applies
// its defaults.
std::string EncodeConnectAudioBody(std::string_view session_id, std::string_view token,
                                   WebSocketOptions const& options);

AudioConnector DecodeAudioConnector(std::string_view operation, HttpResponse const& response);

}  // namespace opentok::internal
