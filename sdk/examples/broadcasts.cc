// Live-streaming broadcasts: start an HLS + RTMP broadcast of a routed session, watch its
// outputs, change its layout, choose its streams (manual stream mode), give streams layout
// classes, and stop it. Clients must be connected and publishing for the service to start
// a broadcast.
//
//   OPENTOK_API_KEY=... OPENTOK_API_SECRET=... OPENTOK_API_URL=... ./example_broadcasts SESSION_ID
#include <opentok/opentok.h>

#include <cstdlib>
#include <iostream>
#include <string>

namespace {

void Run(opentok::OpenTok const& opentok, std::string const& session_id) {
  //! [start-broadcast]
  // HLS (with DVR) and two RTMP destinations; at most 5 RTMP outputs per broadcast.
  opentok::Broadcast broadcast = opentok.StartBroadcast(
      session_id,
      opentok::StartBroadcastOptions{
          .hls = opentok::HlsOptions{.dvr = true},
          .rtmp = {{.id = "youtube", .server_url = "rtmps://a.rtmp.youtube.com/live2", .stream_name = "xxxx-xxxx"},
                   {.id = "backup", .server_url = "rtmp://rtmp.example.com/live", .stream_name = "show"}},
          .layout = opentok::BroadcastLayout{.type = "bestFit", .screenshare_type = "verticalPresentation"},
          .resolution = "1280x720",
          .max_duration = 3600,  // seconds
          .stream_mode = opentok::StreamMode::kManual});
  std::cout << "broadcast " << broadcast.id << " is " << opentok::ToString(broadcast.status) << "\n";
  //! [start-broadcast]

  //! [broadcast-urls]
  // The playlist URL is known at once; each output reports its own status.
  opentok::Broadcast latest = opentok.GetBroadcast(broadcast.id);
  if (latest.broadcast_urls) {  // absent once the broadcast has stopped
    std::cout << "HLS " << latest.broadcast_urls->hls << " (" << latest.broadcast_urls->hls_status_name << ")\n";
    for (opentok::RtmpOutput const& rtmp : latest.broadcast_urls->rtmp) {
      std::cout << "RTMP " << rtmp.id << ": " << opentok::ToString(rtmp.status) << "\n";
    }
  }
  //! [broadcast-urls]

  //! [list-streams]
  opentok::StreamList streams = opentok.ListStreams(session_id);
  for (opentok::Stream const& stream : streams.items) {
    std::cout << stream.id << " " << opentok::ToString(stream.video_type) << " " << stream.name << "\n";
  }
  //! [list-streams]
  if (streams.items.empty()) return;
  std::string const stream_id = streams.items.front().id;

  //! [select-streams]
  // Manual stream mode: the broadcast shows only the streams added to it.
  opentok.AddStreamToBroadcast(broadcast.id, stream_id);
  // Adding it again changes what is included of it: here, its audio only.
  opentok.AddStreamToBroadcast(broadcast.id, stream_id, /*has_audio=*/true, /*has_video=*/false);
  opentok.RemoveStreamFromBroadcast(broadcast.id, stream_id);
  //! [select-streams]
  opentok.AddStreamToBroadcast(broadcast.id, stream_id);

  //! [class-lists]
  // Layout classes for a custom layout's stylesheet; all items are applied, or none.
  opentok.SetStreamClassLists(session_id, {{.stream_id = stream_id, .layout_class_list = {"focus", "full"}}});
  opentok::Stream focused = opentok.GetStream(session_id, stream_id);
  std::cout << focused.id << " has " << focused.layout_class_list.size() << " layout classes\n";
  //! [class-lists]

  //! [change-layout]
  // Broadcasts (and composed archives, with SetArchiveLayout) change layout while running.
  opentok.SetBroadcastLayout(broadcast.id, opentok::BroadcastLayout{
                                               .type = "custom",
                                               .stylesheet = "stream.focus { position: absolute; width: 100%; height: 100%; }"});
  //! [change-layout]

  //! [stop-broadcast]
  opentok::Broadcast stopped = opentok.StopBroadcast(broadcast.id);
  std::cout << "broadcast " << stopped.id << " is " << stopped.status_name << "\n";
  //! [stop-broadcast]

  //! [list-broadcasts]
  // Newest first; total_count counts every match, not just this page.
  opentok::BroadcastList page = opentok.ListBroadcasts(/*offset=*/0, /*count=*/20, session_id);
  std::cout << page.items.size() << " of " << page.total_count << " broadcasts\n";
  //! [list-broadcasts]
}

}  // namespace

int main(int argc, char** argv) {
  char const* key = std::getenv("OPENTOK_API_KEY");
  char const* secret = std::getenv("OPENTOK_API_SECRET");
  char const* url = std::getenv("OPENTOK_API_URL");
  if (key == nullptr || secret == nullptr || argc != 2) {
    std::cerr << "usage: example_broadcasts SESSION_ID (with OPENTOK_API_KEY, OPENTOK_API_SECRET, OPENTOK_API_URL)\n";
    return 2;
  }
  try {
    Run(opentok::OpenTok(std::string_view(key), secret, url ? url : opentok::kDefaultApiUrl), argv[1]);
  } catch (opentok::ArgumentException const& e) {
    std::cerr << "bad argument (nothing was sent): " << e.what() << "\n";
    return 2;
  } catch (opentok::ConflictException const& e) {
    // 409: wrong state (e.g. the session is relayed or already broadcast); 405: stream
    // selection on a broadcast or archive whose stream mode is auto.
    std::cerr << "HTTP " << e.http_status() << ": " << e.service_message() << "\n";
    return 1;
  } catch (opentok::OpenTokException const& e) {
    std::cerr << e.what() << "\n";
    return 1;
  }
  return 0;
}
