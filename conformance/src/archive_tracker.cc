#include "archive_tracker.h"

#include <chrono>

#include "live_poll.h"
#include "opentok/opentok.h"
#include "target.h"

namespace opentok::conformance {
namespace {

bool IsRecording(ArchiveStatus status) { return status == ArchiveStatus::kStarted || status == ArchiveStatus::kPaused; }
bool IsDeletable(ArchiveStatus status) {
  return status == ArchiveStatus::kAvailable || status == ArchiveStatus::kUploaded;
}
bool IsFinished(ArchiveStatus status) {
  return status == ArchiveStatus::kDeleted || status == ArchiveStatus::kExpired || status == ArchiveStatus::kFailed;
}

// How long the final clean-up waits for a live archive to finish processing.
constexpr std::chrono::seconds kLiveProcessingDeadline{300};

}  // namespace

ArchiveTracker& ArchiveTracker::Instance() {
  static ArchiveTracker tracker;
  return tracker;
}

void ArchiveTracker::Track(Credentials const& credentials, std::string const& archive_id) {
  std::lock_guard lock(mu_);
  entries_.push_back({credentials, archive_id});
}

void ArchiveTracker::StopRecording() {
  std::lock_guard lock(mu_);
  for (auto& entry : entries_) {
    if (entry.done) continue;
    try {
      OpenTok client = CurrentTarget().Client(entry.credentials);
      Archive archive = client.GetArchive(entry.archive_id);
      if (IsRecording(archive.status)) client.StopArchive(entry.archive_id);
      entry.done = IsFinished(archive.status);
    } catch (NotFoundException const&) {
      entry.done = true;
    } catch (std::exception const&) {
      // Left for CleanUpAll, which reports what it cannot clean.
    }
  }
}

std::vector<std::string> ArchiveTracker::CleanUpAll() {
  StopRecording();
  std::lock_guard lock(mu_);
  std::vector<std::string> left;
  for (auto& entry : entries_) {
    if (entry.done) continue;
    try {
      OpenTok client = CurrentTarget().Client(entry.credentials);
      Archive archive = client.GetArchive(entry.archive_id);
      // Only a live service processes archives on its own time; a mock's clock stands
      // still unless the suite moves it, so waiting would be pointless there.
      if (CurrentTarget().kind() == TargetKind::kLive && archive.status == ArchiveStatus::kStopped) {
        PollUntil([&] { return (archive = client.GetArchive(entry.archive_id)).status != ArchiveStatus::kStopped; },
                  kLiveProcessingDeadline);
      }
      if (IsDeletable(archive.status)) {
        client.DeleteArchive(entry.archive_id);
      } else if (!IsFinished(archive.status) && CurrentTarget().kind() == TargetKind::kLive) {
        left.push_back(entry.archive_id + " (still " + std::string(ToString(archive.status)) + ")");
      }
      entry.done = true;
    } catch (NotFoundException const&) {
      entry.done = true;
    } catch (std::exception const& e) {
      left.push_back(entry.archive_id + " (" + e.what() + ")");
    }
  }
  return left;
}

}  // namespace opentok::conformance
