// What the soak counts and what it found wrong, shared by every worker thread.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace opentok_soak {

// How one request ended, as the soak classifies it.
enum class Outcome {
  kOk,        // 2xx
  kExpected,  // a 4xx the state observed right after explains (e.g. stopping what just stopped)
  kClientError,  // any other 4xx: a violation
  kServerError,  // 5xx: a violation
  kDropped,      // no answer at all (connection refused, reset, timeout): a violation
};

class Ledger {
 public:
  void Count(std::string const& family, Outcome outcome);
  void Violation(std::string message);
  // Registers an id the mock handed out; a second registration of the same id (in any
  // epoch, of any kind) is a violation.
  void NewId(std::string const& kind, std::string const& id);

  struct FamilyCounts {
    std::uint64_t ok = 0, expected = 0, client_errors = 0, server_errors = 0, dropped = 0;
    std::uint64_t Total() const { return ok + expected + client_errors + server_errors + dropped; }
  };
  std::map<std::string, FamilyCounts> Families() const;
  std::vector<std::string> Violations() const;
  std::uint64_t ViolationCount() const;
  std::uint64_t TotalRequests() const;

 private:
  mutable std::mutex mutex_;
  std::map<std::string, FamilyCounts> families_;
  std::vector<std::string> violations_;  // the first kMaxKept, then only counted
  std::uint64_t violation_count_ = 0;
  std::set<std::string> ids_;
};

}  // namespace opentok_soak
