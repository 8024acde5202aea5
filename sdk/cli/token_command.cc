// opentok token SESSION_ID
#include "commands.h"
#include "environment.h"

namespace opentok::cli {

std::vector<Command> TokenCommands() {
  Command token;
  token.spec = {
      .path = "token",
      .positionals = {"SESSION_ID"},
      .summary = "Generates a client token for a session (no network call).",
      .flags = {{.name = "role", .value_name = "ROLE", .help = "subscriber, publisher (default), publisheronly or moderator."},
                {.name = "expire-time", .value_name = "T", .help = "Expiry in seconds since the epoch (default: in 24 hours)."},
                {.name = "data", .value_name = "D", .help = "Connection data, at most 1000 characters."},
                {.name = "layout-class", .value_name = "C", .help = "Initial layout class.", .repeatable = true},
                {.name = "format", .value_name = "F", .help = "jwt (default) or t1."}},
  };
  token.run = [](ParsedArgs const& args) {
    TokenOptions options;
    if (args.Has("role")) {
      options.role = ParseChoice(args, "role", ParseRole, "subscriber, publisher, publisheronly, moderator");
    }
    options.expire_time = args.IntegerValue("expire-time").value_or(0);
    options.data = args.Value("data").value_or("");
    options.initial_layout_class_list = args.Values("layout-class");
    options.format = TokenFormat::kJwt;
    if (args.Has("format")) options.format = ParseChoice(args, "format", ParseTokenFormat, "jwt, t1");
    std::string const& session_id = args.positional(0);
    nlohmann::ordered_json out;
    out["token"] = MakeClientFromEnvironment().GenerateToken(session_id, options);
    out["format"] = ToString(*options.format);
    out["session_id"] = session_id;
    out["role"] = ToString(options.role);
    return out;
  };
  return {token};
}

}  // namespace opentok::cli
