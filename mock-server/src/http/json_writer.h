#pragma once

// Writing JSON answers as text, byte for byte what nlohmann::json::dump gives for the same
// object (keys in sorted order, compact): the REST answers of the busiest routes (archive
// and broadcast get and list) cost a fraction of building nlohmann objects.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "opentok_common/json_text.h"
#include "opentok_mock/model.h"
#include "opentok_mock/utf8.h"

namespace opentok_mock::http {

// Writes one JSON object's members; the caller keeps them in sorted key order.
class ObjectWriter {
 public:
  explicit ObjectWriter(std::string& out) : out_(out) { out_.push_back('{'); }
  ~ObjectWriter() { out_.push_back('}'); }
  ObjectWriter(ObjectWriter const&) = delete;
  ObjectWriter& operator=(ObjectWriter const&) = delete;

  // Ill-formed UTF-8 is replaced with U+FFFD, as DumpJson does (http_util.h): inputs are
  // checked where they arrive, and no text answer or callback body is ever invalid JSON.
  void String(std::string_view key, std::string_view value) {
    Key(key);
    if (IsValidUtf8(value)) {
      opentok::common::AppendJsonString(out_, value);
    } else {
      opentok::common::AppendJsonString(out_, ToValidUtf8(value));
    }
  }
  void Integer(std::string_view key, std::int64_t value) {
    Key(key);
    opentok::common::AppendInteger(out_, value);
  }
  void Bool(std::string_view key, bool value) {
    Key(key);
    out_.append(value ? "true" : "false");
  }
  // A number already in canonical decimal form (API keys are validated as such).
  void RawNumber(std::string_view key, std::string_view digits) {
    Key(key);
    out_.append(digits);
  }
  // An owner id: a project's API key (a positive decimal below 2^31 without leading zeros,
  // checked when the project is added, so its text is already the JSON integer the service
  // sends) or a Vonage application's UUID, which can only be a string.
  void OwnerId(std::string_view key, std::string_view id) {
    if (IsProjectKey(id)) {
      RawNumber(key, id);
    } else {
      String(key, id);
    }
  }
  // "applicationId", only on objects a Vonage application owns: the Vonage SDKs read the owner
  // from it (vonage-video's Archive, Broadcast and Render models ignore projectId). Sorted
  // first, before "broadcastUrls" and "captionId".
  void ApplicationId(std::string_view owner_id) {
    if (!owner_id.empty() && !IsProjectKey(owner_id)) String("applicationId", owner_id);
  }
  // Project keys are all digits (checked when a project is added); application ids are UUIDs.
  static bool IsProjectKey(std::string_view id) {
    return !id.empty() && id.find_first_not_of("0123456789") == std::string_view::npos;
  }
  void Null(std::string_view key) {
    Key(key);
    out_.append("null");
  }
  // Starts a member whose value the caller writes.
  std::string& Member(std::string_view key) {
    Key(key);
    return out_;
  }

 private:
  void Key(std::string_view key) {
    if (!first_) out_.push_back(',');
    first_ = false;
    opentok::common::AppendJsonKey(out_, key);
  }

  std::string& out_;
  bool first_ = true;
};

// A list answer, {"count":TOTAL,"items":[...]}, each item written by `append_item(out, item)`;
// `item_bytes` is a size estimate per item, so the text grows once.
template <typename Item, typename AppendItem>
std::string PageJsonText(std::int64_t total, std::vector<Item> const& items, std::size_t item_bytes,
                         AppendItem append_item) {
  std::string out = R"({"count":)";
  out.reserve(64 + item_bytes * items.size());
  opentok::common::AppendInteger(out, total);
  out.append(R"(,"items":[)");
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out.push_back(',');
    append_item(out, items[i]);
  }
  out.append("]}");
  return out;
}

// `{"screenshareType"?, "stylesheet"?, "type"}`: members that are not set are left out.
inline void AppendLayoutJson(std::string& out, Layout const& layout) {
  ObjectWriter json(out);
  if (!layout.screenshare_type.empty()) json.String("screenshareType", layout.screenshare_type);
  if (!layout.stylesheet.empty()) json.String("stylesheet", layout.stylesheet);
  json.String("type", layout.type);
}

// The body of GET .../layout.
inline std::string LayoutJsonText(Layout const& layout) {
  std::string out;
  AppendLayoutJson(out, layout);
  return out;
}

// `[{"hasAudio","hasVideo","streamId"}, ...]`: a manual-mode selection.
inline void AppendSelectedStreamsJson(std::string& out, std::vector<SelectedStream> const& streams) {
  out.push_back('[');
  for (std::size_t i = 0; i < streams.size(); ++i) {
    if (i > 0) out.push_back(',');
    ObjectWriter stream(out);
    stream.Bool("hasAudio", streams[i].has_audio);
    stream.Bool("hasVideo", streams[i].has_video);
    stream.String("streamId", streams[i].stream_id);
  }
  out.push_back(']');
}

}  // namespace opentok_mock::http
