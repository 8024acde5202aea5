#pragma once

#include <nlohmann/json.hpp>

#include <functional>
#include <string_view>
#include <type_traits>
#include <vector>

#include "cli_args.h"

namespace opentok::cli {

// One subcommand: its grammar and what it does. `run` returns the JSON to print; it
// throws UsageError for bad input and lets opentok exceptions through to main().
struct Command {
  CommandSpec spec;
  std::function<nlohmann::ordered_json(ParsedArgs const&)> run;
};

std::vector<Command> SessionCommands();
std::vector<Command> TokenCommands();
std::vector<Command> ArchiveCommands();
std::vector<Command> BroadcastCommands();
std::vector<Command> StreamCommands();
// signal, connection list|disconnect, stream mute, session mute-all|unmute-all.
std::vector<Command> SessionControlCommands();
// sip dial|dtmf, captions start|stop|get, render start|stop|get|list, audio connect|disconnect.
std::vector<Command> MediaCommands();

// Maps a flag's text to an enum through a Parse* function, or throws UsageError listing
// the accepted values.
template <typename Parse>
auto ParseChoice(ParsedArgs const& args, std::string const& flag, Parse parse, char const* choices)
    -> std::remove_cvref_t<decltype(*parse(std::string_view{}))> {
  auto text = args.Value(flag).value_or("");
  auto value = parse(text);
  if (!value) throw UsageError("--" + flag + " must be one of " + choices + ", got '" + text + "'");
  return *value;
}

}  // namespace opentok::cli
