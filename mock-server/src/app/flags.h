#pragma once

#include <optional>
#include <string>
#include <vector>

#include "opentok_mock/mock_server.h"

namespace opentok_mock::app {

struct AppConfig {
  MockServerOptions server;
  std::string port_file;
  bool help = false;
};

inline constexpr int kDefaultThreads = 96;  // 64 keep-alive benchmark clients plus headroom

// Parses `--flag value` and `--flag=value`. Returns an error message for an unknown flag, a
// missing or malformed value.
std::optional<std::string> ParseFlags(std::vector<std::string> const& args, AppConfig& config);
std::string Usage();

}  // namespace opentok_mock::app
