// opentok broadcast start|stop|get|list|layout|add-stream|remove-stream
#include "commands.h"
#include "composition_commands.h"
#include "environment.h"
#include "json_output.h"

namespace opentok::cli {
namespace {

// "SERVER_URL,STREAM_NAME[,ID]": one --rtmp destination. A comma is the separator because
// neither RTMP URLs nor stream keys normally contain one, and it keeps each destination
// in one flag (pairing separate URL and name flags by position is easy to get wrong).
RtmpDestination ParseRtmp(std::string const& value) {
  std::vector<std::string> parts = SplitList(value);
  if (parts.size() != 2 && parts.size() != 3) {
    throw UsageError("--rtmp takes SERVER_URL,STREAM_NAME[,ID], got '" + value + "'");
  }
  return RtmpDestination{.id = parts.size() == 3 ? parts[2] : "", .server_url = parts[0], .stream_name = parts[1]};
}

Command Start() {
  Command c;
  c.spec = {
      .path = "broadcast start",
      .positionals = {"SESSION_ID"},
      .summary = "Starts a live-streaming broadcast of a (routed) session to HLS and/or RTMP and prints it.",
      .flags = {{.name = "hls", .help = "Broadcast to HLS."},
                {.name = "dvr", .help = "HLS with DVR (rewind); implies --hls; not with --low-latency."},
                {.name = "low-latency", .help = "Low-latency HLS; implies --hls."},
                {.name = "rtmp", .value_name = "URL,NAME[,ID]", .help = "An RTMP destination (at most 5).", .repeatable = true},
                {.name = "resolution", .value_name = "WxH", .help = "640x480 (default), 1280x720, 1920x1080, ..."},
                {.name = "max-duration", .value_name = "S", .help = "Stop after S seconds, 60-36000 (service default 7200)."},
                {.name = "max-bitrate", .value_name = "BPS", .help = "Maximum bitrate, 100000-6000000."},
                {.name = "stream-mode", .value_name = "MODE", .help = "auto (default) or manual."},
                {.name = "no-audio", .help = "Broadcast no audio."},
                {.name = "no-video", .help = "Broadcast no video."},
                {.name = "multi-broadcast-tag", .value_name = "TAG", .help = "Tag allowing several broadcasts of one session."}},
  };
  for (auto& flag : LayoutFlags()) c.spec.flags.push_back(std::move(flag));
  c.run = [](ParsedArgs const& args) {
    StartBroadcastOptions o;
    if (args.Has("hls") || args.Has("dvr") || args.Has("low-latency")) {
      o.hls = HlsOptions{.dvr = args.Has("dvr"), .low_latency = args.Has("low-latency")};
    }
    for (auto const& value : args.Values("rtmp")) o.rtmp.push_back(ParseRtmp(value));
    o.layout = LayoutFromFlags(args);
    o.resolution = args.Value("resolution").value_or("");
    o.max_duration = args.IntValue("max-duration");
    o.max_bitrate = args.IntValue("max-bitrate");
    if (args.Has("stream-mode")) o.stream_mode = ParseChoice(args, "stream-mode", ParseStreamMode, "auto, manual");
    o.has_audio = !args.Has("no-audio");
    o.has_video = !args.Has("no-video");
    o.multi_broadcast_tag = args.Value("multi-broadcast-tag").value_or("");
    return ToJson(MakeClientFromEnvironment().StartBroadcast(args.positional(0), o));
  };
  return c;
}

// stop and get: one broadcast id, no options.
Command ById(std::string verb, std::string summary, std::function<Broadcast(OpenTok const&, std::string const&)> act) {
  Command c;
  c.spec = {.path = "broadcast " + verb, .positionals = {"BROADCAST_ID"}, .summary = std::move(summary), .flags = {}};
  c.run = [act = std::move(act)](ParsedArgs const& args) {
    return ToJson(act(MakeClientFromEnvironment(), args.positional(0)));
  };
  return c;
}

Command List() {
  Command c;
  c.spec = {
      .path = "broadcast list",
      .positionals = {},
      .summary = "Lists broadcasts, newest first, as {\"count\": total, \"items\": [...]}.",
      .flags = {{.name = "offset", .value_name = "N", .help = "Skip the N newest broadcasts (default 0)."},
                {.name = "count", .value_name = "N", .help = "Page size, 1-1000 (default 1000)."},
                {.name = "session-id", .value_name = "ID", .help = "Only broadcasts of this session."}},
  };
  c.run = [](ParsedArgs const& args) {
    int offset = args.IntValue("offset").value_or(0);
    int count = args.IntValue("count").value_or(1000);
    return ToJson(MakeClientFromEnvironment().ListBroadcasts(offset, count, args.Value("session-id").value_or("")));
  };
  return c;
}

}  // namespace

std::vector<Command> BroadcastCommands() {
  std::vector<Command> commands{
      Start(),
      ById("stop", "Stops a broadcast and prints it.",
           [](OpenTok const& c, std::string const& id) { return c.StopBroadcast(id); }),
      ById("get", "Prints one broadcast, with the status of each output.",
           [](OpenTok const& c, std::string const& id) { return c.GetBroadcast(id); }),
      List(),
  };
  for (auto& command : CompositionCommands(
           {.group = "broadcast",
            .noun = "a broadcast",
            .layout_of = "a broadcast",
            .id_name = "BROADCAST_ID",
            .set_layout = [](OpenTok const& c, std::string const& id, Layout const& l) { c.SetBroadcastLayout(id, l); },
            .add_stream = [](OpenTok const& c, std::string const& id, std::string const& stream, bool audio,
                             bool video) { c.AddStreamToBroadcast(id, stream, audio, video); },
            .remove_stream = [](OpenTok const& c, std::string const& id,
                                std::string const& stream) { c.RemoveStreamFromBroadcast(id, stream); }})) {
    commands.push_back(std::move(command));
  }
  return commands;
}

}  // namespace opentok::cli
