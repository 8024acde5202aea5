// opentok signal, connection list|disconnect, stream mute, session mute-all|unmute-all
#include "commands.h"
#include "environment.h"
#include "media_json_output.h"

namespace opentok::cli {
namespace {

Command SignalCommand() {
  Command c;
  c.spec = {.path = "signal",
            .positionals = {"SESSION_ID"},
            .summary = "Sends a signal to every client of a session, or to one with --connection.",
            .flags = {{.name = "type", .value_name = "TYPE", .help = "Signal type, at most 128 bytes (default empty)."},
                      {.name = "data", .value_name = "DATA", .help = "Signal data, at most 8192 bytes (default empty)."},
                      {.name = "connection", .value_name = "ID", .help = "Only this connection."}}};
  c.run = [](ParsedArgs const& args) {
    SignalProperties signal{.type = args.Value("type").value_or(""), .data = args.Value("data").value_or("")};
    std::string connection_id = args.Value("connection").value_or("");
    MakeClientFromEnvironment().Signal(args.positional(0), signal, connection_id);
    nlohmann::ordered_json out{{"sessionId", args.positional(0)}};
    if (!connection_id.empty()) out["connectionId"] = connection_id;
    out["type"] = signal.type;
    out["data"] = signal.data;
    return out;
  };
  return c;
}

Command ListConnections() {
  Command c;
  c.spec = {.path = "connection list",
            .positionals = {"SESSION_ID"},
            .summary = "Lists the connections of a session as {\"count\", \"sessionId\", \"items\": [...]}.",
            .flags = {}};
  c.run = [](ParsedArgs const& args) { return ToJson(MakeClientFromEnvironment().ListConnections(args.positional(0))); };
  return c;
}

Command Disconnect() {
  Command c;
  c.spec = {.path = "connection disconnect",
            .positionals = {"SESSION_ID", "CONNECTION_ID"},
            .summary = "Forces a client (or a SIP, render or Audio Connector connection) out of a session.",
            .flags = {}};
  c.run = [](ParsedArgs const& args) {
    MakeClientFromEnvironment().ForceDisconnect(args.positional(0), args.positional(1));
    return nlohmann::ordered_json{
        {"sessionId", args.positional(0)}, {"connectionId", args.positional(1)}, {"disconnected", true}};
  };
  return c;
}

Command MuteStream() {
  Command c;
  c.spec = {.path = "stream mute",
            .positionals = {"SESSION_ID", "STREAM_ID"},
            .summary = "Mutes the audio of one stream.",
            .flags = {}};
  c.run = [](ParsedArgs const& args) {
    MakeClientFromEnvironment().ForceMuteStream(args.positional(0), args.positional(1));
    return nlohmann::ordered_json{{"sessionId", args.positional(0)}, {"streamId", args.positional(1)}, {"muted", true}};
  };
  return c;
}

Command MuteAll() {
  Command c;
  c.spec = {.path = "session mute-all",
            .positionals = {"SESSION_ID"},
            .summary = "Mutes every stream but the excluded ones, also streams published later.",
            .flags = {{.name = "exclude", .value_name = "STREAM_ID", .help = "Do not mute this stream.", .repeatable = true}}};
  c.run = [](ParsedArgs const& args) {
    std::vector<std::string> excluded = args.Values("exclude");
    MakeClientFromEnvironment().ForceMuteAll(args.positional(0), excluded);
    return nlohmann::ordered_json{{"sessionId", args.positional(0)}, {"active", true}, {"excludedStreamIds", excluded}};
  };
  return c;
}

Command UnmuteAll() {
  Command c;
  c.spec = {.path = "session unmute-all",
            .positionals = {"SESSION_ID"},
            .summary = "Ends mute-all: streams published from now on are not muted (muted ones stay muted).",
            .flags = {}};
  c.run = [](ParsedArgs const& args) {
    MakeClientFromEnvironment().DisableForceMute(args.positional(0));
    return nlohmann::ordered_json{{"sessionId", args.positional(0)}, {"active", false}};
  };
  return c;
}

}  // namespace

std::vector<Command> SessionControlCommands() {
  return {SignalCommand(), ListConnections(), Disconnect(), MuteStream(), MuteAll(), UnmuteAll()};
}

}  // namespace opentok::cli
