#pragma once

#include <map>
#include <string>
#include <vector>

namespace opentok::testing_util {

struct ProcessResult {
  int exit_code = -1;  // -1 when the process did not exit normally
  std::string out;
  std::string err;
};

// Runs `argv` (argv[0] is a path) with the current environment minus every OPENTOK_*
// variable, plus `env`. stdout and stderr are captured through temporary files, so a
// chatty child cannot deadlock on a full pipe.
ProcessResult RunProcess(std::vector<std::string> const& argv, std::map<std::string, std::string> const& env = {});

}  // namespace opentok::testing_util
