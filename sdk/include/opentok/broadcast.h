#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "opentok/layout.h"
#include "opentok/types.h"

namespace opentok {

// The .NET SDK's name for the layout of a broadcast.
using BroadcastLayout = Layout;

// HLS output of a broadcast. `dvr` (rewind up to 2 hours) and `low_latency` are mutually
// exclusive.
struct HlsOptions {
  bool dvr = false;
  bool low_latency = false;

  bool operator==(HlsOptions const&) const = default;
};

// One RTMP destination asked for when starting a broadcast (at most 5 per broadcast).
struct RtmpDestination {
  std::string id;  // optional: a label of the caller's choosing, echoed back
  std::string server_url;
  std::string stream_name;

  bool operator==(RtmpDestination const&) const = default;
};

// Everything StartBroadcast can send. At least one output (HLS or RTMP) is required.
struct StartBroadcastOptions {
  std::optional<HlsOptions> hls;      // set: broadcast to HLS
  std::vector<RtmpDestination> rtmp;  // 0-5 RTMP destinations
  std::optional<Layout> layout;
  std::string resolution;                // "640x480" (default), "1280x720", ...
  std::optional<int> max_duration;       // seconds, 60-36000 (the service defaults to 7200)
  std::optional<int> max_bitrate;        // bits per second, 100000-6000000
  StreamMode stream_mode = StreamMode::kAuto;
  bool has_audio = true;
  bool has_video = true;
  std::string multi_broadcast_tag;  // lets one session have several broadcasts at once
};

// An RTMP output of a running broadcast, with its status.
struct RtmpOutput {
  std::string id;
  std::string server_url;
  std::string stream_name;
  RtmpStatus status = RtmpStatus::kUnknown;
  std::string status_name;  // as received, also for unknown values

  bool operator==(RtmpOutput const&) const = default;
};

// Where a started broadcast can be watched (absent once it has stopped).
struct BroadcastUrls {
  std::string hls;  // the HLS playlist URL; empty without HLS output
  HlsStatus hls_status = HlsStatus::kUnknown;
  std::string hls_status_name;
  std::vector<RtmpOutput> rtmp;

  bool operator==(BroadcastUrls const&) const = default;
};

// A live-streaming broadcast as the service describes it.
struct Broadcast {
  std::string id;
  std::string session_id;
  std::int64_t project_id = 0;  // partnerId / projectId
  std::chrono::system_clock::time_point created_at;
  std::chrono::system_clock::time_point updated_at;
  BroadcastStatus status = BroadcastStatus::kUnknown;
  std::string status_name;  // as received, also for unknown values
  std::string resolution;
  int max_duration = 0;  // seconds
  std::optional<int> max_bitrate;
  StreamMode stream_mode = StreamMode::kAuto;
  bool has_audio = true;
  bool has_video = true;
  std::string multi_broadcast_tag;
  std::optional<HlsOptions> hls_settings;  // settings.hls: present for HLS broadcasts
  std::optional<BroadcastUrls> broadcast_urls;
  std::vector<SelectedStream> streams;  // manual stream mode, while started

  bool operator==(Broadcast const&) const = default;
};

// One page of broadcasts, newest first.
struct BroadcastList {
  std::int64_t total_count = 0;  // all broadcasts matching the query, not just this page
  std::vector<Broadcast> items;
};

}  // namespace opentok
