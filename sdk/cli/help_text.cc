#include "help_text.h"

#include <sstream>

namespace opentok::cli {
namespace {

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

}  // namespace

std::string Overview() { return kOverview; }

std::string GroupHelp(std::vector<Command> const& commands, std::string const& group) {
  std::ostringstream out;
  bool found = false;
  for (auto const& command : commands) {
    auto words = SplitList(command.spec.path, ' ');
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
  return out.str();
}

std::string CommandHelp(CommandSpec const& spec) {
  std::string text = "Usage: opentok " + spec.path;
  for (auto const& p : spec.positionals) text += " " + p;
  if (!spec.flags.empty()) text += " [options]";
  text += "\n\n" + spec.summary + "\n";
  if (!spec.flags.empty()) {
    text += "\nOptions:\n";
    for (auto const& flag : spec.flags) {
      std::string left = "  --" + flag.name + (flag.value_name.empty() ? "" : " " + flag.value_name);
      if (left.size() < 32) left.resize(32, ' ');
      text += left + " " + flag.help + (flag.repeatable ? " (repeatable)" : "") + "\n";
    }
  }
  text += "  --help                         Show this help.\n";
  return text;
}

}  // namespace opentok::cli
