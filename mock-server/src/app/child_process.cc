#include "child_process.h"

#include <spawn.h>
#include <sys/wait.h>

#include <cerrno>

namespace opentok_mock::app {

pid_t SpawnChild(std::vector<std::string> const& argv, std::vector<std::string> const& environment) {
  std::vector<char*> args;
  for (auto const& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  std::vector<char*> env;
  for (auto const& entry : environment) env.push_back(const_cast<char*>(entry.c_str()));
  env.push_back(nullptr);

  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  // The mock blocks the stop signals in all its threads (it waits for them synchronously);
  // the command must get them as any program would.
  sigset_t none;
  sigemptyset(&none);
  posix_spawnattr_setsigmask(&attributes, &none);
  sigset_t defaults;
  sigemptyset(&defaults);
  for (int signal_number : {SIGINT, SIGTERM, SIGPIPE, SIGCHLD}) sigaddset(&defaults, signal_number);
  posix_spawnattr_setsigdefault(&attributes, &defaults);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);

  pid_t pid = -1;
  // glibc reports an exec failure (not found, not executable) as this call's result.
  int error = posix_spawnp(&pid, args[0], nullptr, &attributes, args.data(), env.data());
  posix_spawnattr_destroy(&attributes);
  return error == 0 ? pid : -error;
}

int WaitForwardingSignals(pid_t child, sigset_t const& signals) {
  while (true) {
    siginfo_t info{};
    int signal_number = sigwaitinfo(&signals, &info);
    if (signal_number < 0) continue;  // EINTR
    if (signal_number == SIGCHLD) {
      int status = 0;
      pid_t done = waitpid(child, &status, WNOHANG);
      if (done != child) continue;
      return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    if ((signal_number == SIGINT || signal_number == SIGTERM) && info.si_code != SI_KERNEL) {
      kill(child, signal_number);
    }
  }
}

}  // namespace opentok_mock::app
