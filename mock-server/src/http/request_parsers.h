#pragma once

// Request bodies and queries shared by several REST families, read strictly (wrong types and
// unknown members are 400s that name the member; JSON null counts as absent).

#include <httplib.h>

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <vector>

#include "opentok_mock/model.h"
#include "opentok_mock/result.h"

namespace opentok_mock::http {

// A layout object inside a start body; a missing type means bestFit. Every SDK spelling of
// screenshareType is accepted: `screensharetype` (.NET) and `screenshare_type` (Ruby).
Result<Layout> ParseLayout(nlohmann::json const& object, std::string where);
// The body of PUT .../layout: the same object, and `type` is required.
Result<Layout> ParseLayoutBody(std::string const& body);
// The body of PATCH .../streams: addStream (with hasAudio and hasVideo, default true, also as
// the strings "true"/"false") or removeStream. A "broadcastId" member is ignored:
// @vonage/video sends its whole update config.
Result<StreamSelectionChange> ParseSelectionChangeBody(std::string const& body);
// A layoutClassList value: an array of strings.
Result<std::vector<std::string>> ParseClassList(nlohmann::json const& value, std::string const& where);
// ?offset=&count=&sessionId= of the list routes. Empty values count as absent (.NET and Java
// send `offset=0`, `&&`, empty filters).
Result<ListQuery> ParseListQuery(httplib::Request const& req);

}  // namespace opentok_mock::http
