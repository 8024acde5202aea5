#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "archive_transitions.h"
#include "opentok/opentok.h"
#include "rest_client.h"

namespace opentok::conformance {

// Timings of the mock's archive lifecycle that clock-driven checks advance past.
struct MockArchiveTimings {
  std::chrono::seconds processing_delay;  // stopped -> available/uploaded
  std::chrono::seconds max_duration;      // automatic stop
  std::chrono::seconds last_client_grace{60};
  std::chrono::seconds retention{72 * 3600};
};
// Read from the mock (or defaults); see archive_scenario.cc.
MockArchiveTimings MockTimings();

// A session with a publishing client and, for every state but kNone, an archive in the
// requested state, built on the current target. On a mock each scenario has a project of
// its own, so list results are exact; on live it uses the configured project and the
// session in which a real client publishes.
class ArchiveScenario {
 public:
  // Builds `state`. Returns an empty string on success, or the reason this target cannot
  // reach the state (the caller skips with it).
  std::string Build(ArchiveState state);

  struct Outcome {
    int status = 0;                 // HTTP status of a REST operation, 0 for events
    std::string started_archive_id;  // set by a successful kStart
  };
  // Applies `operation`. Returns an empty string on success, or the reason this target
  // cannot perform it (mock-only powers on a live endpoint).
  std::string Apply(ArchiveOperation operation, Outcome& outcome);

  // The current state of archive `id` (kNone when the endpoint does not know it).
  ArchiveState Observe(std::string const& id, Archive* archive = nullptr) const;
  // Whether the session's archive list contains `id`, and with which state.
  std::optional<ArchiveState> ObserveInList(std::string const& id) const;

  std::string const& archive_id() const { return archive_id_; }
  std::string const& session_id() const { return session_id_; }

 private:
  std::string BuildOnMock(ArchiveState state);
  std::string BuildOnLive(ArchiveState state);
  Archive StartTrackedArchive() const;
  std::string ApplyEvent(ArchiveOperation operation);

  Credentials credentials_;
  std::optional<OpenTok> client_;
  std::string session_id_;
  std::string connection_id_;
  std::string stream_id_;
  std::string archive_id_;  // an unknown id for kNone
};

}  // namespace opentok::conformance
