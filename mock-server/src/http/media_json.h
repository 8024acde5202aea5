#pragma once

// The wire forms of live captions and renders, written as text like broadcasts
// (json_writer.h): byte for byte what nlohmann::json::dump gives for the same object.
// Members that are not set (reason, name, callbackUrl, streamId) are left out, never null;
// `projectId` is the key as a string, as the service sends it for these objects.

#include <cstdint>
#include <string>
#include <vector>

#include "opentok_mock/media_model.h"

namespace opentok_mock::http {

// GET .../captions/{id}: {"captionId","createdAt","duration","languageCode","projectId",
// "provider","reason"?,"sessionId","status","updatedAt"}.
std::string CaptionsJsonText(Captions const& captions);
// The same plus "event":"captions": the body of a captions status callback.
std::string CaptionsCallbackJsonText(Captions const& captions);
void AppendRenderJson(std::string& out, Render const& render);
std::string RenderJsonText(Render const& render);
// `{"count": total, "items": [...]}`.
std::string RenderPageJsonText(std::int64_t total, std::vector<Render> const& items);

}  // namespace opentok_mock::http
