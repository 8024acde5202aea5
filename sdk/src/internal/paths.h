#pragma once

// Path pieces of the project-scoped REST resources (relative to RestConnection's
// ProjectPath). Ids are percent-encoded so that each stays one path segment whatever the
// caller passes.

#include <string>
#include <string_view>

namespace opentok::internal {

// Appends "/" and `segment`, percent-encoded.
void AppendSegment(std::string& path, std::string_view segment);

// "/<collection>/<id><suffix>", e.g. ResourcePath("broadcast", id, "/stop").
std::string ResourcePath(std::string_view collection, std::string_view id, std::string_view suffix = {});

// "/<collection>?offset=<offset>&count=<count>[&sessionId=<session_id>]": one page of
// archives or broadcasts.
std::string PagePath(std::string_view collection, int offset, int count, std::string_view session_id);

}  // namespace opentok::internal
