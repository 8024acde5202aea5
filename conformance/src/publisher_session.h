#pragma once

#include <optional>
#include <string>

namespace opentok::conformance {

// The line a live run prints so that a person or a harness can publish into the session:
//   OPENTOK_CONFORMANCE_PUBLISHER session_id=<id> token=<publisher token>
// The token is a short-lived client token for that one session; printing it is the point
// of the wait-for-publisher mode.
inline constexpr char kPublisherLinePrefix[] = "OPENTOK_CONFORMANCE_PUBLISHER";

// On a live target with OPENTOK_CONFORMANCE_WAIT_FOR_PUBLISHER set: a routed session in
// which a real client publishes. Created on first use (prints the line above, then polls
// the session's stream list until a stream appears). Returns nullopt with `*why` set when
// the mode is off or no publisher appeared in time.
std::optional<std::string> LivePublisherSession(std::string* why);

}  // namespace opentok::conformance
