#include "composition_commands.h"

#include "environment.h"
#include "json_output.h"

namespace opentok::cli {

std::vector<FlagSpec> LayoutFlags() {
  return {{.name = "layout", .value_name = "TYPE", .help = "bestFit, pip, verticalPresentation, horizontalPresentation or custom."},
          {.name = "stylesheet", .value_name = "CSS", .help = "Stylesheet for --layout custom."},
          {.name = "screenshare-type", .value_name = "TYPE", .help = "Layout while screen sharing (with --layout bestFit)."}};
}

std::optional<Layout> LayoutFromFlags(ParsedArgs const& args) {
  if (!args.Has("layout") && !args.Has("stylesheet") && !args.Has("screenshare-type")) return std::nullopt;
  return Layout{.type = args.Value("layout").value_or("bestFit"),
                .stylesheet = args.Value("stylesheet").value_or(""),
                .screenshare_type = args.Value("screenshare-type").value_or("")};
}

std::vector<Command> CompositionCommands(CompositionCalls const& calls) {
  Command layout;
  layout.spec = {.path = calls.group + " layout",
                 .positionals = {calls.id_name},
                 .summary = "Changes the layout of " + calls.layout_of + " (bestFit unless --layout is given).",
                 .flags = LayoutFlags()};
  layout.run = [set = calls.set_layout](ParsedArgs const& args) {
    Layout chosen = LayoutFromFlags(args).value_or(Layout{});
    set(MakeClientFromEnvironment(), args.positional(0), chosen);
    return nlohmann::ordered_json{{"id", args.positional(0)}, {"layout", ToJson(chosen)}};
  };

  Command add;
  add.spec = {.path = calls.group + " add-stream",
              .positionals = {calls.id_name, "STREAM_ID"},
              .summary = "Includes a stream in " + calls.noun +
                         " whose stream mode is manual (again: changes its audio/video).",
              .flags = {{.name = "no-audio", .help = "Include the stream's video only."},
                        {.name = "no-video", .help = "Include the stream's audio only."}}};
  add.run = [add_stream = calls.add_stream](ParsedArgs const& args) {
    bool has_audio = !args.Has("no-audio");
    bool has_video = !args.Has("no-video");
    add_stream(MakeClientFromEnvironment(), args.positional(0), args.positional(1), has_audio, has_video);
    return nlohmann::ordered_json{
        {"id", args.positional(0)}, {"addStream", args.positional(1)}, {"hasAudio", has_audio}, {"hasVideo", has_video}};
  };

  Command remove;
  remove.spec = {.path = calls.group + " remove-stream",
                 .positionals = {calls.id_name, "STREAM_ID"},
                 .summary = "Removes a stream from " + calls.noun + " whose stream mode is manual.",
                 .flags = {}};
  remove.run = [remove_stream = calls.remove_stream](ParsedArgs const& args) {
    remove_stream(MakeClientFromEnvironment(), args.positional(0), args.positional(1));
    return nlohmann::ordered_json{{"id", args.positional(0)}, {"removeStream", args.positional(1)}};
  };
  return {layout, add, remove};
}

}  // namespace opentok::cli
