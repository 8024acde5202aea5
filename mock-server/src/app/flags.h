#pragma once

#include <optional>
#include <string>
#include <vector>

#include "opentok_mock/mock_server.h"

namespace opentok_mock::app {

// Which credentials `opentok-mock exec` puts in the command's environment.
enum class ExecCredentials { kAll, kProject, kApplication };

// `opentok-mock exec [flags] -- COMMAND [ARGS...]`.
struct ExecConfig {
  std::vector<std::string> command;  // argv; command[0] is looked up in PATH
  bool generate_application = false;  // the mock generates an application and its key pair
  ExecCredentials credentials = ExecCredentials::kAll;
};

struct AppConfig {
  MockServerOptions server;
  std::string port_file;
  bool help = false;
  bool exec = false;  // the `exec` subcommand: run `exec_config.command` against the mock
  ExecConfig exec_config;
};

inline constexpr int kDefaultThreads = 96;  // 64 keep-alive benchmark clients plus headroom

// Parses the command line after the program name (CLI11: `--flag value`, `--flag=value`,
// the `exec` subcommand). Starts nothing. Returns an error message for an unknown flag, a
// missing or malformed value. --help sets `help` (with `exec` when it was exec's).
std::optional<std::string> ParseFlags(std::vector<std::string> const& args, AppConfig& config);
// The help text of the server, or of `exec`.
std::string Usage();
std::string ExecUsage();

}  // namespace opentok_mock::app
