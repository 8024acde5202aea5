// opentok-mock: the standalone mock OpenTok server, or `opentok-mock exec` running a command
// against one. Flags, signals and printing only; all behaviour lives in the libraries.

#include <signal.h>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "exec.h"
#include "flags.h"
#include "port_file.h"
#include "opentok_mock/mock_server.h"

int main(int argc, char** argv) {
  using opentok_mock::app::AppConfig;
  AppConfig config;
  using opentok_mock::app::ExecUsage;
  using opentok_mock::app::Usage;
  if (auto error = opentok_mock::app::ParseFlags({argv + 1, argv + argc}, config)) {
    std::cerr << "opentok-mock: " << *error << "\n\n" << (config.exec ? ExecUsage() : Usage());
    return 2;
  }
  if (config.help) {
    std::cout << (config.exec ? ExecUsage() : Usage());
    return 0;
  }
  // A state file brings its own projects (their secrets are in the file; not printed).
  bool generated_project = config.server.projects.empty() && config.server.state_file.empty();

  // Block the stop signals (and, for exec, the child's SIGCHLD) before any thread starts
  // (every thread inherits the mask), then wait for them synchronously: no
  // async-signal-safety concerns.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  if (config.exec) {
    sigaddset(&stop_signals, SIGCHLD);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    return opentok_mock::app::RunExec(std::move(config), stop_signals);
  }
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  // The CA file is named here: clients (and the curl line below) need it for https.
  std::string const ca_file = config.server.tls.ca_out_file;
  try {
    opentok_mock::MockServer server(std::move(config.server));
    if (!config.port_file.empty() && !opentok_mock::app::WritePortFile(config.port_file, server.port())) {
      std::cerr << "opentok-mock: cannot write the port file " << config.port_file << "\n";
      return 1;
    }
    auto const& project = server.default_project();
    std::cout << "listening on " << server.url() << std::endl;
    if (!ca_file.empty()) {
      std::cout << "tls: the CA certificate to trust is in " << ca_file << std::endl;
    } else if (!server.ca_pem().empty()) {
      std::cout << "tls: self-signed; --tls-ca-out FILE writes the CA certificate for clients to trust" << std::endl;
    }
    if (generated_project) {
      std::cout << "project: api key " << project.api_key << ", api secret " << project.api_secret << std::endl;
    }
    // Ids only: an application's public key is in the file the flag named.
    for (auto const& application : server.applications()) {
      std::cout << "application: id " << application.application_id << std::endl;
    }
    std::string const curl = ca_file.empty() ? "curl -s" : "curl -s --cacert " + ca_file;
    std::cout << "try: " << curl << " -X POST " << server.url() << "/session/create -H 'Accept: application/json'"
              << " -d p2p.preference=disabled -H \"X-OPENTOK-AUTH: $(" << curl << " -H 'Accept: text/plain' " << server.url()
              << "/_mock/projects/" << project.api_key << "/rest-token)\"" << std::endl;
    int signal_number = 0;
    sigwait(&stop_signals, &signal_number);
    std::cout << "stopping (" << (signal_number == SIGINT ? "SIGINT" : "SIGTERM") << ")" << std::endl;
    server.Stop();
  } catch (std::exception const& e) {
    std::cerr << "opentok-mock: " << e.what() << "\n";
    return 1;
  }
  if (!config.port_file.empty()) std::filesystem::remove(config.port_file);
  return 0;
}
