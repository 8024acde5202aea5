#include "exec.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "child_process.h"
#include "exec_environment.h"
#include "opentok_mock/mock_server.h"
#include "port_file.h"
#include "private_key_file.h"

extern char** environ;

namespace opentok_mock::app {
namespace {

// Journal entries shown when the command fails: enough to see the requests that led to the
// failure without burying the command's own output.
constexpr std::size_t kJournalTail = 20;

// One line per request. The journal holds no header, body or secret query value, so the
// line cannot leak a credential.
std::string Describe(JournalEntry const& entry) {
  std::ostringstream line;
  line << "  #" << entry.sequence << " " << entry.method << " " << entry.path;
  if (!entry.query.empty()) line << "?" << entry.query;
  line << " -> " << entry.status << " " << entry.operation;
  if (entry.auth_verdict == "rejected") line << " (auth rejected: " << entry.auth_message << ")";
  // A failure the test injected on purpose should not be mistaken for the mock's answer.
  if (!entry.fault.empty()) line << " [fault " << entry.fault << "]";
  return line.str();
}

void PrintFailure(std::string const& command, int status, MockService& service) {
  std::cerr << "opentok-mock exec: '" << command << "' ";
  if (status > 128) {
    std::cerr << "was ended by signal " << status - 128 << " (status " << status << ")";
  } else {
    std::cerr << "exited with status " << status;
  }
  auto entries = service.journal().Snapshot();
  if (entries.empty()) {
    std::cerr << "; the mock journaled no REST request\n";
    return;
  }
  auto shown = std::min(entries.size(), kJournalTail);
  std::cerr << "; the mock's last " << shown << " of " << entries.size() << " journaled REST requests:\n";
  for (auto entry = entries.end() - static_cast<std::ptrdiff_t>(shown); entry != entries.end(); ++entry) {
    std::cerr << Describe(*entry) << "\n";
  }
}

// The application whose credentials the command gets: one whose private key the mock
// generated (a key file can be written), else the first configured one.
ApplicationCredentials const* ChooseApplication(std::vector<ApplicationCredentials> const& applications) {
  if (applications.empty()) return nullptr;
  auto generated = std::find_if(applications.begin(), applications.end(),
                                [](ApplicationCredentials const& a) { return !a.private_key_pem.empty(); });
  return generated != applications.end() ? &*generated : &applications.front();
}

std::vector<std::string> ParentEnvironment() {
  std::vector<std::string> entries;
  for (char** entry = environ; *entry != nullptr; ++entry) entries.emplace_back(*entry);
  return entries;
}

int RunCommand(ExecConfig const& exec, std::vector<std::string> const& environment, sigset_t const& signals,
               MockService& service) {
  pid_t child = SpawnChild(exec.command, environment);
  if (child < 0) {
    bool not_found = child == -ENOENT;
    std::cerr << "opentok-mock exec: " << (not_found ? "command not found: " : "cannot run ") << "'"
              << exec.command.front() << "'" << (not_found ? "" : std::string(": ") + std::strerror(-child)) << "\n";
    return not_found ? kCommandNotFound : kCommandNotExecutable;
  }
  int status = WaitForwardingSignals(child, signals);
  if (status != 0) PrintFailure(exec.command.front(), status, service);
  return status;
}

}  // namespace

int RunExec(AppConfig config, sigset_t const& signals) {
  auto const& exec = config.exec_config;
  if (exec.generate_application) config.server.applications.push_back({});  // empty: generated
  if (exec.credentials == ExecCredentials::kApplication && config.server.applications.empty()) {
    std::cerr << "opentok-mock exec: --credentials application needs an application (--generate-application or"
                 " --application)\n";
    return 2;
  }
  try {
    MockServer server(std::move(config.server));  // returns once it accepts requests
    if (!config.port_file.empty() && !WritePortFile(config.port_file, server.port())) {
      std::cerr << "opentok-mock exec: cannot write the port file " << config.port_file << "\n";
      return kExecFailed;
    }
    ExecVariables variables;
    variables.api_url = server.url();
    if (exec.credentials != ExecCredentials::kApplication) {
      variables.api_key = server.default_project().api_key;
      variables.api_secret = server.default_project().api_secret;
    }
    std::optional<PrivateKeyFile> key_file;  // removed when this scope ends, whatever happens
    auto const* application = ChooseApplication(server.applications());
    if (exec.credentials != ExecCredentials::kProject && application != nullptr) {
      variables.application_id = application->application_id;
      if (!application->private_key_pem.empty()) {
        key_file.emplace(application->private_key_pem);
        variables.private_key_file = key_file->path().string();
      }
    }
    int status = RunCommand(exec, ChildEnvironment(ParentEnvironment(), variables), signals, server.service());
    server.Stop();
    if (!config.port_file.empty()) std::filesystem::remove(config.port_file);
    return status;
  } catch (std::exception const& e) {
    std::cerr << "opentok-mock exec: " << e.what() << "\n";
    return kExecFailed;
  }
}

}  // namespace opentok_mock::app
