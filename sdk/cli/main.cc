// opentok: a command-line client on the C++ SDK, for shell scripts and CI. Prints JSON on
// stdout; errors go to stderr. Exit codes: 0 success, 1 the service or the network
// failed, 2 usage error (bad flags, bad arguments, missing credentials).
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "cli_args.h"
#include "commands.h"
#include "credential_flags.h"
#include "environment.h"
#include "json_output.h"
#include "opentok/opentok.h"

namespace opentok::cli {
namespace {

constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;

constexpr char kOverview[] = R"(Usage: opentok <command> [arguments] [options]

A command-line client for the OpenTok (Vonage Video) REST API.

Commands:
  session create        Create a session.
  token SESSION_ID      Generate a client token (offline).
  archive start         Start archiving a session.
  archive stop          Stop an archive.
  archive get           Print one archive.
  archive list          List archives.
  archive delete        Delete an archive.
  archive layout        Change the layout of a composed archive.
  archive add-stream    Include a stream in an archive (manual stream mode).
  archive remove-stream Remove a stream from an archive (manual stream mode).
  broadcast start       Start a live-streaming broadcast (HLS and/or RTMP).
  broadcast stop        Stop a broadcast.
  broadcast get         Print one broadcast.
  broadcast list        List broadcasts.
  broadcast layout      Change the layout of a broadcast.
  broadcast add-stream  Include a stream in a broadcast (manual stream mode).
  broadcast remove-stream
                        Remove a stream from a broadcast (manual stream mode).
  stream list           List the streams of a session.
  stream get            Print one stream.
  stream set-class-lists
                        Set the layout classes of streams.
  stream mute           Mute the audio of one stream.
  session mute-all      Mute every stream of a session (but excluded ones).
  session unmute-all    Stop muting streams published from now on.
  signal SESSION_ID     Send a signal to a session's clients or to one.
  connection list       List the connections of a session.
  connection disconnect Force a connection out of a session.
  sip dial              Call a SIP endpoint into a session.
  sip dtmf              Play DTMF digits to a session's SIP calls.
  captions start        Start live captions of a session.
  captions stop         Stop live captions.
  captions get          Print the status of live captions.
  render start          Start an Experience Composer render of a web page.
  render stop           Stop a render.
  render get            Print one render.
  render list           List renders.
  audio connect         Send a session's audio to a WebSocket server.
  audio disconnect      Stop an Audio Connector connection.

Credentials: an OpenTok project (API key and secret) or a Vonage application
(application id and RSA private key file), not both.
  --application-id ID   Vonage application id (a UUID); needs --private-key.
  --private-key FILE    PEM file of the application's RSA private key.
  These two go before or after the command and take precedence over the environment.

Environment:
  OPENTOK_API_KEY         Project API key.
  OPENTOK_API_SECRET      Project API secret.
  OPENTOK_APPLICATION_ID  Vonage application id (instead of the key and secret).
  OPENTOK_PRIVATE_KEY     The application's private key file.
  OPENTOK_API_URL         Base URL (default https://api.opentok.com for a project,
                          https://video.api.vonage.com for an application).

Output is JSON on stdout. Exit status: 0 success, 1 request failed, 2 usage error.
Run 'opentok <command> --help' for the options of a command.
)";

std::vector<Command> AllCommands() {
  std::vector<Command> all;
  for (auto group : {SessionCommands(), TokenCommands(), ArchiveCommands(), BroadcastCommands(), StreamCommands(),
                      SessionControlCommands(), MediaCommands()}) {
    for (auto& command : group) all.push_back(std::move(command));
  }
  return all;
}

std::vector<std::string> Words(std::string const& path) {
  std::vector<std::string> words;
  std::istringstream in(path);
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

// The command whose path is a prefix of `args`; sets `consumed` to its word count.
Command const* Match(std::vector<Command> const& commands, std::vector<std::string> const& args, std::size_t& consumed) {
  for (auto const& command : commands) {
    auto words = Words(command.spec.path);
    if (words.size() <= args.size() && std::equal(words.begin(), words.end(), args.begin())) {
      consumed = words.size();
      return &command;
    }
  }
  return nullptr;
}

// "opentok archive" or "opentok archive --help": the subcommands of a group.
bool PrintGroupHelp(std::vector<Command> const& commands, std::string const& group, std::ostream& out) {
  bool found = false;
  for (auto const& command : commands) {
    auto words = Words(command.spec.path);
    if (words.size() > 1 && words.front() == group) {
      if (!found) out << "Usage: opentok " << group << " <subcommand> [arguments] [options]\n\nSubcommands:\n";
      found = true;
      std::string left = "  " + command.spec.path;
      for (auto const& p : command.spec.positionals) left += " " + p;
      // Long synopses get the summary on the next line, aligned with the others.
      left = left.size() < 34 ? left + std::string(34 - left.size(), ' ') : left + "\n" + std::string(34, ' ');
      out << left << " " << command.spec.summary << "\n";
    }
  }
  if (found) out << "\nRun 'opentok " << group << " <subcommand> --help' for its options.\n";
  return found;
}

int Run(std::vector<std::string> args) {
  try {
    UseCredentialFlags(ExtractCredentialFlags(args));
  } catch (UsageError const& e) {
    std::cerr << "opentok: " << e.what() << "\n";
    return kExitUsage;
  }
  std::vector<Command> const commands = AllCommands();
  if (args.empty()) {
    std::cerr << kOverview;
    return kExitUsage;
  }
  if (args.front() == "--help" || args.front() == "-h" || args.front() == "help") {
    std::cout << kOverview;
    return 0;
  }
  if (args.front() == "--version") {
    std::cout << "opentok " << kSdkVersion << "\n";
    return 0;
  }
  std::size_t consumed = 0;
  Command const* command = Match(commands, args, consumed);
  if (command == nullptr) {
    bool help = IsHelpRequest(args);
    std::ostringstream group_help;
    bool is_group = PrintGroupHelp(commands, args.front(), group_help);
    if (help) {
      std::cout << (is_group ? group_help.str() : kOverview);
      return 0;
    }
    if (is_group && args.size() == 1) {
      std::cerr << "opentok: '" << args.front() << "' needs a subcommand\n";
    } else {
      std::cerr << "opentok: unknown command '" << args.front() << (args.size() > 1 ? " " + args[1] : "") << "'\n";
    }
    std::cerr << (is_group ? group_help.str() : kOverview);
    return kExitUsage;
  }
  std::vector<std::string> rest(args.begin() + static_cast<std::ptrdiff_t>(consumed), args.end());
  if (IsHelpRequest(rest)) {
    std::cout << Usage(command->spec);
    return 0;
  }
  try {
    PrintJson(command->run(Parse(command->spec, rest)));
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

}  // namespace
}  // namespace opentok::cli

int main(int argc, char** argv) { return opentok::cli::Run(std::vector<std::string>(argv + 1, argv + argc)); }
