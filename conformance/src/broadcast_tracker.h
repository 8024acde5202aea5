#pragma once

#include <mutex>
#include <string>
#include <vector>

#include "opentok/opentok.h"
#include "rest_client.h"

namespace opentok::conformance {

// Remembers every broadcast the suite starts so that a run leaves nothing streaming on a
// live project, also when a check fails: after each check, broadcasts still started are
// stopped; at the end of the run, one that could not be stopped is reported (and fails
// the run). Broadcasts cannot be deleted, so stopping is all the clean-up there is.
class BroadcastTracker {
 public:
  static BroadcastTracker& Instance();

  void Track(Credentials const& credentials, std::string const& broadcast_id);
  // Stops every tracked broadcast that is still started. Never throws.
  void StopStarted();
  // StopStarted(), then returns the broadcasts still not stopped, with the reason.
  std::vector<std::string> CleanUpAll();

 private:
  struct Entry {
    Credentials credentials;
    std::string broadcast_id;
    bool done = false;
    std::string problem;  // why the last attempt failed
  };
  std::mutex mu_;
  std::vector<Entry> entries_;
};

// The broadcasts the suite starts: HLS plus one RTMP destination on loopback (no real
// RTMP server needed: a mock only simulates the output, and the live service cannot
// reach the suite's loopback), in `mode`.
StartBroadcastOptions SuiteBroadcastOptions(StreamMode mode = StreamMode::kAuto);
// Starts a broadcast and hands it to the tracker before anything else can fail.
Broadcast StartTrackedBroadcast(OpenTok const& client, Credentials const& credentials, std::string const& session_id,
                                StartBroadcastOptions const& options);

}  // namespace opentok::conformance
