#include "internal/stream_codec.h"

#include "internal/json_read.h"

namespace opentok::internal {
namespace {

Stream ParseStream(Json const& object) {
  if (!object.is_object()) throw ShapeError("a stream is not a JSON object");
  Stream stream;
  stream.id = GetString(object, "id");
  if (stream.id.empty()) throw ShapeError("the stream has no 'id'");
  stream.video_type_name = GetString(object, "videoType");
  stream.video_type = ParseVideoType(stream.video_type_name).value_or(VideoType::kUnknown);
  stream.name = GetString(object, "name");
  for (auto const& layout_class : GetArray(object, "layoutClassList")) {
    if (!layout_class.is_string()) WrongType("layoutClassList", "an array of strings");
    stream.layout_class_list.push_back(layout_class.get<std::string>());
  }
  return stream;
}

StreamList ParseStreamList(Json const& object) {
  StreamList list;
  list.total_count = ParseListPage(object, "stream list", list.items, ParseStream);
  return list;
}

}  // namespace

Stream DecodeStream(std::string_view operation, HttpResponse const& response) {
  return DecodeJson(operation, response, [](Json const& body) { return ParseStream(body); });
}

StreamList DecodeStreamList(std::string_view operation, HttpResponse const& response) {
  return DecodeJson(operation, response, [](Json const& body) { return ParseStreamList(body); });
}

std::string EncodeStreamClassListsBody(std::vector<StreamProperties> const& streams) {
  OrderedJson items = OrderedJson::array();
  for (auto const& stream : streams) {
    items.push_back({{"id", stream.stream_id}, {"layoutClassList", stream.layout_class_list}});
  }
  OrderedJson body;
  body["items"] = std::move(items);
  return DumpRequestBody(body, "stream ids and layout classes");
}

}  // namespace opentok::internal
