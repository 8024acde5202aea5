// opentok archive start|stop|get|list|delete|layout|add-stream|remove-stream
#include "commands.h"
#include "composition_commands.h"
#include "environment.h"
#include "json_output.h"

namespace opentok::cli {
namespace {

Command Start() {
  Command c;
  c.spec = {
      .path = "archive start",
      .positionals = {"SESSION_ID"},
      .summary = "Starts archiving a (routed) session and prints the archive.",
      .flags = {{.name = "name", .value_name = "NAME", .help = "Archive name."},
                {.name = "output-mode", .value_name = "MODE", .help = "composed (default) or individual."},
                {.name = "resolution", .value_name = "WxH", .help = "640x480, 1280x720, 1920x1080, ... (composed only)."},
                {.name = "no-audio", .help = "Do not record audio."},
                {.name = "no-video", .help = "Do not record video."},
                {.name = "stream-mode", .value_name = "MODE", .help = "auto (default) or manual."},
                {.name = "multi-archive-tag", .value_name = "TAG", .help = "Tag allowing several archives of one session."},
                {.name = "max-bitrate", .value_name = "BPS", .help = "Maximum bitrate, 100000-6000000 (composed only)."},
                {.name = "quantization-parameter", .value_name = "QP", .help = "15-40 (composed only; not with --max-bitrate)."}},
  };
  for (auto& flag : LayoutFlags()) c.spec.flags.push_back(std::move(flag));
  c.run = [](ParsedArgs const& args) {
    StartArchiveOptions o;
    o.name = args.Value("name").value_or("");
    if (args.Has("output-mode")) o.output_mode = ParseChoice(args, "output-mode", ParseOutputMode, "composed, individual");
    o.resolution = args.Value("resolution").value_or("");
    o.has_audio = !args.Has("no-audio");
    o.has_video = !args.Has("no-video");
    if (args.Has("stream-mode")) o.stream_mode = ParseChoice(args, "stream-mode", ParseStreamMode, "auto, manual");
    o.layout = LayoutFromFlags(args);
    o.multi_archive_tag = args.Value("multi-archive-tag").value_or("");
    o.max_bitrate = args.IntValue("max-bitrate");
    o.quantization_parameter = args.IntValue("quantization-parameter");
    return ToJson(MakeClientFromEnvironment().StartArchive(args.positional(0), o));
  };
  return c;
}

// stop, get and delete: one archive id, no options.
Command ById(std::string verb, std::string summary, std::function<nlohmann::ordered_json(std::string const&)> act) {
  Command c;
  c.spec = {.path = "archive " + verb, .positionals = {"ARCHIVE_ID"}, .summary = std::move(summary), .flags = {}};
  c.run = [act = std::move(act)](ParsedArgs const& args) { return act(args.positional(0)); };
  return c;
}

Command List() {
  Command c;
  c.spec = {
      .path = "archive list",
      .positionals = {},
      .summary = "Lists archives, newest first, as {\"count\": total, \"items\": [...]}.",
      .flags = {{.name = "offset", .value_name = "N", .help = "Skip the N newest archives (default 0)."},
                {.name = "count", .value_name = "N", .help = "Page size, 1-1000 (default 1000)."},
                {.name = "session-id", .value_name = "ID", .help = "Only archives of this session."}},
  };
  c.run = [](ParsedArgs const& args) {
    int offset = args.IntValue("offset").value_or(0);
    int count = args.IntValue("count").value_or(1000);
    return ToJson(MakeClientFromEnvironment().ListArchives(offset, count, args.Value("session-id").value_or("")));
  };
  return c;
}

}  // namespace

std::vector<Command> ArchiveCommands() {
  std::vector<Command> commands{
      Start(),
      ById("stop", "Stops a recording archive and prints it.",
           [](std::string const& id) { return ToJson(MakeClientFromEnvironment().StopArchive(id)); }),
      ById("get", "Prints one archive.",
           [](std::string const& id) { return ToJson(MakeClientFromEnvironment().GetArchive(id)); }),
      List(),
      ById("delete", "Deletes an archive (status available or uploaded).",
           [](std::string const& id) {
             MakeClientFromEnvironment().DeleteArchive(id);
             return nlohmann::ordered_json{{"id", id}, {"deleted", true}};
           }),
  };
  for (auto& command : CompositionCommands(
           {.group = "archive",
            .noun = "an archive",
            .layout_of = "a composed archive",
            .id_name = "ARCHIVE_ID",
            .set_layout = [](OpenTok const& c, std::string const& id, Layout const& l) { c.SetArchiveLayout(id, l); },
            .add_stream = [](OpenTok const& c, std::string const& id, std::string const& stream, bool audio,
                             bool video) { c.AddStreamToArchive(id, stream, audio, video); },
            .remove_stream = [](OpenTok const& c, std::string const& id,
                                std::string const& stream) { c.RemoveStreamFromArchive(id, stream); }})) {
    commands.push_back(std::move(command));
  }
  return commands;
}

}  // namespace opentok::cli
