// Session monitoring: the service events of clients and streams coming and going, derived
// from the session's own events (and from AddConnection for joins, which no family follows)
// so that every way in and out of a session (clients, SIP calls, renders, WebSockets)
// reports the same way.

#include <algorithm>

#include "service_impl.h"

namespace opentok_mock {
namespace {

StreamEndReason StreamReasonOf(DisconnectReason reason) {
  switch (reason) {
    case DisconnectReason::kClientDisconnected: return StreamEndReason::kClientDisconnected;
    case DisconnectReason::kForceDisconnected: return StreamEndReason::kForceDisconnected;
    case DisconnectReason::kNetworkDisconnected: return StreamEndReason::kNetworkDisconnected;
  }
  return StreamEndReason::kClientDisconnected;
}

MonitoringEvent Of(MonitoringEventKind kind) {
  MonitoringEvent event;
  event.kind = kind;
  return event;
}

}  // namespace

void MockService::Impl::EmitMonitoring(SessionRecord const& session, std::int64_t at_ms, MonitoringEvent event) {
  event.session_id = session.view.session_id;
  EmitServiceEvent(session.view.api_key, at_ms, std::move(event));
}

void MockService::Impl::MonitoringOnJoin(SessionRecord const& session, Connection const& connection) {
  auto const at_ms = connection.created_at_ms;
  if (session.connections.size() == 1) EmitMonitoring(session, at_ms, Of(MonitoringEventKind::kSessionCreated));
  auto created = Of(MonitoringEventKind::kConnectionCreated);
  created.connection = connection;
  EmitMonitoring(session, at_ms, std::move(created));
}

void MockService::Impl::MonitoringOnSessionEvent(SessionEvent const& event) {
  auto const& session = event.session;
  switch (event.kind) {
    case SessionEventKind::kStreamPublished:
    case SessionEventKind::kStreamUnpublished: {
      bool const created = event.kind == SessionEventKind::kStreamPublished;
      auto monitoring = Of(created ? MonitoringEventKind::kStreamCreated : MonitoringEventKind::kStreamDestroyed);
      monitoring.stream = *event.stream;
      // The publisher: the client leaving, or still in the session.
      if (event.connection != nullptr) {
        monitoring.connection = *event.connection;
      } else {
        auto publisher = std::find_if(session.connections.begin(), session.connections.end(), [&](Connection const& c) {
          return c.connection_id == event.stream->connection_id;
        });
        if (publisher != session.connections.end()) monitoring.connection = *publisher;
      }
      if (!created) monitoring.stream_reason = StreamReasonOf(event.reason);
      EmitMonitoring(session, event.at_ms, std::move(monitoring));
      break;
    }
    case SessionEventKind::kClientLeft: {
      auto monitoring = Of(MonitoringEventKind::kConnectionDestroyed);
      if (event.connection != nullptr) monitoring.connection = *event.connection;
      monitoring.connection_reason = event.reason;
      EmitMonitoring(session, event.at_ms, std::move(monitoring));
      break;
    }
    case SessionEventKind::kSessionEnded:
      break;
  }
}

void MockService::Impl::SessionDestroyedOnSessionEvent(SessionEvent const& event) {
  if (event.kind == SessionEventKind::kClientLeft && event.session.connections.empty()) {
    EmitMonitoring(event.session, event.at_ms, Of(MonitoringEventKind::kSessionDestroyed));
  }
}

}  // namespace opentok_mock
