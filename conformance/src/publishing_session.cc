#include "publishing_session.h"

#include "publisher_session.h"
#include "target.h"

namespace opentok::conformance {

std::string OpenPublishingSession(int streams, PublishingSession& session) {
  Target const& target = CurrentTarget();
  if (target.has_control_plane()) {
    ControlPlane const& control = target.control();
    session.credentials = target.NewCredentials();
    session.session_id = target.Client(session.credentials).CreateSession("", MediaMode::kRouted).id;
    std::string token = target.TokenClient(session.credentials).GenerateToken(session.session_id);
    session.connection_id = control.Connect(session.session_id, token).connection_id;
    for (int i = 0; i < streams; ++i) {
      session.stream_ids.push_back(control.Publish(session.session_id, session.connection_id,
                                                   "conformance " + std::to_string(i), "camera"));
    }
    return "";
  }
  std::string why;
  auto live_session = LivePublisherSession(&why);
  if (!live_session) return why;
  session.credentials = target.credentials();
  session.session_id = *live_session;
  for (auto const& stream : target.Client().ListStreams(session.session_id).items) {
    session.stream_ids.push_back(stream.id);
  }
  if (static_cast<int>(session.stream_ids.size()) < streams) {
    return "needs " + std::to_string(streams) + " published streams; the live session has " +
           std::to_string(session.stream_ids.size()) + " (more need the mock's control plane)";
  }
  return "";
}

}  // namespace opentok::conformance
