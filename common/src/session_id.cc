#include "opentok_common/session_id.h"

#include <vector>

#include "opentok_common/base64.h"

namespace opentok::common {

std::string EncodeSessionId(SessionIdParts const& parts) {
  std::string plain = "1~" + parts.project_id + "~" + parts.location + "~" + parts.create_time + "~" + parts.random + "~~~";
  return "1_" + Base64UrlEncode(plain);
}

bool IsPortableSessionId(std::string_view session_id) {
  return session_id.size() > 2 && session_id.substr(2).find('_') == std::string_view::npos;
}

std::optional<SessionIdParts> DecodeSessionId(std::string_view session_id) {
  if (session_id.size() <= 2) return std::nullopt;
  auto plain = Base64Decode(session_id.substr(2));
  if (!plain) return std::nullopt;
  std::vector<std::string> fields;
  std::size_t start = 0;
  while (true) {
    auto tilde = plain->find('~', start);
    fields.push_back(plain->substr(start, tilde == std::string::npos ? std::string::npos : tilde - start));
    if (tilde == std::string::npos) break;
    start = tilde + 1;
  }
  if (fields.size() < 3 || fields[1].empty()) return std::nullopt;
  SessionIdParts parts;
  parts.project_id = fields[1];
  parts.location = fields[2];
  if (fields.size() > 3) parts.create_time = fields[3];
  if (fields.size() > 4) parts.random = fields[4];
  return parts;
}

std::optional<std::string> SessionIdProjectId(std::string_view session_id) {
  if (session_id.size() <= 2) return std::nullopt;
  // A per-thread buffer: this runs for every client token, and the decoded id is dropped.
  thread_local std::string decoded;
  if (!Base64DecodeInto(session_id.substr(2), decoded)) return std::nullopt;
  // DecodeSessionId's rule: at least three '~'-separated fields and a non-empty field [1].
  auto first = decoded.find('~');
  if (first == std::string::npos) return std::nullopt;
  auto second = decoded.find('~', first + 1);
  if (second == std::string::npos || second == first + 1) return std::nullopt;
  return decoded.substr(first + 1, second - first - 1);
}

}  // namespace opentok::common
