#include "request_rules.h"

#include <algorithm>

#include "opentok_common/api_rules.h"
#include "opentok_mock/errors.h"

namespace opentok_mock {

namespace rules = opentok::common::rules;

std::optional<Error> ValidateLayout(Layout const& layout) {
  switch (rules::CheckLayout(layout.type, !layout.stylesheet.empty(), layout.screenshare_type)) {
    case rules::LayoutProblem::kNone:
      return std::nullopt;
    case rules::LayoutProblem::kBadType:
      return errors::BadRequest("Bad request. Invalid layout type '" + layout.type + "'.");
    case rules::LayoutProblem::kStylesheetMismatch:
      return errors::BadRequest("Bad request. A stylesheet is required for, and only allowed with, the custom layout.");
    case rules::LayoutProblem::kScreenshareNeedsBestFit:
      return errors::BadRequest("Bad request. screenshareType requires the bestFit layout.");
    case rules::LayoutProblem::kBadScreenshareType:
      return errors::BadRequest("Bad request. Invalid screenshareType '" + layout.screenshare_type + "'.");
  }
  return std::nullopt;
}

std::optional<Error> ValidateListQuery(ListQuery const& query) {
  if (query.offset < 0) return errors::BadRequest("Bad request. offset must not be negative.");
  if (!rules::kListCount.Contains(query.count)) {
    return errors::BadRequest("Bad request. count must be between " + std::to_string(rules::kListCount.min) +
                              " and " + std::to_string(rules::kListCount.max) + ".");
  }
  return std::nullopt;
}

std::int64_t CharacterCount(std::string_view text) {
  // Every code point has exactly one byte that is not a continuation byte (10xxxxxx).
  return std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
}

std::optional<Error> ValidateStatusCallbackUrl(std::string const& url) {
  if (url.empty() || rules::kStatusCallbackUrlLength.Contains(CharacterCount(url))) return std::nullopt;
  return errors::BadRequest("Bad request. statusCallbackUrl must be " +
                            std::to_string(rules::kStatusCallbackUrlLength.min) + " to " +
                            std::to_string(rules::kStatusCallbackUrlLength.max) + " characters long.");
}

Status ApplySelectionChange(std::vector<SelectedStream>& selection, std::vector<Stream> const& published,
                            StreamSelectionChange const& change) {
  auto selected = std::find_if(selection.begin(), selection.end(),
                               [&](SelectedStream const& s) { return s.stream_id == change.stream_id; });
  if (change.kind == StreamSelectionChange::Kind::kRemove) {
    if (selected == selection.end()) return errors::StreamNotSelected();
    selection.erase(selected);
    return Ok{};
  }
  if (std::none_of(published.begin(), published.end(),
                   [&](Stream const& s) { return s.stream_id == change.stream_id; })) {
    return errors::StreamNotFound();
  }
  if (selected == selection.end()) {
    selection.push_back({change.stream_id, change.has_audio, change.has_video});
  } else {
    selected->has_audio = change.has_audio;
    selected->has_video = change.has_video;
  }
  return Ok{};
}

void RemoveFromSelection(std::vector<SelectedStream>& selection, std::string const& stream_id) {
  std::erase_if(selection, [&](SelectedStream const& s) { return s.stream_id == stream_id; });
}

}  // namespace opentok_mock
