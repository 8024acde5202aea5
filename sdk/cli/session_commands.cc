// opentok session create
#include "commands.h"
#include "environment.h"
#include "json_output.h"

namespace opentok::cli {

std::vector<Command> SessionCommands() {
  Command create;
  create.spec = {
      .path = "session create",
      .positionals = {},
      .summary = "Creates a session and prints its id. Relayed and manually archived unless told otherwise.",
      .flags = {{.name = "routed", .help = "Use the OpenTok Media Router (default: relayed)."},
                {.name = "archive-mode", .value_name = "MODE", .help = "manual (default) or always; always needs --routed."},
                {.name = "location", .value_name = "IP", .help = "IPv4 address hint for the session's location."},
                {.name = "archive-name", .value_name = "NAME", .help = "Name of automatic archives (with always)."},
                {.name = "archive-resolution", .value_name = "WxH", .help = "Resolution of automatic archives (with always)."},
                {.name = "e2ee", .help = "Enable end-to-end encryption (needs --routed)."}},
  };
  create.run = [](ParsedArgs const& args) {
    SessionOptions options;
    options.media_mode = args.Has("routed") ? MediaMode::kRouted : MediaMode::kRelayed;
    if (args.Has("archive-mode")) {
      options.archive_mode = ParseChoice(args, "archive-mode", ParseArchiveMode, "manual, always");
    }
    options.location = args.Value("location").value_or("");
    options.archive_name = args.Value("archive-name").value_or("");
    options.archive_resolution = args.Value("archive-resolution").value_or("");
    options.e2ee = args.Has("e2ee");
    return ToJson(MakeClientFromEnvironment().CreateSession(options));
  };
  return {create};
}

}  // namespace opentok::cli
