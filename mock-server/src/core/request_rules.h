#pragma once

// Input rules shared by the families (archives and broadcasts), in the REST API's words.
// The ranges and sets themselves live in opentok_common/api_rules.h.

#include <optional>
#include <string>
#include <vector>

#include "opentok_mock/model.h"
#include "opentok_mock/result.h"

namespace opentok_mock {

std::optional<Error> ValidateLayout(Layout const& layout);
std::optional<Error> ValidateListQuery(ListQuery const& query);

// Applies a PATCH .../streams change to a manual-mode selection. Adding needs the stream to
// be published in the session (`published`); adding a selected stream again updates its
// audio and video flags; removing needs it to be selected.
Status ApplySelectionChange(std::vector<SelectedStream>& selection, std::vector<Stream> const& published,
                            StreamSelectionChange const& change);
// An unpublished stream leaves every selection it was in.
void RemoveFromSelection(std::vector<SelectedStream>& selection, std::string const& stream_id);

}  // namespace opentok_mock
