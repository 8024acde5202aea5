#pragma once

// JSON of live captions: the POST .../captions body, its {"captionsId"} answer and the
// GET .../captions/{id} status (lenient reading, see json_read.h).

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <string_view>

#include "opentok/captions.h"
#include "opentok/http_transport.h"

namespace opentok::internal {

// {"sessionId", "token", "languageCode"? (omitted when empty: the service's default),
// "maxDuration"?, "partialCaptions", "statusCallbackUrl"?}.
std::string EncodeStartCaptionsBody(std::string_view session_id, std::string_view token,
                                    LiveCaptionsOptions const& options);

// The captions id of the start answer.
std::string DecodeCaptionsId(std::string_view operation, HttpResponse const& response);
// The captions status object itself, for readers of other documents that embed it (callbacks.h's
// bodies): ShapeError (json_read.h) when it is not one.
LiveCaptions ParseLiveCaptions(nlohmann::json const& object);

LiveCaptions DecodeLiveCaptions(std::string_view operation, HttpResponse const& response);

}  // namespace opentok::internal
