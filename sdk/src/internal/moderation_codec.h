#pragma once

// JSON of signals, moderation and the connection list: the POST .../signal and .../mute
// bodies and the GET .../connection answer (lenient reading, see json_read.h).

#include <string>
#include <string_view>
#include <vector>

#include "opentok/http_transport.h"
#include "opentok/moderation.h"

namespace opentok::internal {

// {"type", "data"}: both always sent, like the .NET and Java SDKs (the service requires
// "data"; an empty type is a valid type).
std::string EncodeSignalBody(SignalProperties const& signal);

// {"active": true, "excludedStreamIds": [...]} or {"active": false}. The service also
// takes "excludedStreams" (Python, PHP, Ruby SDKs); the Java and Vonage SDKs' spelling is
// the documented one.
std::string EncodeForceMuteBody(bool active, std::vector<std::string> const& excluded_stream_ids);

ConnectionList DecodeConnectionList(std::string_view operation, HttpResponse const& response);

}  // namespace opentok::internal
