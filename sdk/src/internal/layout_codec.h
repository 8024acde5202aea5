#pragma once

// JSON of the types in opentok/layout.h, shared by archives and broadcasts: the layout
// object (start bodies and PUT .../layout) and the stream selection (the "streams" member
// of answers and the PATCH .../streams bodies).

#include <string>
#include <string_view>
#include <vector>

#include "internal/json_read.h"
#include "opentok/layout.h"

namespace opentok::internal {

// {"type", "stylesheet"? (when set), "screenshareType"? (when set)}.
OrderedJson EncodeLayout(Layout const& layout);
// The PUT .../layout body.
std::string EncodeLayoutBody(Layout const& layout);

// The PATCH .../streams bodies: {"addStream", "hasAudio", "hasVideo"} (both booleans are
// always sent, so re-adding a stream sets them explicitly) or {"removeStream"}.
std::string EncodeAddStreamBody(std::string_view stream_id, bool has_audio, bool has_video);
std::string EncodeRemoveStreamBody(std::string_view stream_id);

// The "streams" array of an archive or broadcast answer (empty when absent).
std::vector<SelectedStream> ParseSelectedStreams(Json const& object);

}  // namespace opentok::internal
