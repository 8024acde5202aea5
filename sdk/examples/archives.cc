// Archiving: start, stop, get, list and delete archives of a routed session, with error
// handling.
//
//   OPENTOK_API_KEY=... OPENTOK_API_SECRET=... OPENTOK_API_URL=... ./example_archives
#include <opentok/opentok.h>

#include <cstdlib>
#include <iostream>
#include <string>

namespace {

void Run(opentok::OpenTok const& opentok) {
  std::string session_id = opentok.CreateSession("", opentok::MediaMode::kRouted).id;

  //! [start-archive]
  // Like the .NET SDK: name, has_video, has_audio, output mode.
  opentok::Archive archive = opentok.StartArchive(session_id, "interview", true, true, opentok::OutputMode::kComposed);
  std::cout << archive.id << " is " << opentok::ToString(archive.status) << "\n";
  //! [start-archive]

  //! [start-archive-options]
  // The rest of the start body goes in an options struct (designated initializers).
  opentok::Archive hd = opentok.StartArchive(
      session_id, opentok::StartArchiveOptions{.name = "hd copy",
                                               .resolution = "1280x720",
                                               .layout = opentok::ArchiveLayout{.type = "bestFit", .screenshare_type = "pip"},
                                               .multi_archive_tag = "hd"});
  //! [start-archive-options]

  //! [stop-archive]
  opentok::Archive stopped = opentok.StopArchive(archive.id);
  opentok.StopArchive(hd.id);
  std::cout << stopped.id << " stopped after " << stopped.duration << " s\n";
  //! [stop-archive]

  //! [get-archive]
  opentok::Archive latest = opentok.GetArchive(archive.id);
  if (latest.status == opentok::ArchiveStatus::kAvailable && latest.url) {
    std::cout << "download: " << *latest.url << "\n";
  }
  //! [get-archive]

  //! [list-archives]
  // Newest first; total_count counts every match, not just this page.
  opentok::ArchiveList page = opentok.ListArchives(/*offset=*/0, /*count=*/50, session_id);
  std::cout << page.items.size() << " of " << page.total_count << " archives\n";
  for (opentok::Archive const& a : page.items) std::cout << "  " << a.id << " " << a.status_name << "\n";
  //! [list-archives]

  //! [delete-archive]
  // Only archives whose status is available or uploaded can be deleted.
  try {
    opentok.DeleteArchive(archive.id);
  } catch (opentok::ConflictException const& e) {
    std::cout << "not deletable yet: " << e.service_message() << "\n";
  }
  //! [delete-archive]
}

}  // namespace

int main() {
  char const* key = std::getenv("OPENTOK_API_KEY");
  char const* secret = std::getenv("OPENTOK_API_SECRET");
  char const* url = std::getenv("OPENTOK_API_URL");
  if (key == nullptr || secret == nullptr) {
    std::cerr << "set OPENTOK_API_KEY, OPENTOK_API_SECRET and OPENTOK_API_URL\n";
    return 2;
  }
  //! [errors]
  try {
    Run(opentok::OpenTok(std::string_view(key), secret, url ? url : opentok::kDefaultApiUrl));
  } catch (opentok::ArgumentException const& e) {
    std::cerr << "bad argument (nothing was sent): " << e.what() << "\n";
    return 2;
  } catch (opentok::RequestException const& e) {
    // HTTP status, the service's code and message, and the raw body.
    std::cerr << "HTTP " << e.http_status() << " (code " << e.error_code() << "): " << e.service_message() << "\n";
    return 1;
  } catch (opentok::TransportException const& e) {
    std::cerr << "no response: " << e.what() << "\n";
    return 1;
  }
  //! [errors]
  return 0;
}
