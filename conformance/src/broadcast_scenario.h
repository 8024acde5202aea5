#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "broadcast_transitions.h"
#include "opentok/opentok.h"
#include "publishing_session.h"

namespace opentok::conformance {

// A publishing session and, for every state but kNone, a broadcast of it in the requested
// state: manual stream mode with the session's stream selected, HLS plus one RTMP output,
// a short maxDuration. On a mock each scenario has a project of its own; on live it uses
// the session in which a real client publishes.
class BroadcastScenario {
 public:
  // The maxDuration the scenario's broadcast asks for: short, so the max-duration cell
  // moves the mock clock by minutes rather than hours, yet longer than the warm-up plus
  // the 60 s after the last client left, so the last-client-leaves cell cannot pass
  // through the maximum duration.
  static constexpr std::chrono::seconds kMaxDuration{300};

  // Builds `state`. Returns an empty string on success, or the reason this target cannot
  // reach it (the caller skips with it).
  std::string Build(BroadcastState state);

  struct Outcome {
    int status = 0;                    // HTTP status of a REST operation, 0 for events
    std::string started_broadcast_id;  // set by a successful start
  };
  // Applies `operation`. Returns an empty string on success, or the reason this target
  // cannot perform it (mock-only powers on a live endpoint).
  std::string Apply(BroadcastOperation operation, Outcome& outcome);

  // The current state of broadcast `id` (kNone when the endpoint does not know it).
  BroadcastState Observe(std::string const& id, Broadcast* broadcast = nullptr) const;
  // Whether the session's broadcast list contains `id`, and with which state.
  std::optional<BroadcastState> ObserveInList(std::string const& id) const;

  std::string const& broadcast_id() const { return broadcast_id_; }
  // The stream the scenario's broadcast selects (add-stream and remove-stream use it).
  std::string const& stream_id() const { return session_.stream_ids.at(0); }

 private:
  std::string StartTracked(std::string const& tag) const;
  std::string ApplyEvent(BroadcastOperation operation);

  PublishingSession session_;
  std::optional<OpenTok> client_;
  std::string broadcast_id_;  // an unknown id for kNone
};

}  // namespace opentok::conformance
