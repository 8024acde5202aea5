#pragma once

// Fault injection and rate limits for the mock's REST routes, so that a client's retries,
// timeouts and error handling can be tested against failures the real service (or the
// network in front of it) produces only by chance. Scripts say which requests fail and how;
// rate limits answer 429 beyond N requests of a project in a window of mock time. The
// control plane (/_mock/faults, /_mock/rate-limits) and MockServer::faults() drive the same
// injector; docs/fault-injection.md describes both.

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "opentok_mock/result.h"

namespace opentok_mock {

enum class FaultType {
  kError,    // an error answer instead of the real one
  kDelay,    // a wall-clock wait, then the real answer
  kClose,    // the request is read, then the connection closes without an answer
  kPartial,  // the real answer's status line and headers, half of its body, then the close
};

// "error", "delay", "close", "partial"; nullopt for another name.
std::string_view FaultTypeName(FaultType type);
std::optional<FaultType> ParseFaultType(std::string_view name);

struct FaultAction {
  FaultType type = FaultType::kError;
  // kError: the answer's status (400..599). kPartial: the status line's (0: the real answer's).
  int status = 503;
  // kError: the body as sent, with its Content-Type. No body: the service's JSON error body
  // {"code": status, "message": ..., "description": ...}.
  std::optional<std::string> body;
  std::string content_type = "application/json";
  // kError: extra answer headers ("Retry-After"). Framing headers (Content-Length,
  // Transfer-Encoding, Connection) are refused: the mock frames its answers itself.
  std::vector<std::pair<std::string, std::string>> headers;
  // kDelay: how long (0..30 s).
  std::chrono::milliseconds delay{0};
};

struct FaultScript {
  // [A-Za-z0-9._-]{1,64}; generated ("fault-1", "fault-2", ...) when empty.
  std::string id;
  // Filters; an empty one matches everything.
  std::string operation;  // a journal operation name: "archive.start", "session.create", ...
  std::string method;     // GET, POST, PUT, PATCH, DELETE or HEAD (upper-cased when added)
  std::string path;       // an ECMAScript regular expression, full match on the decoded path
  std::string project;    // the API key or application id the request names
  FaultAction action;
  // The next `times` matching requests (default 1 when neither is given), or each matching
  // request with `probability`, drawn from a generator seeded from the mock's seed and the
  // script's id (the same seed and script give the same sequence of faulted requests).
  std::optional<std::int64_t> times;
  std::optional<double> probability;
  // Applies only to requests whose X-Mock-Fault header names this script.
  bool header_only = false;

  // State, as List() shows it: requests still to fault (nullopt with a probability), and
  // requests faulted so far.
  std::optional<std::int64_t> remaining;
  std::int64_t applied = 0;
};

// What the injector knows of one REST request.
struct FaultRequest {
  std::string_view method;
  std::string_view path;       // decoded, without the query
  std::string_view operation;  // the route's journal operation name
  std::string_view project;    // the API key or application id the request names ("" when none)
  std::string_view fault_id;   // the X-Mock-Fault header ("" when absent)
};

struct AppliedFault {
  std::string id;
  FaultAction action;
  // The journal's "fault" value: "<id>:<type>".
  std::string JournalName() const;
};

struct RateLimit {
  std::string project;    // API key or application id
  std::int64_t requests = 0;   // allowed per window (>= 1)
  std::int64_t window_ms = 0;  // mock time (>= 1)
  std::string operation;       // empty: every REST operation of the project counts
};

// A request the rate limits refuse: the 429's message and its Retry-After (seconds until the
// window ends, rounded up, at least 1).
struct RateLimited {
  std::string message;
  std::int64_t retry_after_s = 1;
};

struct FaultInjectorOptions {
  // The mock's seed (ServiceOptions::seed); nullopt: seeded at random.
  std::optional<std::uint64_t> seed;
  // Mock time for rate-limit windows.
  std::function<std::int64_t()> now_ms;
  // The operation names a script's "operation" may name; empty: any name is accepted.
  std::vector<std::string> operations;
};

// Thread-safe.
class FaultInjector {
 public:
  explicit FaultInjector(FaultInjectorOptions options);
  ~FaultInjector();
  FaultInjector(FaultInjector const&) = delete;
  FaultInjector& operator=(FaultInjector const&) = delete;

  // Validates and stores a script (after those already stored: the first script that matches
  // a request and fires applies). 400 naming the field for a bad one, 409 for an id in use.
  Result<FaultScript> Add(FaultScript script);
  std::vector<FaultScript> List() const;  // in the order added
  bool Remove(std::string_view id);
  void ClearScripts();

  // One limit per project; setting it again replaces it (and starts a new window).
  Result<RateLimit> SetRateLimit(RateLimit limit);
  bool ClearRateLimit(std::string_view project);
  std::vector<RateLimit> RateLimits() const;

  // Scripts and rate limits (POST /_mock/reset); generated ids start again at fault-1.
  void Clear();

  // The fault for one request, if a script fires for it (counted as applied).
  std::optional<AppliedFault> Decide(FaultRequest const& request);
  // Counts one authenticated request against its project's limit; the refusal when the
  // window's requests are used up (refused requests do not count).
  std::optional<RateLimited> Admit(std::string_view project, std::string_view operation);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace opentok_mock
