#include "internal/json_codec.h"

#include "internal/error_mapping.h"
#include "internal/layout_codec.h"

namespace opentok::internal {

Archive ParseArchive(Json const& object) {
  if (!object.is_object()) throw ShapeError("an archive is not a JSON object");
  Archive a;
  a.id = GetString(object, "id");
  if (a.id.empty()) throw ShapeError("the archive has no 'id'");
  a.status_name = GetString(object, "status");
  a.status = ParseArchiveStatus(a.status_name).value_or(ArchiveStatus::kUnknown);
  a.name = GetString(object, "name");
  a.reason = GetString(object, "reason");
  a.session_id = GetString(object, "sessionId");
  a.project_id = GetProjectId(object);
  a.created_at = GetMillisTime(object, "createdAt");
  a.updated_at = GetMillisTime(object, "updatedAt");
  a.size = GetInteger(object, "size");
  a.duration = GetInteger(object, "duration");
  std::string output_mode = GetString(object, "outputMode");
  a.output_mode = output_mode.empty() ? OutputMode::kComposed
                                      : ParseOutputMode(output_mode).value_or(OutputMode::kUnknown);
  std::string stream_mode = GetString(object, "streamMode");
  a.stream_mode = stream_mode.empty() ? StreamMode::kAuto : ParseStreamMode(stream_mode).value_or(StreamMode::kUnknown);
  a.has_audio = GetBool(object, "hasAudio", true);
  a.has_video = GetBool(object, "hasVideo", true);
  a.resolution = GetString(object, "resolution");
  if (Json const* url = Member(object, "url")) {
    if (!url->is_string()) WrongType("url", "a string");
    a.url = url->get<std::string>();
  }
  a.password = GetString(object, "password");
  a.sha256sum = GetString(object, "sha256sum");
  a.multi_archive_tag = GetString(object, "multiArchiveTag");
  a.max_bitrate = GetOptionalInt(object, "maxBitrate");
  a.quantization_parameter = GetOptionalInt(object, "quantizationParameter");
  a.streams = ParseSelectedStreams(object);
  return a;
}

namespace {

ArchiveList ParseArchiveList(Json const& object) {
  ArchiveList list;
  list.total_count = ParseListPage(object, "archive list", list.items, ParseArchive);
  return list;
}

std::string ParseCreatedSessionJson(Json const& body) {
  Json const* session = &body;
  if (body.is_array()) {
    if (body.empty()) throw ShapeError("the session list is empty");
    session = &body.front();
  }
  if (!session->is_object()) throw ShapeError("the session is not a JSON object");
  std::string id = GetString(*session, "session_id");
  if (id.empty()) throw ShapeError("the response has no 'session_id'");
  return id;
}

bool IsXml(HttpResponse const& response) {
  auto type = FindHeader(response.headers, "Content-Type");
  return type && type->find("xml") != std::string_view::npos;
}

}  // namespace

Archive DecodeArchive(std::string_view operation, HttpResponse const& response) {
  return DecodeJson(operation, response, [](Json const& body) { return ParseArchive(body); });
}

ArchiveList DecodeArchiveList(std::string_view operation, HttpResponse const& response) {
  return DecodeJson(operation, response, [](Json const& body) { return ParseArchiveList(body); });
}

std::string DecodeCreatedSessionId(std::string_view operation, HttpResponse const& response) {
  if (IsXml(response)) {
    auto id = ExtractXmlElement(response.body, "session_id");
    if (!id || id->empty()) ThrowInvalidResponse(operation, response, "the XML response has no <session_id>");
    return *id;
  }
  return DecodeJson(operation, response, [](Json const& body) { return ParseCreatedSessionJson(body); });
}

std::string EncodeStartArchiveBody(std::string_view session_id, StartArchiveOptions const& options) {
  OrderedJson body;
  body["sessionId"] = session_id;
  if (!options.name.empty()) body["name"] = options.name;
  body["hasAudio"] = options.has_audio;
  body["hasVideo"] = options.has_video;
  body["outputMode"] = ToString(options.output_mode);
  if (!options.resolution.empty()) body["resolution"] = options.resolution;
  body["streamMode"] = ToString(options.stream_mode);
  if (options.layout) body["layout"] = EncodeLayout(*options.layout);
  if (!options.multi_archive_tag.empty()) body["multiArchiveTag"] = options.multi_archive_tag;
  if (options.max_bitrate) body["maxBitrate"] = *options.max_bitrate;
  if (options.quantization_parameter) body["quantizationParameter"] = *options.quantization_parameter;
  return DumpRequestBody(body, "archive options");
}

}  // namespace opentok::internal
