#pragma once

// Input rules shared by the families (archives and broadcasts), in the REST API's words.
// The ranges and sets themselves live in opentok_common/api_rules.h.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "opentok_mock/model.h"
#include "opentok_mock/result.h"

namespace opentok_mock {

std::optional<Error> ValidateLayout(Layout const& layout);
std::optional<Error> ValidateListQuery(ListQuery const& query);
// The length of UTF-8 text in characters (code points), as the service counts URL and name
// lengths (bodies arrive as JSON, so the text is valid UTF-8).
std::int64_t CharacterCount(std::string_view text);
// statusCallbackUrl of captions and renders: empty (none) or 15-2048 characters.
std::optional<Error> ValidateStatusCallbackUrl(std::string const& url);

// Applies a PATCH .../streams change to a manual-mode selection. Adding needs the stream to
// be published in the session (`published`); adding a selected stream again updates its
// audio and video flags; removing needs it to be selected.
Status ApplySelectionChange(std::vector<SelectedStream>& selection, std::vector<Stream> const& published,
                            StreamSelectionChange const& change);
// An unpublished stream leaves every selection it was in.
void RemoveFromSelection(std::vector<SelectedStream>& selection, std::string const& stream_id);

}  // namespace opentok_mock
