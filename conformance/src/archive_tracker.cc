#include "archive_tracker.h"

#include <chrono>

#include "live_poll.h"
#include "opentok/opentok.h"
#include "target.h"

namespace opentok::conformance {
namespace {

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
  pending_.push_back({credentials, archive_id, ""});
}

void ArchiveTracker::StopRecording() {
  std::lock_guard lock(mu_);
  std::erase_if(pending_, [&](Entry& entry) {
    try {
      CurrentTarget().Client(entry.credentials).StopArchive(entry.archive_id);
    } catch (NotFoundException const&) {
      return true;  // never existed (a failed start) or deleted: nothing to clean
    } catch (RequestException const& e) {
      // 409 (or another 4xx): not recording any more, which is all this pass wants.
      if (e.http_status() >= 500 || e.http_status() == 429) {
        entry.problem = e.what();
        return false;
      }
    } catch (std::exception const& e) {
      entry.problem = e.what();  // no answer: retried after the next check
      return false;
    }
    stopped_.push_back(std::move(entry));
    return true;
  });
}

std::vector<std::string> ArchiveTracker::CleanUpAll() {
  StopRecording();
  std::lock_guard lock(mu_);
  std::vector<std::string> left;
  for (auto const& entry : pending_) left.push_back(entry.archive_id + " (not stopped: " + entry.problem + ")");
  pending_.clear();
  for (auto const& entry : stopped_) {
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
    } catch (NotFoundException const&) {
      // Deleted already.
    } catch (std::exception const& e) {
      left.push_back(entry.archive_id + " (" + e.what() + ")");
    }
  }
  stopped_.clear();
  return left;
}

}  // namespace opentok::conformance
