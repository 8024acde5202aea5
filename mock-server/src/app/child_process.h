#pragma once

#include <signal.h>
#include <sys/types.h>

#include <string>
#include <vector>

namespace opentok_mock::app {

// Starts argv[0] (looked up in PATH, no shell) with `environment` ("NAME=value" entries) and
// the standard descriptors of this process, with every signal unblocked and SIGINT, SIGTERM,
// SIGPIPE and SIGCHLD at their default actions whatever this process does with them.
// Returns the child's pid, or -errno when it could not be started (-ENOENT: not found).
pid_t SpawnChild(std::vector<std::string> const& argv, std::vector<std::string> const& environment);

// Waits for `child` to end while this thread takes the signals in `signals` (all blocked in
// every thread of the process, SIGCHLD among them) with sigwaitinfo: SIGINT and SIGTERM are
// forwarded to the child, except one from the terminal, which the kernel already sent to the
// child's whole process group. Returns the child's exit status, or 128 + N when signal N
// ended it.
int WaitForwardingSignals(pid_t child, sigset_t const& signals);

// Exit statuses of a command that could not be run, as POSIX shells use them.
inline constexpr int kCommandNotFound = 127;
inline constexpr int kCommandNotExecutable = 126;

}  // namespace opentok_mock::app
