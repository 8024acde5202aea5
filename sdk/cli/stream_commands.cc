// opentok stream list|get|set-class-lists
#include "commands.h"
#include "environment.h"
#include "json_output.h"

namespace opentok::cli {
namespace {

// "STREAM_ID=CLASS[,CLASS...]" or "STREAM_ID=" (no classes): one --stream of set-class-lists.
StreamProperties ParseStreamClasses(std::string const& value) {
  auto eq = value.find('=');
  if (eq == std::string::npos) throw UsageError("--stream takes STREAM_ID=CLASS[,CLASS...], got '" + value + "'");
  StreamProperties stream{.stream_id = value.substr(0, eq), .layout_class_list = {}};
  for (auto& layout_class : SplitList(value.substr(eq + 1))) {
    if (!layout_class.empty()) stream.layout_class_list.push_back(std::move(layout_class));
  }
  return stream;
}

}  // namespace

std::vector<Command> StreamCommands() {
  Command list;
  list.spec = {.path = "stream list",
               .positionals = {"SESSION_ID"},
               .summary = "Lists the streams published in a session as {\"count\": n, \"items\": [...]}.",
               .flags = {}};
  list.run = [](ParsedArgs const& args) { return ToJson(MakeClientFromEnvironment().ListStreams(args.positional(0))); };

  Command get;
  get.spec = {.path = "stream get",
              .positionals = {"SESSION_ID", "STREAM_ID"},
              .summary = "Prints one stream (id, videoType, name, layoutClassList).",
              .flags = {}};
  get.run = [](ParsedArgs const& args) {
    return ToJson(MakeClientFromEnvironment().GetStream(args.positional(0), args.positional(1)));
  };

  Command set;
  set.spec = {.path = "stream set-class-lists",
              .positionals = {"SESSION_ID"},
              .summary = "Sets the layout classes of one or more streams at once (all or nothing).",
              .flags = {{.name = "stream",
                         .value_name = "ID=CLASS,...",
                         .help = "A stream and its classes; 'ID=' clears them.",
                         .repeatable = true}}};
  set.run = [](ParsedArgs const& args) {
    std::vector<StreamProperties> streams;
    for (auto const& value : args.Values("stream")) streams.push_back(ParseStreamClasses(value));
    if (streams.empty()) throw UsageError("give at least one --stream ID=CLASS,...");
    MakeClientFromEnvironment().SetStreamClassLists(args.positional(0), streams);
    nlohmann::ordered_json items = nlohmann::ordered_json::array();
    for (auto const& s : streams) items.push_back({{"id", s.stream_id}, {"layoutClassList", s.layout_class_list}});
    return nlohmann::ordered_json{{"sessionId", args.positional(0)}, {"items", std::move(items)}};
  };
  return {list, get, set};
}

}  // namespace opentok::cli
