#pragma once

#include <string>

#include "opentok/types.h"

namespace opentok {

// Everything CreateSession can send. The positional CreateSession overload covers the
// first three fields, like the .NET SDK.
struct SessionOptions {
  std::string location;  // IPv4 address hint, or empty for none
  MediaMode media_mode = MediaMode::kRelayed;
  ArchiveMode archive_mode = ArchiveMode::kManual;
  std::string archive_name;        // only with ArchiveMode::kAlways; 1-80 characters
  std::string archive_resolution;  // only with ArchiveMode::kAlways; e.g. "1280x720"
  bool e2ee = false;               // end-to-end encryption; needs kRouted and kManual
};

// A created session.
struct Session {
  std::string id;
  std::string location;
  MediaMode media_mode = MediaMode::kRelayed;
  ArchiveMode archive_mode = ArchiveMode::kManual;
  bool e2ee = false;

  bool operator==(Session const&) const = default;
};

}  // namespace opentok
