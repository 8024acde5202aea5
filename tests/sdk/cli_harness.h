#pragma once

// Running the `opentok` binary (OPENTOK_CLI_PATH, set by CMake for the cli_test target) as
// a child process, and a stub REST API that records what it sent.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "loopback_server.h"
#include "subprocess.h"
#include "test_data.h"

namespace opentok::testing_util {

inline std::map<std::string, std::string> Credentials(std::string url = "http://127.0.0.1:9") {
  return {{"OPENTOK_API_KEY", kApiKeyText}, {"OPENTOK_API_SECRET", kApiSecret}, {"OPENTOK_API_URL", url}};
}

inline ProcessResult Cli(std::vector<std::string> args, std::map<std::string, std::string> env = Credentials()) {
  args.insert(args.begin(), OPENTOK_CLI_PATH);
  return RunProcess(args, env);
}

// The CLI's stdout as JSON, expecting exit status 0.
inline nlohmann::json Stdout(ProcessResult const& r) {
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return nlohmann::json::parse(r.out);
}

// Answers every request (any method, any path) with the current answer and records the
// last request, for checking exactly what a CLI invocation sent.
class RecordingStub {
 public:
  struct Seen {
    std::string method, target, body, content_type;
    std::string authorization, opentok_auth;  // the Authorization and X-OPENTOK-AUTH headers
  };

  RecordingStub()
      : server_([this](httplib::Server& s) {
          auto handle = [this](httplib::Request const& req, httplib::Response& res) {
            std::lock_guard lock(mu_);
            seen_ = {req.method, req.target, req.body, req.get_header_value("Content-Type"),
                     req.get_header_value("Authorization"), req.get_header_value("X-OPENTOK-AUTH")};
            res.status = status_;
            if (!body_.empty()) res.set_content(body_, "application/json");
          };
          s.Get(".*", handle);
          s.Post(".*", handle);
          s.Put(".*", handle);
          s.Patch(".*", handle);
          s.Delete(".*", handle);
        }) {}

  void Answer(int status, std::string body = "") {
    std::lock_guard lock(mu_);
    status_ = status;
    body_ = std::move(body);
  }
  Seen seen() {
    std::lock_guard lock(mu_);
    return seen_;
  }
  ProcessResult Run(std::vector<std::string> args) { return Cli(std::move(args), Credentials(server_.url())); }
  std::string url() const { return server_.url(); }

 private:
  std::mutex mu_;
  Seen seen_;
  int status_ = 200;
  std::string body_;
  LoopbackServer server_;  // last: stopped before the state its handlers use is destroyed
};

}  // namespace opentok::testing_util
