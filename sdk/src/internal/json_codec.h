#pragma once

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <string_view>

#include "opentok/archive.h"
#include "opentok/http_transport.h"

namespace opentok::internal {

// JSON mapping of the session and archive payloads (the other families have their own
// *_codec.h). Lenient when reading (json_read.h): unknown fields are ignored, unknown enum
// strings become kUnknown, numbers sent as strings are accepted. Strict when writing.
// Every decoding failure surfaces as InvalidResponseException naming `operation`.

// The archive object itself, for readers of other documents that embed it (callbacks.h's
// bodies): ShapeError (json_read.h) when it is not one.
Archive ParseArchive(nlohmann::json const& object);

Archive DecodeArchive(std::string_view operation, HttpResponse const& response);
ArchiveList DecodeArchiveList(std::string_view operation, HttpResponse const& response);

// The session id from POST /session/create: a JSON array of one object, or the XML form
// when the response Content-Type says XML.
std::string DecodeCreatedSessionId(std::string_view operation, HttpResponse const& response);

// The POST /v2/project/{key}/archive body. Throws ArgumentException when a string is not
// valid UTF-8 (options must already be validated otherwise).
std::string EncodeStartArchiveBody(std::string_view session_id, StartArchiveOptions const& options);

}  // namespace opentok::internal
