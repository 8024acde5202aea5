#pragma once

// JSON mapping of live-streaming broadcasts: the start body and the broadcast object of
// every answer (lenient reading, see json_read.h). Every decoding failure surfaces as
// InvalidResponseException naming `operation`.

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <string_view>

#include "opentok/broadcast.h"
#include "opentok/http_transport.h"

namespace opentok::internal {

// The broadcast object itself, for readers of other documents that embed it (callbacks.h's
// bodies): ShapeError (json_read.h) when it is not one.
Broadcast ParseBroadcast(nlohmann::json const& object);

Broadcast DecodeBroadcast(std::string_view operation, HttpResponse const& response);
BroadcastList DecodeBroadcastList(std::string_view operation, HttpResponse const& response);

// The POST /v2/project/{key}/broadcast body (options must already be validated).
// streamMode, hasAudio and hasVideo are always sent, like the Node, Python, Java and PHP
// SDKs do; optional members are omitted when unset.
std::string EncodeStartBroadcastBody(std::string_view session_id, StartBroadcastOptions const& options);

}  // namespace opentok::internal
