#pragma once

#include <cstdint>

namespace opentok::testing_util {

// The credentials of the opentok-token known-answer vector (reference 6.1).
inline constexpr std::int64_t kApiKey = 123456;
inline constexpr char kApiKeyText[] = "123456";
inline constexpr char kApiSecret[] = "1234567890abcdef1234567890abcdef1234567890";
// Decodes to "1~123456~~Sat Mar 15 14:42:23 PDT 2014~0.49013025~".
inline constexpr char kSessionId[] = "1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4";
// The vector's create_time and nonce.
inline constexpr std::int64_t kNow = 1424221013;
inline constexpr double kNonce = 0.3942609881050885;

inline constexpr char kArchiveId[] = "30b3ebf1-ba36-4f5b-8def-6f70d9986fe9";

// A started archive with every field of reference 3.1 that the SDK reads.
inline constexpr char kArchiveJson[] = R"({
  "id": "30b3ebf1-ba36-4f5b-8def-6f70d9986fe9", "status": "started", "name": "demo", "reason": "",
  "sessionId": "1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4",
  "projectId": 123456, "partnerId": 123456, "createdAt": 1727870434974, "updatedAt": 1727870434977,
  "size": 0, "duration": 0, "outputMode": "composed", "streamMode": "auto", "hasAudio": true,
  "hasVideo": true, "resolution": "640x480", "sha256sum": "", "password": "", "url": null,
  "event": "archive"})";

}  // namespace opentok::testing_util
