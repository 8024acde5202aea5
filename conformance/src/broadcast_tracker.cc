#include "broadcast_tracker.h"

#include "opentok/opentok.h"
#include "target.h"

namespace opentok::conformance {

BroadcastTracker& BroadcastTracker::Instance() {
  static BroadcastTracker tracker;
  return tracker;
}

void BroadcastTracker::Track(Credentials const& credentials, std::string const& broadcast_id) {
  std::lock_guard lock(mu_);
  entries_.push_back({credentials, broadcast_id});
}

void BroadcastTracker::StopStarted() {
  std::lock_guard lock(mu_);
  for (auto& entry : entries_) {
    if (entry.done) continue;
    try {
      OpenTok client = CurrentTarget().Client(entry.credentials);
      Broadcast broadcast = client.GetBroadcast(entry.broadcast_id);
      if (broadcast.status == BroadcastStatus::kStarted) broadcast = client.StopBroadcast(entry.broadcast_id);
      entry.done = broadcast.status == BroadcastStatus::kStopped;
      if (!entry.done) entry.problem = "still " + broadcast.status_name;
    } catch (NotFoundException const&) {
      entry.done = true;  // never existed (a failed start) or gone: nothing streams
    } catch (std::exception const& e) {
      entry.problem = e.what();  // reported by CleanUpAll
    }
  }
}

std::vector<std::string> BroadcastTracker::CleanUpAll() {
  StopStarted();
  std::lock_guard lock(mu_);
  std::vector<std::string> left;
  for (auto const& entry : entries_) {
    if (!entry.done) left.push_back(entry.broadcast_id + " (" + entry.problem + ")");
  }
  return left;
}

StartBroadcastOptions SuiteBroadcastOptions(StreamMode mode) {
  return StartBroadcastOptions{
      .hls = HlsOptions{},
      .rtmp = {RtmpDestination{.id = "loopback", .server_url = "rtmp://127.0.0.1:1935/live", .stream_name = "conformance"}},
      .stream_mode = mode,
  };
}

Broadcast StartTrackedBroadcast(OpenTok const& client, Credentials const& credentials, std::string const& session_id,
                                StartBroadcastOptions const& options) {
  Broadcast broadcast = client.StartBroadcast(session_id, options);
  BroadcastTracker::Instance().Track(credentials, broadcast.id);
  return broadcast;
}

}  // namespace opentok::conformance
