#pragma once

#include <string>
#include <vector>

#include "rest_client.h"

namespace opentok::conformance {

// A routed session in which streams are published: what broadcasts, stream selection and
// class lists need.
struct PublishingSession {
  Credentials credentials;
  std::string session_id;
  std::string connection_id;  // the simulated client; empty on live
  std::vector<std::string> stream_ids;
};

// On a mock: a project of its own (so lists and counts are exact), a routed session and
// one simulated client publishing `streams` camera streams. On live: the configured
// project and the wait-for-publisher session, when at least `streams` streams are
// published there. Returns an empty string, or the reason the target cannot provide such
// a session (the caller skips with it).
std::string OpenPublishingSession(int streams, PublishingSession& session);

}  // namespace opentok::conformance
