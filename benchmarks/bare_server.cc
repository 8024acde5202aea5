// bench_bare_server: the ceiling of cpp-httplib on this machine for the load test. It is
// set up by the mock's own ConfigureServer and BindServer (same worker pool, TCP_NODELAY,
// socket options, listen backlog, keep-alive limits) and answers every GET and POST with a
// fixed JSON body the size of the mock's archive response, doing no other work.
//
//   bench_bare_server [--threads N] [--keep-alive-timeout SECONDS]
//
// Listens on 127.0.0.1, an ephemeral port; the first line on stdout is
// "listening on http://127.0.0.1:PORT". SIGINT or SIGTERM stop it.

#include <httplib.h>
#include <signal.h>

#include <cstring>
#include <iostream>
#include <string>
#include <thread>

#include "archive_fixture.h"
#include "opentok_mock/mock_server.h"
#include "server_setup.h"

int main(int argc, char** argv) {
  opentok_mock::MockServerOptions options;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--threads") == 0) {
      options.threads = std::stoi(argv[i + 1]);
    } else if (std::strcmp(argv[i], "--keep-alive-timeout") == 0) {
      options.keep_alive_timeout_s = std::stol(argv[i + 1]);
    } else {
      std::cerr << "bench_bare_server: unknown flag " << argv[i] << "\n";
      return 2;
    }
  }
  if (argc % 2 == 0) {
    std::cerr << "usage: bench_bare_server [--threads N] [--keep-alive-timeout SECONDS]\n";
    return 2;
  }

  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  httplib::Server http;
  opentok_mock::http::ConfigureServer(http, options);
  std::string const body = opentok::bench::ArchiveJson();
  auto answer = [&body](httplib::Request const&, httplib::Response& res) { res.set_content(body, "application/json"); };
  http.Get(".*", answer);
  http.Post(".*", answer);

  int port = opentok_mock::http::BindServer(http, options.host, 0);
  if (port < 0) {
    std::cerr << "bench_bare_server: cannot bind " << options.host << "\n";
    return 1;
  }
  std::thread listener([&http] { http.listen_after_bind(); });
  std::cout << "listening on http://" << options.host << ":" << port << std::endl;
  int signal_number = 0;
  sigwait(&stop_signals, &signal_number);
  http.stop();
  listener.join();
  return 0;
}
