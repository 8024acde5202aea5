// The standalone opentok-mock binary, started as a child process: --help, flag errors,
// --port-file, the first stdout line, credentials, and a clean exit on SIGTERM/SIGINT.
// Readiness is the first stdout line (a blocking read with a deadline), never a sleep.

#include <fcntl.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

extern char** environ;

namespace {

// A child process with its stdout (and stderr) on a pipe.
class Child {
 public:
  explicit Child(std::vector<std::string> args) {
    args.insert(args.begin(), OPENTOK_MOCK_BINARY);
    int fds[2];
    if (pipe(fds) != 0) throw std::runtime_error("pipe");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
    posix_spawn_file_actions_adddup2(&actions, fds[1], 2);
    posix_spawn_file_actions_addclose(&actions, fds[0]);
    std::vector<char*> argv;
    for (auto& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    if (posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), environ) != 0) pid_ = -1;
    posix_spawn_file_actions_destroy(&actions);
    close(fds[1]);
    out_ = fds[0];
  }
  ~Child() {
    if (pid_ > 0 && !exited_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    close(out_);
  }

  // The next line of output, or "" at EOF or after `deadline`.
  std::string ReadLine(std::chrono::milliseconds deadline = std::chrono::seconds(20)) {
    auto until = std::chrono::steady_clock::now() + deadline;
    while (true) {
      auto newline = buffer_.find('\n');
      if (newline != std::string::npos) {
        auto line = buffer_.substr(0, newline);
        buffer_.erase(0, newline + 1);
        return line;
      }
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now());
      if (left.count() <= 0) return {};
      pollfd fd{out_, POLLIN, 0};
      if (poll(&fd, 1, static_cast<int>(left.count())) <= 0) return {};
      char chunk[4096];
      auto n = read(out_, chunk, sizeof chunk);
      if (n <= 0) return {};
      buffer_.append(chunk, static_cast<std::size_t>(n));
    }
  }

  // Everything up to EOF (the child exited or closed its output), within `deadline`.
  std::string ReadAll(std::chrono::milliseconds deadline = std::chrono::seconds(20)) {
    auto until = std::chrono::steady_clock::now() + deadline;
    while (true) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now());
      pollfd fd{out_, POLLIN, 0};
      if (left.count() <= 0 || poll(&fd, 1, static_cast<int>(left.count())) <= 0) break;
      char chunk[4096];
      auto n = read(out_, chunk, sizeof chunk);
      if (n <= 0) break;
      buffer_.append(chunk, static_cast<std::size_t>(n));
    }
    return std::exchange(buffer_, {});
  }

  int Wait() {
    int status = 0;
    waitpid(pid_, &status, 0);
    exited_ = true;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }

  pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
  int out_ = -1;
  bool exited_ = false;
  std::string buffer_;
};

std::filesystem::path TempPortFile() {
  return std::filesystem::temp_directory_path() / ("opentok-mock-test-" + std::to_string(getpid()) + ".port");
}

TEST(BinaryTest, HelpListsEveryFlag) {
  Child child({"--help"});
  auto output = child.ReadAll();
  EXPECT_EQ(child.Wait(), 0);
  for (auto flag : {"--host", "--port", "--port-file", "--project", "--seed", "--threads", "--archive-max-duration",
                    "--archive-processing-delay", "--auth-leeway", "--frozen-clock", "--journal-size",
                    "--keep-alive-timeout", "--help"}) {
    EXPECT_NE(output.find(flag), std::string::npos) << flag;
  }
}

TEST(BinaryTest, BadFlagsExitWithUsage) {
  for (std::vector<std::string> args : {std::vector<std::string>{"--bogus"}, {"--port", "70000"}, {"--project", "nocolon"},
                                        {"--threads"}, {"--seed=x"}}) {
    Child child(args);
    auto output = child.ReadAll();
    EXPECT_EQ(child.Wait(), 2) << args[0];
    EXPECT_NE(output.find("Usage"), std::string::npos);
  }
}

TEST(BinaryTest, ServesWritesThePortFileAndStopsOnSigterm) {
  auto port_file = TempPortFile();
  Child child({"--port", "0", "--port-file", port_file.string(), "--seed", "3", "--frozen-clock"});
  auto first = child.ReadLine();
  ASSERT_EQ(first.rfind("listening on http://127.0.0.1:", 0), 0u) << first;
  auto url = first.substr(std::string("listening on ").size());
  std::ifstream in(port_file);
  int port = 0;
  in >> port;
  EXPECT_EQ(url, "http://127.0.0.1:" + std::to_string(port));

  auto credentials = child.ReadLine();  // no --project: the generated one is printed
  ASSERT_EQ(credentials.rfind("project: api key ", 0), 0u) << credentials;
  auto key = credentials.substr(17, credentials.find(',') - 17);
  auto secret = credentials.substr(credentials.rfind(' ') + 1);
  EXPECT_EQ(key.size(), 8u);
  EXPECT_EQ(secret.size(), 40u);
  auto example = child.ReadLine();
  EXPECT_NE(example.find("curl"), std::string::npos);
  EXPECT_NE(example.find("/_mock/projects/" + key + "/rest-token"), std::string::npos);

  httplib::Client client(url);
  client.set_connection_timeout(std::chrono::seconds(5));
  client.set_read_timeout(std::chrono::seconds(10));
  auto health = client.Get("/_mock/health");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  // The printed example's two steps work as printed.
  auto token = client.Get("/_mock/projects/" + key + "/rest-token", {{"Accept", "text/plain"}});
  ASSERT_TRUE(token);
  auto created = client.Post("/session/create", {{"Accept", "application/json"}, {"X-OPENTOK-AUTH", token->body}},
                             "p2p.preference=disabled", "application/x-www-form-urlencoded");
  ASSERT_TRUE(created);
  EXPECT_EQ(created->status, 200);
  EXPECT_EQ(nlohmann::json::parse(created->body)[0]["project_id"], key);

  kill(child.pid(), SIGTERM);
  EXPECT_EQ(child.ReadLine(), "stopping (SIGTERM)");
  EXPECT_EQ(child.Wait(), 0);
  EXPECT_FALSE(std::filesystem::exists(port_file));
  EXPECT_FALSE(client.Get("/_mock/health"));
}

TEST(BinaryTest, ConfiguredProjectsAreNotPrintedAndSigintStops) {
  Child child({"--project", "1234567:not-printed-secret", "--project=7654321:other", "--threads", "4"});
  auto first = child.ReadLine();
  ASSERT_EQ(first.rfind("listening on http://127.0.0.1:", 0), 0u) << first;
  auto example = child.ReadLine();
  EXPECT_EQ(example.rfind("try: curl", 0), 0u) << example;
  EXPECT_NE(example.find("/_mock/projects/1234567/"), std::string::npos);
  kill(child.pid(), SIGINT);
  auto rest = child.ReadAll();
  EXPECT_EQ(child.Wait(), 0);
  EXPECT_EQ((first + example + rest).find("not-printed-secret"), std::string::npos);
}

TEST(BinaryTest, TakenPortFails) {
  Child first({"--port", "0"});
  auto line = first.ReadLine();
  ASSERT_EQ(line.rfind("listening on http://127.0.0.1:", 0), 0u);
  auto port = line.substr(line.rfind(':') + 1);
  Child second({"--port", port});
  auto output = second.ReadAll();
  EXPECT_EQ(second.Wait(), 1);
  EXPECT_NE(output.find("cannot bind"), std::string::npos) << output;
  kill(first.pid(), SIGTERM);
  EXPECT_EQ(first.Wait(), 0);
}

}  // namespace
