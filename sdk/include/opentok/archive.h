#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "opentok/layout.h"
#include "opentok/types.h"

namespace opentok {

// The .NET SDK's names for the layout and the stream selection of an archive.
using ArchiveLayout = Layout;
using ArchiveStream = SelectedStream;

// The rest of the archive start body, beyond the positional StartArchive parameters.
struct StartArchiveOptions {
  std::string name;
  bool has_video = true;
  bool has_audio = true;
  OutputMode output_mode = OutputMode::kComposed;
  std::string resolution;  // "640x480", "1280x720", ...; composed archives only
  StreamMode stream_mode = StreamMode::kAuto;
  std::optional<ArchiveLayout> layout;
  std::string multi_archive_tag;
  std::optional<int> max_bitrate;             // 100000-6000000 bps; composed only
  std::optional<int> quantization_parameter;  // 15-40; composed only; not with max_bitrate
};

// An archive as the service describes it.
struct Archive {
  std::string id;
  ArchiveStatus status = ArchiveStatus::kUnknown;
  std::string status_name;  // the status string as received, also for unknown values
  std::string name;
  std::string reason;
  std::string session_id;
  std::int64_t project_id = 0;  // partnerId / projectId
  std::chrono::system_clock::time_point created_at;
  std::chrono::system_clock::time_point updated_at;
  std::int64_t size = 0;      // bytes
  std::int64_t duration = 0;  // seconds
  OutputMode output_mode = OutputMode::kComposed;
  StreamMode stream_mode = StreamMode::kAuto;
  bool has_audio = true;
  bool has_video = true;
  std::string resolution;
  std::optional<std::string> url;  // set only while the archive is available
  std::string password;
  std::string sha256sum;
  std::string multi_archive_tag;
  std::optional<int> max_bitrate;
  std::optional<int> quantization_parameter;
  std::vector<ArchiveStream> streams;

  bool operator==(Archive const&) const = default;
};

// One page of archives, newest first.
struct ArchiveList {
  std::int64_t total_count = 0;  // all archives matching the query, not just this page
  std::vector<Archive> items;
};

}  // namespace opentok
