#pragma once

// JSON of Experience Composer renders: the POST .../render body and the render object of
// every answer (lenient reading, see json_read.h).

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <string_view>

#include "opentok/http_transport.h"
#include "opentok/render.h"

namespace opentok::internal {

// {"sessionId", "token", "url", "maxDuration"?, "resolution"?, "properties": {"name"}?,
// "statusCallbackUrl"?}: unset options are omitted, so the service applies its defaults.
std::string EncodeStartRenderBody(std::string_view session_id, std::string_view token, RenderOptions const& options);

// The render object itself, for readers of other documents that embed it (callbacks.h's
// bodies): ShapeError (json_read.h) when it is not one.
Render ParseRender(nlohmann::json const& object);

Render DecodeRender(std::string_view operation, HttpResponse const& response);
RenderList DecodeRenderList(std::string_view operation, HttpResponse const& response);

}  // namespace opentok::internal
