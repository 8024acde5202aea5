#pragma once

// What archives and broadcasts share on the command line: the layout flags and the
// layout, add-stream and remove-stream subcommands (opentok archive|broadcast ...).

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "commands.h"
#include "opentok/opentok.h"

namespace opentok::cli {

// --layout TYPE, --stylesheet CSS, --screenshare-type TYPE.
std::vector<FlagSpec> LayoutFlags();
// The layout those flags describe; nullopt when none of them is given.
std::optional<Layout> LayoutFromFlags(ParsedArgs const& args);

// What the three subcommands call on the SDK for one resource kind.
struct CompositionCalls {
  std::string group;    // "archive" or "broadcast"
  std::string noun;     // "an archive" or "a broadcast", for the help texts
  std::string layout_of;  // "a composed archive" or "a broadcast": what has a layout
  std::string id_name;  // "ARCHIVE_ID" or "BROADCAST_ID"
  std::function<void(OpenTok const&, std::string const& id, Layout const&)> set_layout;
  std::function<void(OpenTok const&, std::string const& id, std::string const& stream_id, bool has_audio,
                     bool has_video)>
      add_stream;
  std::function<void(OpenTok const&, std::string const& id, std::string const& stream_id)> remove_stream;
};

// "<group> layout", "<group> add-stream" and "<group> remove-stream".
std::vector<Command> CompositionCommands(CompositionCalls const& calls);

}  // namespace opentok::cli
