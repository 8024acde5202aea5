// Audio Connector: a call adds a session connection (kind websocket) that receives the
// requested streams, or every stream of the session, also the ones published later. A call
// ends when it is stopped (by its id or its connection id) or its connection leaves in any
// other way. The core opens no WebSocket: it emits an AudioConnectorEvent (with the headers'
// values, which nothing else sees) when a call connects, when the streams it receives
// change and when it ends; the HTTP layer's streamer opens the WebSocket and reports back.

#include <algorithm>

#include "opentok_common/api_rules.h"
#include "opentok_mock/errors.h"
#include "service_impl.h"

namespace opentok_mock {
namespace {

namespace rules = opentok::common::rules;

std::optional<Error> ValidateConnect(ConnectAudioRequest const& request) {
  if (request.session_id.empty()) return errors::BadRequest("Bad request. The sessionId is missing.");
  if (request.token.empty()) return errors::TokenMissing();
  if (!rules::IsWebSocketUri(request.uri)) {
    return errors::BadRequest("Bad request. websocket.uri must be a ws:// or wss:// URI.");
  }
  if (request.audio_rate && !rules::IsAudioRate(*request.audio_rate)) {
    return errors::BadRequest("Bad request. websocket.audioRate must be 8000, 16000 or 24000.");
  }
  std::size_t header_bytes = 0;
  for (auto const& [name, value] : request.headers) header_bytes += name.size() + value.size();
  if (header_bytes > rules::kMaxWebSocketHeaderBytes) {
    return errors::BadRequest("Bad request. websocket.headers hold " + std::to_string(header_bytes) +
                              " bytes (names and values); at most " +
                              std::to_string(rules::kMaxWebSocketHeaderBytes) + " are allowed.");
  }
  for (std::size_t i = 0; i < request.streams.size(); ++i) {
    if (request.streams[i].empty()) {
      return errors::BadRequest("Bad request. websocket.streams[" + std::to_string(i) + "] must be a stream id.");
    }
  }
  return std::nullopt;
}

Connection* FindConnection(SessionRecord& session, std::string_view connection_id) {
  auto it = std::find_if(session.connections.begin(), session.connections.end(),
                         [&](Connection const& c) { return c.connection_id == connection_id; });
  return it == session.connections.end() ? nullptr : &*it;
}

bool Contains(std::vector<std::string> const& ids, std::string_view id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace

void MockService::Impl::AudioConnectorsOnSessionEvent(SessionEvent const& event) {
  auto& session = event.session;
  switch (event.kind) {
    case SessionEventKind::kStreamPublished:
      for (auto* call : session.audio_connectors) {
        // Calls that asked for every stream also take the ones published later.
        auto* connection = FindConnection(session, call->view.connection_id);
        if (call->view.requested_streams.empty() && connection != nullptr &&
            event.stream->connection_id != connection->connection_id) {
          connection->subscribed_stream_ids.push_back(event.stream->stream_id);
          EmitAudioConnectorEvent(*call, event.at_ms);
        }
      }
      break;
    case SessionEventKind::kStreamUnpublished:
      for (auto* call : session.audio_connectors) {
        auto* connection = FindConnection(session, call->view.connection_id);
        if (connection != nullptr && std::erase(connection->subscribed_stream_ids, event.stream->stream_id) > 0) {
          EmitAudioConnectorEvent(*call, event.at_ms);
        }
      }
      break;
    case SessionEventKind::kClientLeft: {
      if (event.connection == nullptr) break;
      auto call = std::find_if(session.audio_connectors.begin(), session.audio_connectors.end(),
                               [&](AudioConnectorRecord const* c) {
                                 return c->view.connection_id == event.connection->connection_id;
                               });
      if (call == session.audio_connectors.end()) break;
      auto& view = (*call)->view;
      view.connected = false;
      view.ended_at_ms = event.at_ms;
      view.subscribed_stream_ids = event.connection->subscribed_stream_ids;  // as it was when it left
      auto& ended = **call;
      session.audio_connectors.erase(call);
      EmitAudioConnectorEvent(ended, event.at_ms);
      break;
    }
    case SessionEventKind::kSessionEnded:
      break;
  }
}

AudioConnector MockService::Impl::View(AudioConnectorRecord const& call) const {
  AudioConnector view = call.view;
  if (view.connected) {
    if (auto* connection = FindConnection(*call.session, view.connection_id)) {
      view.subscribed_stream_ids = connection->subscribed_stream_ids;
    }
  }
  return view;
}

void MockService::Impl::EmitAudioConnectorEvent(AudioConnectorRecord const& call, std::int64_t at_ms) {
  EmitServiceEvent(call.view.api_key, at_ms, AudioConnectorEvent{View(call), call.headers});
}

Result<AudioConnector> MockService::ConnectAudio(std::string_view api_key, ConnectAudioRequest const& request) {
  if (auto error = ValidateConnect(request)) return *error;
  std::int64_t now = 0;
  auto lock = impl_->WriteLock(now);
  if (impl_->FindProject(api_key) == nullptr) return errors::ProjectNotFound();
  auto found = impl_->SessionForStart(api_key, request.session_id);
  if (!found) return found.error();
  auto& session = **found;
  auto claims = impl_->VerifyTokenFor(session, request.token, now);
  if (!claims) return claims.error();
  if (session.view.settings.media_mode != MediaMode::kRouted) return errors::RelayedSessionAudioConnector();

  Connection connection;
  connection.connection_id = impl_->ids.Uuid();
  connection.session_id = session.view.session_id;
  connection.role = claims->role;
  connection.data = std::move(claims->connection_data);
  connection.token_format = claims->format;
  connection.initial_layout_class_list = std::move(claims->initial_layout_class_list);
  connection.created_at_ms = now;
  connection.kind = ConnectionKind::kWebsocket;
  // Requested streams that are not published (ids the service never minted, or streams
  // that already went) are left out: the service mints stream ids, so they cannot appear.
  for (auto const& stream : session.streams) {
    if (request.streams.empty() || Contains(request.streams, stream.stream_id)) {
      connection.subscribed_stream_ids.push_back(stream.stream_id);
    }
  }

  auto record = std::make_unique<AudioConnectorRecord>();
  record->sequence = ++impl_->media_sequence;
  record->session = &session;
  auto& view = record->view;
  view.id = impl_->ids.Uuid();
  view.connection_id = connection.connection_id;
  view.session_id = session.view.session_id;
  view.api_key = std::string(api_key);
  view.uri = request.uri;
  view.requested_streams = request.streams;
  for (auto const& [name, value] : request.headers) view.header_names.push_back(name);
  view.audio_rate = request.audio_rate.value_or(rules::kDefaultAudioRate);
  view.bidirectional = request.bidirectional;
  view.created_at_ms = now;
  record->headers = request.headers;

  AudioConnectorRecord& call = *record;
  impl_->audio_connectors.emplace(view.id, std::move(record));
  session.audio_connectors.push_back(&call);
  impl_->AddConnection(session, std::move(connection));
  impl_->EmitAudioConnectorEvent(call, now);
  return impl_->View(call);
}

Status MockService::DisconnectAudio(std::string_view api_key, std::string_view id) {
  std::int64_t now = 0;
  auto lock = impl_->WriteLock(now);
  // Either id names the call: the .NET SDK passes the connection id, the Vonage ones the call id.
  for (auto const& [call_id, call] : impl_->audio_connectors) {
    auto const& view = call->view;
    if (view.api_key != api_key || !view.connected || (call_id != id && view.connection_id != id)) continue;
    return impl_->RemoveConnection(*call->session, view.connection_id, DisconnectReason::kClientDisconnected, now);
  }
  return errors::AudioConnectorNotFound();
}

std::vector<AudioConnector> MockService::AllAudioConnectors(std::string_view api_key) {
  auto lock = impl_->ReadLock();
  std::vector<AudioConnectorRecord const*> records;
  for (auto const& [id, call] : impl_->audio_connectors) {
    if (api_key.empty() || call->view.api_key == api_key) records.push_back(call.get());
  }
  std::sort(records.begin(), records.end(), [](auto const* a, auto const* b) { return a->sequence > b->sequence; });
  std::vector<AudioConnector> out;
  out.reserve(records.size());
  for (auto const* call : records) out.push_back(impl_->View(*call));
  return out;
}

Result<AudioConnector> MockService::FindAudioConnector(std::string_view id) {
  auto lock = impl_->ReadLock();
  for (auto const& [call_id, call] : impl_->audio_connectors) {
    if (call_id == id || call->view.connection_id == id) return impl_->View(*call);
  }
  return errors::AudioConnectorNotFound();
}

Status MockService::UpdateAudioConnectorLink(std::string_view id, AudioConnectorLink const& link) {
  {
    std::int64_t now = 0;
    auto lock = impl_->WriteLock(now);
    auto it = impl_->audio_connectors.find(id);
    if (it == impl_->audio_connectors.end()) return errors::AudioConnectorNotFound();
    it->second->view.link = link;
  }
  impl_->NotifyLinkReported();
  return Ok{};
}

Status MockService::EndAudioConnectorLink(std::string_view id, AudioConnectorLink const& link) {
  Status status = Ok{};
  {
    std::int64_t now = 0;
    auto lock = impl_->WriteLock(now);
    auto it = impl_->audio_connectors.find(id);
    if (it == impl_->audio_connectors.end()) return errors::AudioConnectorNotFound();
    auto& call = *it->second;
    call.view.link = link;
    if (call.view.connected) {
      status = impl_->RemoveConnection(*call.session, call.view.connection_id, DisconnectReason::kNetworkDisconnected, now);
    }
  }
  impl_->NotifyLinkReported();
  return status;
}

void MockService::Impl::NotifyLinkReported() {
  {
    std::lock_guard lock(link_mutex);
    ++link_reports;
  }
  link_reported.notify_all();
}

Result<AudioConnector> MockService::WaitForAudioConnector(std::string_view id,
                                                          std::function<bool(AudioConnector const&)> const& done,
                                                          std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    std::uint64_t seen = 0;
    {
      std::lock_guard lock(impl_->link_mutex);
      seen = impl_->link_reports;  // read before the view: a report after it wakes the wait below
    }
    auto call = FindAudioConnector(id);
    if (!call || done(*call)) return call;
    std::unique_lock lock(impl_->link_mutex);
    if (!impl_->link_reported.wait_until(lock, deadline, [&] { return impl_->link_reports != seen; })) return call;
  }
}

void MockService::SetAudioConnectorTone(bool tone) { impl_->audio_connector_tone = tone; }
bool MockService::AudioConnectorTone() const { return impl_->audio_connector_tone; }

}  // namespace opentok_mock
