#pragma once

// JSON mapping of the streams of a session: the stream object of GET .../stream[/{id}]
// (lenient reading, see json_read.h) and the PUT .../stream class-list body.

#include <string>
#include <string_view>
#include <vector>

#include "opentok/http_transport.h"
#include "opentok/stream.h"

namespace opentok::internal {

Stream DecodeStream(std::string_view operation, HttpResponse const& response);
StreamList DecodeStreamList(std::string_view operation, HttpResponse const& response);

// {"items": [{"id", "layoutClassList": [...]}, ...]}, in the caller's order.
std::string EncodeStreamClassListsBody(std::vector<StreamProperties> const& streams);

}  // namespace opentok::internal
