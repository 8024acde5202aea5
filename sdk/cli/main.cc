// opentok: a command-line client on the C++ SDK, for shell scripts and CI. Prints JSON on
// stdout; errors go to stderr. Exit codes: 0 success, 1 the service or the network
// failed, 2 usage error (bad flags, bad arguments, missing credentials).
#include <iostream>
#include <string>
#include <vector>

#include "command_line.h"
#include "commands.h"
#include "environment.h"
#include "help_text.h"
#include "json_output.h"
#include "opentok/opentok.h"

namespace opentok::cli {
namespace {

constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;

std::vector<Command> AllCommands() {
  std::vector<Command> all;
  for (auto group : {SessionCommands(), TokenCommands(), ArchiveCommands(), BroadcastCommands(), StreamCommands(),
                      SessionControlCommands(), MediaCommands()}) {
    for (auto& command : group) all.push_back(std::move(command));
  }
  return all;
}

int RunCommand(Command const& command, ParsedArgs const& args) {
  try {
    PrintJson(command.run(args));
    return 0;
  } catch (UsageError const& e) {
    std::cerr << "opentok: " << e.what() << "\n";
    return kExitUsage;
  } catch (ArgumentException const& e) {
    std::cerr << "opentok: invalid argument: " << e.what() << "\n";
    return kExitUsage;
  } catch (OpenTokException const& e) {
    std::cerr << "opentok: " << e.what() << "\n";
    return kExitFailure;
  } catch (std::exception const& e) {
    std::cerr << "opentok: unexpected error: " << e.what() << "\n";
    return kExitFailure;
  }
}

int Run(std::vector<std::string> args) {
  CommandLine line(AllCommands());
  try {
    line.Parse(std::move(args));
  } catch (CLI::CallForHelp const&) {
    std::cout << line.Help();
    return 0;
  } catch (CLI::ParseError const& e) {
    std::string const& words = line.reached_words();
    std::cerr << "opentok: " << line.Describe(e) << "\nRun 'opentok " << words << (words.empty() ? "" : " ") << "--help' for usage.\n";
    return kExitUsage;
  }
  if (line.version_requested()) {
    std::cout << "opentok " << kSdkVersion << "\n";
    return 0;
  }
  if (line.help_word()) {
    std::cout << Overview();
    return 0;
  }
  Command const* command = line.command();
  if (command == nullptr) {
    // The words stopped at the root (no command at all) or at a group ("opentok archive").
    if (!line.reached_words().empty()) std::cerr << "opentok: '" << line.reached_words() << "' needs a subcommand\n";
    std::cerr << line.Help();
    return kExitUsage;
  }
  UseCredentialFlags(line.credentials());
  return RunCommand(*command, line.arguments());
}

}  // namespace
}  // namespace opentok::cli

int main(int argc, char** argv) { return opentok::cli::Run(std::vector<std::string>(argv + 1, argv + argc)); }
