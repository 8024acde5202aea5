#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "opentok/types.h"

namespace opentok {

// A stream published in a session.
struct Stream {
  std::string id;
  VideoType video_type = VideoType::kUnknown;
  std::string video_type_name;  // as received, also for unknown values
  std::string name;
  std::vector<std::string> layout_class_list;

  bool operator==(Stream const&) const = default;
};

// The streams of a session.
struct StreamList {
  std::int64_t total_count = 0;
  std::vector<Stream> items;
};

// The layout classes to give one stream (SetStreamClassLists); the .NET SDK's
// StreamProperties.
struct StreamProperties {
  std::string stream_id;
  std::vector<std::string> layout_class_list;

  bool operator==(StreamProperties const&) const = default;
};

}  // namespace opentok
