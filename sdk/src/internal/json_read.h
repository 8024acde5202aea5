#pragma once

// Building blocks shared by the per-family JSON codecs (json_codec.cc for sessions and
// archives, layout_codec.cc, broadcast_codec.cc, stream_codec.cc). Reading is lenient:
// unknown fields are ignored, null counts as absent, numbers sent as strings are accepted.
// Writing is strict. This header, and nlohmann with it, is private to the SDK's sources.

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "internal/error_mapping.h"
#include "opentok/http_transport.h"

namespace opentok::internal {

using Json = nlohmann::json;
// Keeps the documented field order in request bodies, which makes them easy to read.
using OrderedJson = nlohmann::ordered_json;

// A body that parsed as JSON but does not have the documented shape.
class ShapeError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

[[noreturn]] void WrongType(char const* key, char const* expected);

// nullptr for absent or null members: the service sends null for unset optional fields.
Json const* Member(Json const& object, char const* key);

std::string GetString(Json const& object, char const* key);
std::optional<std::int64_t> GetOptionalInteger(Json const& object, char const* key);
std::int64_t GetInteger(Json const& object, char const* key);
std::optional<int> GetOptionalInt(Json const& object, char const* key);
// true/false, also as the strings "true"/"false"; `fallback` when absent.
bool GetBool(Json const& object, char const* key, bool fallback);
// Milliseconds since the Unix epoch.
std::chrono::system_clock::time_point GetMillisTime(Json const& object, char const* key);
// partnerId in OpenTok responses, projectId in newer ones; a Vonage application id (a
// UUID string) is not a number and leaves 0.
std::int64_t GetProjectId(Json const& object);
// The first of `keys` present, as text: an id the service sends as a string in some
// documents and as a number in others ("projectId": "123456" or 123456) reads the same.
std::string GetIdText(Json const& object, std::initializer_list<char const*> keys);
// The array member `key` (empty when absent); ShapeError when it is something else.
Json const& GetArray(Json const& object, char const* key);

// A page {"count": total, "items": [...]}: appends each item as `parse_item` reads it and
// returns the total, which defaults to the number of items when "count" is absent.
// `what` names the list in shape errors ("archive list").
template <typename Item, typename ParseItem>
std::int64_t ParseListPage(Json const& object, std::string_view what, std::vector<Item>& items, ParseItem parse_item) {
  if (!object.is_object()) throw ShapeError("the " + std::string(what) + " is not a JSON object");
  Json const* list = Member(object, "items");
  if (list == nullptr || !list->is_array()) throw ShapeError("the " + std::string(what) + " has no 'items' array");
  items.reserve(list->size());
  for (auto const& item : *list) items.push_back(parse_item(item));
  return GetOptionalInteger(object, "count").value_or(static_cast<std::int64_t>(items.size()));
}

// Parses the body with `parse` and maps every JSON or shape failure to
// InvalidResponseException naming `operation`.
template <typename Parse>
auto DecodeJson(std::string_view operation, HttpResponse const& response, Parse parse) {
  try {
    return parse(Json::parse(response.body));
  } catch (Json::exception const& e) {
    ThrowInvalidResponse(operation, response,
                         std::string("body is not valid JSON of the expected shape (") + e.what() + ")");
  } catch (ShapeError const& e) {
    ThrowInvalidResponse(operation, response, e.what());
  }
}

// The request body text. Strings the caller gave that are not valid UTF-8 make dump()
// fail; that surfaces as ArgumentException("<what> must be valid UTF-8"), `what` naming
// the argument ("stream_id", "archive options").
std::string DumpRequestBody(OrderedJson const& body, std::string_view what);

}  // namespace opentok::internal
