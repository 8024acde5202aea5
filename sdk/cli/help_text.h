#pragma once

// The CLI's help texts: the overview (opentok --help), a group's list of subcommands
// (opentok archive --help) and a command's usage (opentok archive start --help).

#include <string>
#include <vector>

#include "cli_args.h"
#include "commands.h"

namespace opentok::cli {

std::string Overview();
// The subcommands of `group` ("archive"), with their positionals and summaries.
std::string GroupHelp(std::vector<Command> const& commands, std::string const& group);
std::string CommandHelp(CommandSpec const& spec);

}  // namespace opentok::cli
