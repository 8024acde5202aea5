#pragma once

#include <mutex>
#include <string>
#include <vector>

#include "rest_client.h"

namespace opentok::conformance {

// Remembers every archive the suite starts so that a run leaves nothing behind on a live
// project, also when a check fails: after each check, recording archives are stopped;
// at the end of the run, archives that became deletable are deleted (on live, waiting for
// processing up to a deadline).
class ArchiveTracker {
 public:
  static ArchiveTracker& Instance();

  void Track(Credentials const& credentials, std::string const& archive_id);
  // Stops every tracked archive that is still recording. Never throws.
  void StopRecording();
  // Stops what still records, then deletes what is deletable; returns the ids that could
  // not be cleaned up, with the reason. Never throws.
  std::vector<std::string> CleanUpAll();

 private:
  struct Entry {
    Credentials credentials;
    std::string archive_id;
    bool done = false;
  };
  std::mutex mu_;
  std::vector<Entry> entries_;
};

}  // namespace opentok::conformance
