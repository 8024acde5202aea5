#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "opentok/types.h"

namespace opentok {

// Everything StartRender can send beyond the session id and token (Experience Composer).
struct RenderOptions {
  std::string url;                  // the web page to render, 15-2048 characters
  std::optional<int> max_duration;  // seconds, 60-36000 (the service defaults to 7200)
  std::string resolution;           // "1280x720" (default), "640x480", ...
  std::string name;                 // the name of the composed stream, 1-200 characters; empty: none
  std::string status_callback_url;  // empty: none; otherwise 15-2048 characters
};

// An Experience Composer render.
struct Render {
  std::string id;
  std::string session_id;
  std::string project_id;  // as the service sends it (a string for renders)
  RenderStatus status = RenderStatus::kUnknown;
  std::string status_name;  // as received, also for unknown values
  std::string url;
  std::string resolution;
  std::string stream_id;  // the composed stream, once started
  std::string reason;     // why it stopped or failed
  std::string name;
  std::string callback_url;
  std::chrono::system_clock::time_point created_at;
  std::chrono::system_clock::time_point updated_at;

  bool operator==(Render const&) const = default;
};

// One page of renders, newest first.
struct RenderList {
  std::int64_t total_count = 0;
  std::vector<Render> items;
};

}  // namespace opentok
