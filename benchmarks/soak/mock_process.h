// The standalone mock as a child process: started on a free loopback port with a fresh
// project, its URL read from its first line (explicit readiness), its resident memory read
// from /proc, stopped with SIGTERM. Its stderr stays the soak's (sanitizer reports show);
// its stdout is drained and dropped after the first line.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <thread>
#include <vector>

namespace opentok_soak {

class MockProcess {
 public:
  // Throws std::runtime_error when the binary cannot be started or does not print its
  // "listening on URL" line within `ready_timeout_ms`.
  MockProcess(std::string const& binary, std::string const& project, std::vector<std::string> const& extra_flags,
              int ready_timeout_ms);
  ~MockProcess();
  MockProcess(MockProcess const&) = delete;
  MockProcess& operator=(MockProcess const&) = delete;

  std::string const& url() const { return url_; }
  pid_t pid() const { return pid_; }
  // VmRSS in KiB, or -1 once the process is gone.
  std::int64_t ResidentKiB() const;
  bool Running() const;
  // SIGTERM, then the exit status as a shell would report it (128+N for signal N).
  int Stop();

 private:
  pid_t pid_ = -1;
  int stdout_fd_ = -1;
  std::string url_;
  std::thread drain_;
  int exit_status_ = -1;
};

}  // namespace opentok_soak
