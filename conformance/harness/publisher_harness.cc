// Tests the suite's wait-for-publisher path without a browser: runs opentok-conformance
// against a standalone mock treated as live (OPENTOK_CONFORMANCE_TARGET=live), and when
// the suite prints the session and publisher token, connects a simulated client with that
// token and publishes through the mock's control plane, as a real publisher would.
//
// Usage: conformance-publisher-harness CONFORMANCE_BINARY [gtest flags...]
// Environment: OPENTOK_API_URL (a standalone mock) plus the suite's own variables.
// Exit status: the suite's, or 1 if the publisher line never appeared or the archive or
// broadcast started_stop check did not pass live.
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <sys/wait.h>

#include "opentok_common/url.h"

namespace {

constexpr std::string_view kPublisherLine = "OPENTOK_CONFORMANCE_PUBLISHER session_id=";

// Connects with the token and publishes one stream; returns an error text or "".
std::string Publish(std::string const& mock_url, std::string const& session_id, std::string const& token) {
  httplib::Client client(mock_url);
  client.set_connection_timeout(std::chrono::seconds(5));
  client.set_read_timeout(std::chrono::seconds(10));
  std::string sessions = "/_mock/sessions/" + opentok::common::PercentEncode(session_id);
  auto connected = client.Post((sessions + "/connections").c_str(), nlohmann::json{{"token", token}}.dump(),
                               "application/json");
  if (!connected || connected->status != 201) return "connect failed";
  auto connection_id = nlohmann::json::parse(connected->body).at("connectionId").get<std::string>();
  auto published = client.Post((sessions + "/connections/" + connection_id + "/streams").c_str(),
                               R"({"name":"harness"})", "application/json");
  if (!published || published->status != 201) return "publish failed";
  return "";
}

std::string ShellQuote(std::string const& text) {
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: conformance-publisher-harness CONFORMANCE_BINARY [gtest flags...]\n";
    return 2;
  }
  char const* url = std::getenv("OPENTOK_API_URL");
  if (url == nullptr) {
    std::cerr << "conformance-publisher-harness: OPENTOK_API_URL must point at a standalone mock\n";
    return 2;
  }
  std::string command;
  for (int i = 1; i < argc; ++i) command += ShellQuote(argv[i]) + " ";
  setenv("OPENTOK_CONFORMANCE_TARGET", "live", 1);
  if (std::getenv("OPENTOK_CONFORMANCE_WAIT_FOR_PUBLISHER") == nullptr) {
    setenv("OPENTOK_CONFORMANCE_WAIT_FOR_PUBLISHER", "60", 1);
  }
  FILE* suite = popen((command + "2>&1").c_str(), "r");
  if (suite == nullptr) {
    std::perror("popen");
    return 1;
  }
  bool published = false;
  bool ran_live_archive_check = false;
  bool ran_live_broadcast_check = false;
  char buffer[8192];
  while (std::fgets(buffer, sizeof buffer, suite) != nullptr) {
    std::string line = buffer;
    if (line.starts_with(kPublisherLine)) {
      // The token is a credential: do not echo this line.
      auto rest = line.substr(kPublisherLine.size());
      auto space = rest.find(" token=");
      std::string session_id = rest.substr(0, space);
      std::string token = rest.substr(space + 7);
      while (!token.empty() && (token.back() == '\n' || token.back() == '\r')) token.pop_back();
      std::string error = Publish(url, session_id, token);
      std::cout << "[harness] " << (error.empty() ? "published a stream into the session" : error) << std::endl;
      published = error.empty();
      continue;
    }
    if (line.find("PASS  ArchiveTransitions/ArchiveTransitionTest.Cell/started_stop") != std::string::npos) {
      ran_live_archive_check = true;
    }
    if (line.find("PASS  BroadcastTransitions/BroadcastTransitionTest.Cell/started_stop") != std::string::npos) {
      ran_live_broadcast_check = true;
    }
    std::cout << line << std::flush;
  }
  int status = pclose(suite);
  int exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 1;
  if (!published) {
    std::cerr << "[harness] the suite never printed the publisher line, or publishing failed\n";
    return 1;
  }
  if (!ran_live_archive_check || !ran_live_broadcast_check) {
    std::cerr << "[harness] the live " << (ran_live_archive_check ? "broadcast" : "archive")
              << " check started_stop did not pass\n";
    return 1;
  }
  return exit_code;
}
