// opentok sip dial|dtmf, captions start|stop|get, render start|stop|get|list,
// audio connect|disconnect: the services that join a session as a participant.
#include "commands.h"
#include "environment.h"
#include "media_json_output.h"

namespace opentok::cli {
namespace {

// --token, shared by the commands whose participant connects with a client token.
FlagSpec TokenFlag(char const* default_role) {
  return {.name = "token",
          .value_name = "TOKEN",
          .help = std::string("Client token of the session (default: one generated offline, role ") + default_role + ")."};
}

// The --token given, or a fresh token for the session (the official SDKs' samples do the
// same: the participant only needs a valid token of that session).
std::string TokenFor(OpenTok const& client, ParsedArgs const& args, Role role) {
  if (auto token = args.Value("token")) return *token;
  return client.GenerateToken(args.positional(0), TokenOptions{.role = role});
}

// "NAME=VALUE": one --header.
std::pair<std::string, std::string> ParseHeader(std::string const& value) {
  auto eq = value.find('=');
  if (eq == std::string::npos || eq == 0) throw UsageError("--header takes NAME=VALUE, got '" + value + "'");
  return {value.substr(0, eq), value.substr(eq + 1)};
}

std::map<std::string, std::string> Headers(ParsedArgs const& args) {
  std::map<std::string, std::string> headers;
  for (auto const& value : args.Values("header")) headers.insert(ParseHeader(value));
  return headers;
}

// ---- SIP ----

Command Dial() {
  Command c;
  c.spec = {.path = "sip dial",
            .positionals = {"SESSION_ID", "SIP_URI"},
            .summary = "Calls a SIP endpoint (sip: or sips: URI) into a routed session and prints the call.",
            .flags = {TokenFlag("publisher"),
                      {.name = "from", .value_name = "FROM", .help = "Caller number or SIP address shown to the callee."},
                      {.name = "header", .value_name = "NAME=VALUE", .help = "Custom SIP header.", .repeatable = true},
                      {.name = "username", .value_name = "USER", .help = "Digest authentication user."},
                      {.name = "password", .value_name = "PASSWORD", .help = "Digest authentication password."},
                      {.name = "secure", .help = "Encrypt the media (SRTP)."},
                      {.name = "video", .help = "Send and receive video too."},
                      {.name = "observe-force-mute", .help = "Let force-mute mute the SIP participant."},
                      {.name = "stream", .value_name = "STREAM_ID", .help = "Stream the callee hears (default all).",
                       .repeatable = true}}};
  c.run = [](ParsedArgs const& args) {
    OpenTok client = MakeClientFromEnvironment();
    DialOptions o;
    o.from = args.Value("from").value_or("");
    o.headers = Headers(args);
    if (args.Has("username") || args.Has("password")) {
      o.auth = SipAuth{.username = args.Value("username").value_or(""), .password = args.Value("password").value_or("")};
    }
    o.secure = args.Has("secure");
    o.video = args.Has("video");
    o.observe_force_mute = args.Has("observe-force-mute");
    o.streams = args.Values("stream");
    return ToJson(client.Dial(args.positional(0), TokenFor(client, args, Role::kPublisher), args.positional(1), o));
  };
  return c;
}

Command Dtmf() {
  Command c;
  c.spec = {.path = "sip dtmf",
            .positionals = {"SESSION_ID", "DIGITS"},
            .summary = "Plays DTMF digits (0-9, *, #, p = 500 ms pause) to the SIP calls of a session.",
            .flags = {{.name = "connection", .value_name = "ID", .help = "Only this SIP connection."}}};
  c.run = [](ParsedArgs const& args) {
    std::string connection_id = args.Value("connection").value_or("");
    MakeClientFromEnvironment().PlayDTMF(args.positional(0), args.positional(1), connection_id);
    nlohmann::ordered_json out{{"sessionId", args.positional(0)}};
    if (!connection_id.empty()) out["connectionId"] = connection_id;
    out["digits"] = args.positional(1);
    return out;
  };
  return c;
}

// ---- Live captions ----

Command StartCaptions() {
  Command c;
  c.spec = {.path = "captions start",
            .positionals = {"SESSION_ID"},
            .summary = "Starts live captions of a routed session and prints {\"captionsId\"}.",
            .flags = {TokenFlag("moderator"),
                      {.name = "language-code", .value_name = "CODE", .help = "Spoken language (default en-US)."},
                      {.name = "max-duration", .value_name = "S", .help = "Stop after S seconds, 300-14400 (default 14400)."},
                      {.name = "no-partial-captions", .help = "Send final captions only."},
                      {.name = "status-callback-url", .value_name = "URL", .help = "Where status changes are posted."}}};
  c.run = [](ParsedArgs const& args) {
    OpenTok client = MakeClientFromEnvironment();
    LiveCaptionsOptions o;
    if (auto code = args.Value("language-code")) o.language_code = *code;
    o.max_duration = args.IntValue("max-duration");
    o.partial_captions = !args.Has("no-partial-captions");
    o.status_callback_url = args.Value("status-callback-url").value_or("");
    std::string id = client.StartLiveCaptions(args.positional(0), TokenFor(client, args, Role::kModerator), o);
    return nlohmann::ordered_json{{"captionsId", id}};
  };
  return c;
}

Command StopCaptions() {
  Command c;
  c.spec = {.path = "captions stop", .positionals = {"CAPTIONS_ID"}, .summary = "Stops live captions.", .flags = {}};
  c.run = [](ParsedArgs const& args) {
    MakeClientFromEnvironment().StopLiveCaptions(args.positional(0));
    return nlohmann::ordered_json{{"captionsId", args.positional(0)}, {"stopped", true}};
  };
  return c;
}

Command GetCaptions() {
  Command c;
  c.spec = {.path = "captions get",
            .positionals = {"CAPTIONS_ID"},
            .summary = "Prints the status of live captions.",
            .flags = {}};
  c.run = [](ParsedArgs const& args) { return ToJson(MakeClientFromEnvironment().GetLiveCaptions(args.positional(0))); };
  return c;
}

// ---- Renders ----

Command StartRender() {
  Command c;
  c.spec = {.path = "render start",
            .positionals = {"SESSION_ID"},
            .summary = "Starts an Experience Composer render of a web page into the session and prints it.",
            .flags = {TokenFlag("publisher"),
                      {.name = "url", .value_name = "URL", .help = "The page to render, 15-2048 characters (required)."},
                      {.name = "max-duration", .value_name = "S", .help = "Stop after S seconds, 60-36000 (default 7200)."},
                      {.name = "resolution", .value_name = "WxH", .help = "1280x720 (default), 640x480, 1920x1080, ..."},
                      {.name = "name", .value_name = "NAME", .help = "Name of the composed stream, 1-200 characters."},
                      {.name = "status-callback-url", .value_name = "URL", .help = "Where status changes are posted."}}};
  c.run = [](ParsedArgs const& args) {
    if (!args.Has("url")) throw UsageError("render start needs --url");
    OpenTok client = MakeClientFromEnvironment();
    RenderOptions o;
    o.url = *args.Value("url");
    o.max_duration = args.IntValue("max-duration");
    o.resolution = args.Value("resolution").value_or("");
    o.name = args.Value("name").value_or("");
    o.status_callback_url = args.Value("status-callback-url").value_or("");
    return ToJson(client.StartRender(args.positional(0), TokenFor(client, args, Role::kPublisher), o));
  };
  return c;
}

Command StopRender() {
  Command c;
  c.spec = {.path = "render stop", .positionals = {"RENDER_ID"}, .summary = "Stops a render.", .flags = {}};
  c.run = [](ParsedArgs const& args) {
    MakeClientFromEnvironment().StopRender(args.positional(0));
    return nlohmann::ordered_json{{"id", args.positional(0)}, {"stopped", true}};
  };
  return c;
}

Command GetRender() {
  Command c;
  c.spec = {.path = "render get", .positionals = {"RENDER_ID"}, .summary = "Prints one render.", .flags = {}};
  c.run = [](ParsedArgs const& args) { return ToJson(MakeClientFromEnvironment().GetRender(args.positional(0))); };
  return c;
}

Command ListRenders() {
  Command c;
  c.spec = {.path = "render list",
            .positionals = {},
            .summary = "Lists renders, newest first, as {\"count\": total, \"items\": [...]}.",
            .flags = {{.name = "offset", .value_name = "N", .help = "Skip the N newest renders (default 0)."},
                      {.name = "count", .value_name = "N", .help = "Page size, 1-1000 (default 50)."}}};
  c.run = [](ParsedArgs const& args) {
    return ToJson(MakeClientFromEnvironment().ListRenders(args.IntValue("offset").value_or(0),
                                                          args.IntValue("count").value_or(50)));
  };
  return c;
}

// ---- Audio Connector ----

Command ConnectAudio() {
  Command c;
  c.spec = {.path = "audio connect",
            .positionals = {"SESSION_ID"},
            .summary = "Sends the audio of a routed session to a WebSocket server and prints {\"id\", \"connectionId\"}.",
            .flags = {TokenFlag("publisher"),
                      {.name = "uri", .value_name = "URI", .help = "The WebSocket server, ws:// or wss:// (required)."},
                      {.name = "stream", .value_name = "STREAM_ID", .help = "Stream to send (default all).", .repeatable = true},
                      {.name = "header", .value_name = "NAME=VALUE", .help = "Handshake header (512 bytes in all).",
                       .repeatable = true},
                      {.name = "audio-rate", .value_name = "HZ", .help = "8000 (default), 16000 or 24000."},
                      {.name = "bidirectional", .help = "Let the server send audio back into the session."}}};
  c.run = [](ParsedArgs const& args) {
    if (!args.Has("uri")) throw UsageError("audio connect needs --uri");
    OpenTok client = MakeClientFromEnvironment();
    WebSocketOptions o;
    o.uri = *args.Value("uri");
    o.streams = args.Values("stream");
    o.headers = Headers(args);
    o.audio_rate = args.IntValue("audio-rate");
    o.bidirectional = args.Has("bidirectional");
    return ToJson(client.ConnectAudioToWebSocket(args.positional(0), TokenFor(client, args, Role::kPublisher), o));
  };
  return c;
}

Command DisconnectAudio() {
  Command c;
  c.spec = {.path = "audio disconnect",
            .positionals = {"ID"},
            .summary = "Stops an Audio Connector connection (its id or its connection id).",
            .flags = {}};
  c.run = [](ParsedArgs const& args) {
    MakeClientFromEnvironment().DisconnectAudioConnector(args.positional(0));
    return nlohmann::ordered_json{{"id", args.positional(0)}, {"disconnected", true}};
  };
  return c;
}

}  // namespace

std::vector<Command> MediaCommands() {
  return {Dial(),        Dtmf(),      StartCaptions(), StopCaptions(), GetCaptions(),  StartRender(),
          StopRender(),  GetRender(), ListRenders(),   ConnectAudio(), DisconnectAudio()};
}

}  // namespace opentok::cli
