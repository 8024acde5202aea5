#pragma once

#include <signal.h>

#include "flags.h"

namespace opentok_mock::app {

// `opentok-mock exec`: serves the mock from `config.server`, runs `config.exec_config.command`
// with the mock's URL and credentials in its environment, stops the mock when it ends and
// returns the exit status for the process: the command's (128 + N after signal N; 127 not
// found, 126 not executable), 2 for flags that cannot work together, 125 when the mock
// could not start. `signals` (SIGINT, SIGTERM, SIGCHLD) must be blocked in every thread
// before the call: they are taken synchronously here.
int RunExec(AppConfig config, sigset_t const& signals);

// Exit status when exec itself failed before running the command (as `git bisect run` and
// container runners use 125).
inline constexpr int kExecFailed = 125;

}  // namespace opentok_mock::app
