#pragma once

#include <mutex>
#include <string>
#include <vector>

#include "rest_client.h"

namespace opentok::conformance {

// Remembers every archive the suite starts so that a run leaves nothing behind on a live
// project, also when a check fails. After each check, the archives started since the
// previous check are stopped (one request each; an archive that is no longer recording
// answers with an error, which is fine) and wait for the end of the run, when the ones
// that became deletable are deleted (on live, waiting for processing up to a deadline).
// No archive is read again after the check that started it, so the clean-up costs a few
// requests per archive started, not a re-read of every archive after every check.
class ArchiveTracker {
 public:
  static ArchiveTracker& Instance();

  void Track(Credentials const& credentials, std::string const& archive_id);
  // Stops every archive tracked since the last call, once. An archive whose stop got no
  // answer (or a 5xx) stays pending and is retried. Never throws.
  void StopRecording();
  // Stops what is pending, then deletes what is deletable; returns the ids that could not
  // be cleaned up, with the reason. Never throws.
  std::vector<std::string> CleanUpAll();

 private:
  struct Entry {
    Credentials credentials;
    std::string archive_id;
    std::string problem;  // why the last stop failed
  };
  std::mutex mu_;
  std::vector<Entry> pending_;  // not yet stopped by the tracker
  std::vector<Entry> stopped_;  // stopped (or no longer recording), to delete at the end
};

}  // namespace opentok::conformance
