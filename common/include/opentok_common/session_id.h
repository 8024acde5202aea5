#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace opentok::common {

// The fields of an OpenTok session id: "1_" + base64url("1~<project>~<location>~<time>~<random>~~~"),
// as the official SDKs decode it (e.g. decodeSessionId in opentok/opentok-node, lib/opentok.js).
struct SessionIdParts {
  std::string project_id;   // API key, or a Vonage application id
  std::string location;     // IPv4 hint, or empty
  std::string create_time;  // epoch milliseconds (older ids: a date string)
  std::string random;       // 24 alphanumeric characters in current ids
};

// Mints "1_<payload>" with the padding stripped and the URL-safe alphabet.
std::string EncodeSessionId(SessionIdParts const& parts);

// True when every official SDK's decoder can read the id: the .NET SDK splits on '_' and
// needs exactly two parts, so the payload must not contain '_' (Opentok-.NET-SDK, OpenTokUtils.GetPartnerIdFromSessionId).
bool IsPortableSessionId(std::string_view session_id);

// The tolerant decoder: drop the two-character prefix, accept either base64 alphabet and
// missing padding, split on '~' and read field [1] as the project id. nullopt when the id
// does not decode to at least two '~'-separated fields.
std::optional<SessionIdParts> DecodeSessionId(std::string_view session_id);

// Just field [1] of DecodeSessionId (nullopt exactly when DecodeSessionId fails), without
// building the other fields: the per-token ownership check of client-token generation.
std::optional<std::string> SessionIdProjectId(std::string_view session_id);

}  // namespace opentok::common
