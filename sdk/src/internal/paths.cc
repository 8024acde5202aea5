#include "internal/paths.h"

#include "opentok_common/url.h"

namespace opentok::internal {

void AppendSegment(std::string& path, std::string_view segment) {
  path += '/';
  common::AppendPercentEncoded(path, segment);
}

std::string ResourcePath(std::string_view collection, std::string_view id, std::string_view suffix) {
  std::string path = "/";
  path.append(collection);
  AppendSegment(path, id);
  return path.append(suffix);
}

std::string PagePath(std::string_view collection, int offset, int count, std::string_view session_id) {
  std::string path = "/";
  path.append(collection).append("?offset=").append(std::to_string(offset));
  path.append("&count=").append(std::to_string(count));
  if (!session_id.empty()) path.append("&sessionId=").append(common::PercentEncode(session_id));
  return path;
}

}  // namespace opentok::internal
