#pragma once

// The domain events of a session, emitted once each by the session code (clients and
// streams) and by the session-end timer, and consumed by every family whose state follows
// the session (archives pause and resume, broadcast outputs go live and offline, both stop
// when the session ends, selections lose unpublished streams). The session code does not
// know who listens.

#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

#include "opentok_mock/model.h"

namespace opentok_mock {

struct SessionRecord;

enum class SessionEventKind {
  kStreamPublished,    // `stream` was just added to the session's streams
  kStreamUnpublished,  // `stream` was just removed (a client leaving unpublishes each of its streams first)
  kClientLeft,         // `connection` went away, for `reason`
  kSessionEnded,       // the grace period after the last client left elapsed and nobody came back
};

struct SessionEvent {
  SessionEventKind kind;
  SessionRecord& session;
  std::int64_t at_ms;               // mock time (a timer's event carries its due time)
  Stream const* stream = nullptr;  // the stream events' stream
  Connection const* connection = nullptr;  // kClientLeft: the connection that left
  // kClientLeft, and kStreamUnpublished while its client leaves: why it left.
  DisconnectReason reason = DisconnectReason::kClientDisconnected;
};

// Subscribers run synchronously, in subscription order, under the service's write lock.
class SessionEvents {
 public:
  using Subscriber = std::function<void(SessionEvent const&)>;
  void Subscribe(Subscriber subscriber) { subscribers_.push_back(std::move(subscriber)); }
  void Emit(SessionEvent const& event) const {
    for (auto const& subscriber : subscribers_) subscriber(event);
  }

 private:
  std::vector<Subscriber> subscribers_;
};

}  // namespace opentok_mock
