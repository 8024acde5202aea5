#include "mock_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <fstream>
#include <stdexcept>

extern char** environ;

namespace opentok_soak {
namespace {

// Reads up to the first newline within the deadline; what follows stays in the pipe.
std::string ReadFirstLine(int fd, int timeout_ms) {
  std::string line;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (true) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) throw std::runtime_error("the mock printed no first line in time");
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, static_cast<int>(left.count())) <= 0) continue;
    char c;
    auto n = read(fd, &c, 1);
    if (n <= 0) throw std::runtime_error("the mock exited before it was ready");
    if (c == '\n') return line;
    line.push_back(c);
  }
}

}  // namespace

MockProcess::MockProcess(std::string const& binary, std::string const& project,
                         std::vector<std::string> const& extra_flags, int ready_timeout_ms) {
  std::vector<std::string> args{binary, "--host", "127.0.0.1", "--port", "0", "--project", project};
  args.insert(args.end(), extra_flags.begin(), extra_flags.end());
  std::vector<char*> argv;
  for (auto& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);

  int pipe_fds[2];
  if (pipe2(pipe_fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
  int rc = posix_spawn(&pid_, binary.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(pipe_fds[1]);
  if (rc != 0) {
    close(pipe_fds[0]);
    throw std::runtime_error("cannot start " + binary);
  }
  stdout_fd_ = pipe_fds[0];
  try {
    auto line = ReadFirstLine(stdout_fd_, ready_timeout_ms);
    constexpr std::string_view kPrefix = "listening on ";
    if (line.rfind(kPrefix, 0) != 0) throw std::runtime_error("unexpected first line from the mock: " + line);
    url_ = line.substr(kPrefix.size());
  } catch (...) {
    Stop();
    close(stdout_fd_);
    throw;
  }
  // Keeps the pipe empty so that the mock never blocks on a write to stdout.
  drain_ = std::thread([fd = stdout_fd_] {
    char buffer[4096];
    while (read(fd, buffer, sizeof buffer) > 0) {
    }
  });
}

MockProcess::~MockProcess() {
  Stop();
  if (drain_.joinable()) drain_.join();
  if (stdout_fd_ >= 0) close(stdout_fd_);
}

std::int64_t MockProcess::ResidentKiB() const {
  std::ifstream status("/proc/" + std::to_string(pid_) + "/status");
  std::string key;
  while (status >> key) {
    if (key == "VmRSS:") {
      std::int64_t kib = -1;
      status >> kib;
      return kib;
    }
    status.ignore(1 << 16, '\n');
  }
  return -1;
}

// A process that exited but is not yet reaped (a zombie) has no VmRSS line.
bool MockProcess::Running() const { return exit_status_ < 0 && pid_ > 0 && ResidentKiB() >= 0; }

int MockProcess::Stop() {
  if (exit_status_ >= 0 || pid_ <= 0) return exit_status_;
  kill(pid_, SIGTERM);
  int status = 0;
  while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  exit_status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return exit_status_;
}

}  // namespace opentok_soak
