#include "internal/layout_codec.h"

namespace opentok::internal {
namespace {

SelectedStream ParseSelectedStream(Json const& object) {
  if (!object.is_object()) throw ShapeError("an entry of 'streams' is not an object");
  SelectedStream stream;
  stream.stream_id = GetString(object, "streamId");
  stream.has_audio = GetBool(object, "hasAudio", true);
  stream.has_video = GetBool(object, "hasVideo", true);
  return stream;
}

}  // namespace

OrderedJson EncodeLayout(Layout const& layout) {
  OrderedJson out = OrderedJson::object();
  out["type"] = layout.type;
  if (!layout.stylesheet.empty()) out["stylesheet"] = layout.stylesheet;
  if (!layout.screenshare_type.empty()) out["screenshareType"] = layout.screenshare_type;
  return out;
}

std::string EncodeLayoutBody(Layout const& layout) { return DumpRequestBody(EncodeLayout(layout), "layout strings"); }

std::string EncodeAddStreamBody(std::string_view stream_id, bool has_audio, bool has_video) {
  OrderedJson body;
  body["addStream"] = stream_id;
  body["hasAudio"] = has_audio;
  body["hasVideo"] = has_video;
  return DumpRequestBody(body, "stream_id");
}

std::string EncodeRemoveStreamBody(std::string_view stream_id) {
  OrderedJson body;
  body["removeStream"] = stream_id;
  return DumpRequestBody(body, "stream_id");
}

std::vector<SelectedStream> ParseSelectedStreams(Json const& object) {
  std::vector<SelectedStream> streams;
  for (auto const& entry : GetArray(object, "streams")) streams.push_back(ParseSelectedStream(entry));
  return streams;
}

}  // namespace opentok::internal
