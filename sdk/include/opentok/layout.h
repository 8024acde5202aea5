#pragma once

#include <string>

namespace opentok {

// The layout of a composed archive or of a broadcast. `type` is one of bestFit, pip,
// verticalPresentation, horizontalPresentation, custom; `stylesheet` is required for (and
// only for) custom; `screenshare_type` (the layout used while a screen-sharing stream is
// shown) needs type bestFit and is one of the four predefined types.
struct Layout {
  std::string type = "bestFit";
  std::string stylesheet;
  std::string screenshare_type;

  bool operator==(Layout const&) const = default;
};

// A stream included in an archive or broadcast whose stream mode is manual, with the
// media of it that is included.
struct SelectedStream {
  std::string stream_id;
  bool has_audio = true;
  bool has_video = true;

  bool operator==(SelectedStream const&) const = default;
};

}  // namespace opentok
