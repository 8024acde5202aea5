#pragma once

#include <cstdint>

namespace opentok::testing_util {

// The credentials of the opentok-token known-answer vector (opentok/opentok-token).
inline constexpr std::int64_t kApiKey = 123456;
inline constexpr char kApiKeyText[] = "123456";
inline constexpr char kApiSecret[] = "1234567890abcdef1234567890abcdef1234567890";
// Decodes to "1~123456~~Sat Mar 15 14:42:23 PDT 2014~0.49013025~".
inline constexpr char kSessionId[] = "1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4";
// The vector's create_time and nonce.
inline constexpr std::int64_t kNow = 1424221013;
inline constexpr double kNonce = 0.3942609881050885;

inline constexpr char kArchiveId[] = "30b3ebf1-ba36-4f5b-8def-6f70d9986fe9";

// A started archive with every documented field that the SDK reads.
inline constexpr char kArchiveJson[] = R"({
  "id": "30b3ebf1-ba36-4f5b-8def-6f70d9986fe9", "status": "started", "name": "demo", "reason": "",
  "sessionId": "1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4",
  "projectId": 123456, "partnerId": 123456, "createdAt": 1727870434974, "updatedAt": 1727870434977,
  "size": 0, "duration": 0, "outputMode": "composed", "streamMode": "auto", "hasAudio": true,
  "hasVideo": true, "resolution": "640x480", "sha256sum": "", "password": "", "url": null,
  "event": "archive"})";

inline constexpr char kBroadcastId[] = "1748b707-0a8a-4c4d-9c2f-8d0a6e3a0c11";
inline constexpr char kStreamId[] = "8b732909-0a06-46a2-8ea8-074e64d43422";

// A started HLS + RTMP broadcast in manual stream mode, as the wire contract describes it.
inline constexpr char kBroadcastJson[] = R"({
  "id": "1748b707-0a8a-4c4d-9c2f-8d0a6e3a0c11", "sessionId": "SESSION", "projectId": 123456, "partnerId": 123456,
  "createdAt": 1727870434974, "updatedAt": 1727870434977, "status": "started", "resolution": "1280x720",
  "maxDuration": 5400, "maxBitrate": 2000000, "streamMode": "manual", "hasAudio": true, "hasVideo": false,
  "multiBroadcastTag": "tag-1", "layout": {"type": "bestFit"},
  "streams": [{"streamId": "8b732909-0a06-46a2-8ea8-074e64d43422", "hasAudio": true, "hasVideo": false}],
  "settings": {"hls": {"lowLatency": false, "dvr": true}},
  "broadcastUrls": {"hls": "http://127.0.0.1:8080/_mock/broadcasts/x/hls/index.m3u8", "hlsStatus": "live",
                    "rtmp": [{"id": "yt", "serverUrl": "rtmps://a.example.test/live", "streamName": "key-1",
                              "status": "live"},
                             {"id": "fb", "serverUrl": "rtmp://b.example.test/app", "streamName": "key-2",
                              "status": "connecting"}]},
  "event": "broadcast"})";

// A stream as GET .../session/{sid}/stream/{id} answers.
inline constexpr char kStreamJson[] = R"({"id": "8b732909-0a06-46a2-8ea8-074e64d43422", "videoType": "screen",
  "name": "presenter", "layoutClassList": ["full", "focus"]})";

}  // namespace opentok::testing_util
