#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "opentok/types.h"

namespace opentok {

// Everything StartLiveCaptions can send beyond the session id and token.
struct LiveCaptionsOptions {
  std::string language_code = "en-US";
  std::optional<int> max_duration;  // seconds, 300-14400 (the service defaults to 14400)
  bool partial_captions = true;     // send captions before a phrase is final
  std::string status_callback_url;  // empty: none; otherwise 15-2048 characters
};

// The status of a session's live captions (GET .../captions/{id}).
struct LiveCaptions {
  std::string id;
  std::string session_id;
  CaptionsStatus status = CaptionsStatus::kUnknown;
  std::string status_name;  // as received, also for unknown values
  std::string language_code;
  std::string provider;
  std::string reason;
  std::int64_t duration = 0;  // seconds
  std::chrono::system_clock::time_point created_at;
  std::chrono::system_clock::time_point updated_at;

  bool operator==(LiveCaptions const&) const = default;
};

}  // namespace opentok
