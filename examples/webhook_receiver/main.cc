// webhook_receiver: a small server for the OpenTok callbacks (webhooks). Each POST body is
// read with opentok::ParseCallback and reported as one line on stdout; when an archive
// becomes `available`, the archive is downloaded from its `url`.
//
//   webhook_receiver [--host 127.0.0.1] [--port 0] [--download-dir DIR]
//                    [--download-from URL_PREFIX]...
//
// The first line printed is "listening on http://HOST:PORT": point the callback URL at
// that address plus /callbacks. SIGINT or SIGTERM stops it.

#include <httplib.h>
#include <signal.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <variant>

#include <opentok/callbacks.h>

#include "archive_downloader.h"
#include "describe.h"

namespace {

constexpr std::size_t kMaxBodyBytes = 1 << 20;  // callback bodies are a few kilobytes

struct Flags {
  std::string host = "127.0.0.1";
  int port = 0;  // any free port
  webhook_receiver::DownloadPolicy download;
};

constexpr char kUsage[] =
    "usage: webhook_receiver [--host HOST] [--port N] [--download-dir DIR] [--download-from URL_PREFIX]...\n"
    "  --host           address to listen on (default 127.0.0.1)\n"
    "  --port           port to listen on; 0 picks a free one (default 0)\n"
    "  --download-dir   where available archives are saved as <id>.mp4 or <id>.zip (default .)\n"
    "  --download-from  download archives only from URLs starting with this (repeatable);\n"
    "                   without it archives are reported, not downloaded\n";

// nullptr on success, else what is wrong.
char const* ParseFlags(int argc, char** argv, Flags& flags) {
  for (int i = 1; i < argc; ++i) {
    std::string_view flag = argv[i];
    if (i + 1 >= argc) return "every flag takes a value";
    std::string value = argv[++i];
    if (flag == "--host") {
      flags.host = value;
    } else if (flag == "--port") {
      char* end = nullptr;
      long port = std::strtol(value.c_str(), &end, 10);
      if (value.empty() || *end != '\0' || port < 0 || port > 65535) return "--port takes 0-65535";
      flags.port = static_cast<int>(port);
    } else if (flag == "--download-dir") {
      flags.download.directory = value;
    } else if (flag == "--download-from") {
      flags.download.allowed_prefixes.push_back(value);
    } else {
      return "unknown flag";
    }
  }
  return nullptr;
}

// Lines from the server's threads and the downloader's do not interleave; each is flushed
// at once so that a reader of the pipe sees it. Ids and statuses come from request bodies:
// control characters become '?', so that a body cannot forge report lines.
void Report(std::string line) {
  for (char& c : line) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
  }
  static std::mutex mutex;
  std::lock_guard lock(mutex);
  std::cout << line << std::endl;
}

void HandleCallback(webhook_receiver::ArchiveDownloader& downloader, httplib::Request const& request,
                    httplib::Response& response) {
  //! [parse-callback]
  try {
    opentok::CallbackEvent event = opentok::ParseCallback(request.body);
    Report("callback " + webhook_receiver::Describe(event));
    if (auto const* archive = std::get_if<opentok::ArchiveStatusEvent>(&event);
        archive != nullptr && archive->archive.status == opentok::ArchiveStatus::kAvailable) {
      downloader.Enqueue(archive->archive);
    }
    response.status = 204;  // answer fast: the download runs on the downloader's thread
  } catch (opentok::InvalidCallbackException const& e) {
    // 400: posting the same body again will not help. The message never quotes the body.
    Report(std::string("refused a callback: ") + e.what());
    response.status = 400;
    response.set_content(e.what(), "text/plain");
  }
  //! [parse-callback]
}

}  // namespace

int main(int argc, char** argv) {
  Flags flags;
  if (char const* error = ParseFlags(argc, argv, flags)) {
    std::cerr << "webhook_receiver: " << error << "\n" << kUsage;
    return 2;
  }
  // Block the stop signals before any thread starts (threads inherit the mask) and wait
  // for them synchronously below: no work in a signal handler.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  if (!flags.download.allowed_prefixes.empty()) {
    std::error_code error;
    std::filesystem::create_directories(flags.download.directory, error);
    if (error) {
      std::cerr << "webhook_receiver: cannot create " << flags.download.directory << ": " << error.message() << "\n";
      return 1;
    }
  }
  webhook_receiver::ArchiveDownloader downloader(flags.download, Report);
  httplib::Server server;
  server.new_task_queue = [] { return new httplib::ThreadPool(4); };
  server.set_payload_max_length(kMaxBodyBytes);
  server.set_read_timeout(5, 0);
  server.set_write_timeout(5, 0);
  server.set_exception_handler([](httplib::Request const&, httplib::Response& response, std::exception_ptr) {
    response.status = 500;
  });
  server.Post("/callbacks", [&downloader](httplib::Request const& request, httplib::Response& response) {
    HandleCallback(downloader, request, response);
  });

  int port = flags.port == 0 ? server.bind_to_any_port(flags.host) : flags.port;
  if (flags.port != 0 && !server.bind_to_port(flags.host, flags.port)) port = -1;
  if (port <= 0) {
    std::cerr << "webhook_receiver: cannot listen on " << flags.host << ":" << flags.port << "\n";
    return 1;
  }
  std::thread listener([&server] { server.listen_after_bind(); });
  Report("listening on http://" + flags.host + ":" + std::to_string(port));

  int signal_number = 0;
  sigwait(&stop_signals, &signal_number);
  server.stop();
  listener.join();
  Report("stopped");
  return 0;
}
