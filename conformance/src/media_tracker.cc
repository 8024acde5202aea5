#include "media_tracker.h"

#include "opentok/opentok.h"
#include "target.h"

namespace opentok::conformance {

std::string_view Name(MediaKind kind) {
  switch (kind) {
    case MediaKind::kCaptions:
      return "captions";
    case MediaKind::kRender:
      return "render";
    case MediaKind::kAudioConnector:
      return "audio connector";
    case MediaKind::kSipCall:
      return "SIP call";
  }
  return "?";
}

std::string EndWithSdk(MediaEntry const& entry) {
  try {
    OpenTok client = CurrentTarget().Client(entry.credentials);
    switch (entry.kind) {
      case MediaKind::kCaptions:
        client.StopLiveCaptions(entry.id);
        break;
      case MediaKind::kRender:
        client.StopRender(entry.id);
        break;
      case MediaKind::kAudioConnector:
        client.DisconnectAudioConnector(entry.id);
        break;
      case MediaKind::kSipCall:
        client.ForceDisconnect(entry.session_id, entry.id);
        break;
    }
  } catch (NotFoundException const&) {
    // Ended already (by the check, a timer, or a start that failed): nothing runs.
  } catch (std::exception const& e) {
    return e.what();
  }
  return "";
}

MediaTracker& MediaTracker::Instance() {
  static MediaTracker tracker;
  return tracker;
}

void MediaTracker::Track(MediaEntry entry) {
  std::lock_guard lock(mu_);
  pending_.push_back({std::move(entry), ""});
}

void MediaTracker::EndPending(MediaEnder const& end) {
  std::lock_guard lock(mu_);
  std::erase_if(pending_, [&](Pending& pending) {
    pending.problem = end(pending.entry);
    return pending.problem.empty();
  });
}

std::vector<std::string> MediaTracker::CleanUpAll(MediaEnder const& end) {
  EndPending(end);
  std::lock_guard lock(mu_);
  std::vector<std::string> left;
  for (auto const& pending : pending_) {
    left.push_back(std::string(Name(pending.entry.kind)) + " " + pending.entry.id + " (" + pending.problem + ")");
  }
  return left;
}

std::size_t MediaTracker::pending() const {
  std::lock_guard lock(mu_);
  return pending_.size();
}

}  // namespace opentok::conformance
