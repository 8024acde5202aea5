// Moderation (REST, project-scoped): force-disconnect, force-mute of one stream or the whole
// session, and the connections list. Follows the session's events: streams published while a
// mute-all is active are muted, and every connection that leaves is remembered with its
// reason for the control plane.

#include <algorithm>

#include "opentok_mock/errors.h"
#include "service_impl.h"

namespace opentok_mock {
namespace {

bool Contains(std::vector<std::string> const& ids, std::string_view id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// A SIP call's stream obeys force mute only when the dial asked for it (observeForceMute);
// every other stream does.
bool ObeysForceMute(SessionRecord const& session, Stream const& stream) {
  auto call = std::find_if(session.sip_calls.begin(), session.sip_calls.end(),
                           [&](SipCall const& c) { return c.connection_id == stream.connection_id; });
  return call == session.sip_calls.end() || call->observe_force_mute;
}

void MuteUnlessExcluded(SessionRecord const& session, Stream& stream) {
  if (!Contains(session.mute_all.excluded_stream_ids, stream.stream_id) && ObeysForceMute(session, stream)) {
    stream.audio_muted = true;
  }
}

}  // namespace

void MockService::Impl::ModerationOnSessionEvent(SessionEvent const& event) {
  auto& session = event.session;
  switch (event.kind) {
    case SessionEventKind::kStreamPublished:
      if (session.mute_all.active) {
        auto stream = std::find_if(session.streams.begin(), session.streams.end(),
                                   [&](Stream const& s) { return s.stream_id == event.stream->stream_id; });
        if (stream != session.streams.end()) MuteUnlessExcluded(session, *stream);
      }
      break;
    case SessionEventKind::kClientLeft:
      if (event.connection == nullptr) break;
      session.left.push_back(LeftConnection{*event.connection, event.reason, event.at_ms});
      if (session.left.size() > kMaxLeftConnections) {
        session.activity.erase(session.left.front().connection.connection_id);
        session.left.pop_front();
      }
      break;
    case SessionEventKind::kStreamUnpublished:
    case SessionEventKind::kSessionEnded:
      break;
  }
}

Status MockService::ForceDisconnect(std::string_view api_key, std::string_view session_id,
                                    std::string_view connection_id) {
  std::int64_t now = 0;
  auto lock = impl_->WriteLock(now);
  auto session = impl_->ProjectSession(api_key, session_id);
  if (!session) return session.error();
  auto status = impl_->RemoveConnection(**session, connection_id, DisconnectReason::kForceDisconnected, now);
  if (!status) return errors::ConnectionNotConnected();
  return status;
}

Status MockService::ForceMuteStream(std::string_view api_key, std::string_view session_id,
                                    std::string_view stream_id) {
  std::int64_t now = 0;
  auto lock = impl_->WriteLock(now);
  auto session = impl_->ProjectSession(api_key, session_id);
  if (!session) return session.error();
  auto& streams = (*session)->streams;
  auto stream = std::find_if(streams.begin(), streams.end(), [&](Stream const& s) { return s.stream_id == stream_id; });
  if (stream == streams.end()) return errors::StreamNotFound();
  if (ObeysForceMute(**session, *stream)) stream->audio_muted = true;
  return Ok{};
}

Status MockService::ForceMuteAll(std::string_view api_key, std::string_view session_id,
                                 MuteAllState const& request) {
  std::int64_t now = 0;
  auto lock = impl_->WriteLock(now);
  auto session = impl_->ProjectSession(api_key, session_id);
  if (!session) return session.error();
  auto& record = **session;
  if (!request.active) {
    // Disabling only stops muting new streams: muted clients unmute themselves.
    record.mute_all = MuteAllState{};
    return Ok{};
  }
  record.mute_all = request;
  for (auto& stream : record.streams) MuteUnlessExcluded(record, stream);
  return Ok{};
}

Result<std::vector<Connection>> MockService::ListConnections(std::string_view api_key, std::string_view session_id) {
  auto lock = impl_->ReadLock();
  auto session = impl_->ProjectSession(api_key, session_id);
  if (!session) return session.error();
  return (*session)->connections;
}

}  // namespace opentok_mock
