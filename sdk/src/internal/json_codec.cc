#include "internal/json_codec.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <chrono>
#include <cmath>
#include <stdexcept>

#include "internal/error_mapping.h"
#include "opentok/errors.h"

namespace opentok::internal {
namespace {

using nlohmann::json;

// A body that parsed as JSON but does not have the documented shape.
class ShapeError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

[[noreturn]] void WrongType(char const* key, char const* expected) {
  throw ShapeError(std::string("field '") + key + "' is not " + expected);
}

// nullptr for absent or null members: the service sends null for unset optional fields.
json const* Member(json const& object, char const* key) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return nullptr;
  return &*it;
}

std::string GetString(json const& object, char const* key) {
  json const* value = Member(object, key);
  if (value == nullptr) return {};
  if (!value->is_string()) WrongType(key, "a string");
  return value->get<std::string>();
}

std::optional<std::int64_t> ParseInteger(std::string const& text) {
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<std::int64_t> GetOptionalInteger(json const& object, char const* key) {
  json const* value = Member(object, key);
  if (value == nullptr) return std::nullopt;
  if (value->is_number_integer()) return value->get<std::int64_t>();
  if (value->is_number_float()) return static_cast<std::int64_t>(std::llround(value->get<double>()));
  // Some service versions and fixtures send numbers as strings.
  if (value->is_string()) {
    if (auto parsed = ParseInteger(value->get_ref<std::string const&>())) return parsed;
  }
  WrongType(key, "a number");
}

std::int64_t GetInteger(json const& object, char const* key) { return GetOptionalInteger(object, key).value_or(0); }

std::optional<int> GetOptionalInt(json const& object, char const* key) {
  auto value = GetOptionalInteger(object, key);
  if (!value) return std::nullopt;
  return static_cast<int>(*value);
}

bool GetBool(json const& object, char const* key, bool fallback) {
  json const* value = Member(object, key);
  if (value == nullptr) return fallback;
  if (value->is_boolean()) return value->get<bool>();
  if (value->is_string()) {
    auto const& text = value->get_ref<std::string const&>();
    if (text == "true") return true;
    if (text == "false") return false;
  }
  WrongType(key, "a boolean");
}

std::chrono::system_clock::time_point GetMillisTime(json const& object, char const* key) {
  return std::chrono::system_clock::time_point(std::chrono::milliseconds(GetInteger(object, key)));
}

// partnerId in OpenTok responses, projectId in newer ones; a Vonage application id (a
// UUID string) is not a number and leaves 0.
std::int64_t GetProjectId(json const& object) {
  for (char const* key : {"partnerId", "projectId"}) {
    json const* value = Member(object, key);
    if (value == nullptr) continue;
    if (value->is_number_integer()) return value->get<std::int64_t>();
    if (value->is_string()) {
      if (auto parsed = ParseInteger(value->get_ref<std::string const&>())) return *parsed;
    }
  }
  return 0;
}

ArchiveStream ParseArchiveStream(json const& object) {
  if (!object.is_object()) throw ShapeError("an entry of 'streams' is not an object");
  ArchiveStream stream;
  stream.stream_id = GetString(object, "streamId");
  stream.has_audio = GetBool(object, "hasAudio", true);
  stream.has_video = GetBool(object, "hasVideo", true);
  return stream;
}

Archive ParseArchive(json const& object) {
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
  if (json const* url = Member(object, "url")) {
    if (!url->is_string()) WrongType("url", "a string");
    a.url = url->get<std::string>();
  }
  a.password = GetString(object, "password");
  a.sha256sum = GetString(object, "sha256sum");
  a.multi_archive_tag = GetString(object, "multiArchiveTag");
  a.max_bitrate = GetOptionalInt(object, "maxBitrate");
  a.quantization_parameter = GetOptionalInt(object, "quantizationParameter");
  if (json const* streams = Member(object, "streams")) {
    if (!streams->is_array()) WrongType("streams", "an array");
    for (auto const& s : *streams) a.streams.push_back(ParseArchiveStream(s));
  }
  return a;
}

ArchiveList ParseArchiveList(json const& object) {
  if (!object.is_object()) throw ShapeError("an archive list is not a JSON object");
  json const* items = Member(object, "items");
  if (items == nullptr || !items->is_array()) throw ShapeError("the archive list has no 'items' array");
  ArchiveList list;
  list.items.reserve(items->size());
  for (auto const& item : *items) list.items.push_back(ParseArchive(item));
  list.total_count = GetOptionalInteger(object, "count").value_or(static_cast<std::int64_t>(list.items.size()));
  return list;
}

std::string ParseCreatedSessionJson(json const& body) {
  json const* session = &body;
  if (body.is_array()) {
    if (body.empty()) throw ShapeError("the session list is empty");
    session = &body.front();
  }
  if (!session->is_object()) throw ShapeError("the session is not a JSON object");
  std::string id = GetString(*session, "session_id");
  if (id.empty()) throw ShapeError("the response has no 'session_id'");
  return id;
}

// Parses the body and maps every JSON or shape failure to InvalidResponseException.
template <typename Parse>
auto DecodeJson(std::string_view operation, HttpResponse const& response, Parse parse) {
  try {
    return parse(json::parse(response.body));
  } catch (json::exception const& e) {
    ThrowInvalidResponse(operation, response, std::string("body is not valid JSON of the expected shape (") + e.what() + ")");
  } catch (ShapeError const& e) {
    ThrowInvalidResponse(operation, response, e.what());
  }
}

bool IsXml(HttpResponse const& response) {
  auto type = FindHeader(response.headers, "Content-Type");
  return type && type->find("xml") != std::string_view::npos;
}

nlohmann::ordered_json EncodeLayout(ArchiveLayout const& layout) {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  out["type"] = layout.type;
  if (!layout.stylesheet.empty()) out["stylesheet"] = layout.stylesheet;
  if (!layout.screenshare_type.empty()) out["screenshareType"] = layout.screenshare_type;
  return out;
}

}  // namespace

Archive DecodeArchive(std::string_view operation, HttpResponse const& response) {
  return DecodeJson(operation, response, [](json const& body) { return ParseArchive(body); });
}

ArchiveList DecodeArchiveList(std::string_view operation, HttpResponse const& response) {
  return DecodeJson(operation, response, [](json const& body) { return ParseArchiveList(body); });
}

std::string DecodeCreatedSessionId(std::string_view operation, HttpResponse const& response) {
  if (IsXml(response)) {
    auto id = ExtractXmlElement(response.body, "session_id");
    if (!id || id->empty()) ThrowInvalidResponse(operation, response, "the XML response has no <session_id>");
    return *id;
  }
  return DecodeJson(operation, response, [](json const& body) { return ParseCreatedSessionJson(body); });
}

std::string EncodeStartArchiveBody(std::string_view session_id, StartArchiveOptions const& options) {
  // ordered_json keeps the documented field order, which makes requests easy to read.
  nlohmann::ordered_json body;
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
  try {
    return body.dump();
  } catch (json::exception const&) {
    // dump() rejects invalid UTF-8 (type_error 316); it can only come from caller strings.
    throw ArgumentException("archive options contain a string that is not valid UTF-8");
  }
}

}  // namespace opentok::internal
