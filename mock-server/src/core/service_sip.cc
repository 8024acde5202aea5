// SIP interconnect (REST, project-scoped): a dialled call joins the session as a connection
// of kind sip that publishes the call's stream, hears DTMF digits played into it, and ends
// when its connection leaves.

#include <algorithm>

#include "activity_log.h"
#include "opentok_common/api_rules.h"
#include "opentok_mock/errors.h"
#include "service_impl.h"

namespace opentok_mock {
namespace {

namespace rules = opentok::common::rules;

std::optional<Error> ValidateDial(DialRequest const& request) {
  if (request.session_id.empty()) return errors::BadRequest("Bad request. The sessionId is missing.");
  if (request.token.empty()) return errors::BadRequest("Bad request. The token is missing.");
  if (request.uri.empty()) return errors::BadRequest("Bad request. sip.uri is missing.");
  if (!rules::IsSipUri(request.uri)) {
    return errors::BadRequest("Bad request. sip.uri must be a sip: or sips: URI.");
  }
  for (auto const& [name, value] : request.headers) {
    if (!rules::IsSipHeaderName(name)) {
      return errors::BadRequest("Bad request. sip.headers: '" + name + "' is not a valid header name.");
    }
    if (!rules::IsSipHeaderValue(value)) {
      return errors::BadRequest("Bad request. sip.headers: the value of '" + name + "' must not contain CR or LF.");
    }
  }
  for (auto const& stream : request.streams) {
    if (stream.empty()) return errors::BadRequest("Bad request. sip.streams must hold stream ids.");
  }
  return std::nullopt;
}

}  // namespace

void MockService::Impl::SipOnSessionEvent(SessionEvent const& event) {
  if (event.kind != SessionEventKind::kClientLeft || event.connection == nullptr) return;
  auto& calls = event.session.sip_calls;
  auto call = std::find_if(calls.begin(), calls.end(),
                           [&](SipCall const& c) { return c.connection_id == event.connection->connection_id; });
  if (call == calls.end()) return;
  SipCall ended = std::move(*call);
  calls.erase(call);
  ended.updated_at_ms = event.at_ms;
  EmitServiceEvent(ended.api_key, event.at_ms, SipCallEvent{SipCallEventKind::kCallDestroyed, ended, event.reason});
}

Result<SipCall> MockService::Dial(std::string_view api_key, DialRequest const& request) {
  if (auto error = ValidateDial(request)) return *error;
  std::int64_t now = 0;
  auto lock = impl_->WriteLock(now);
  auto found = impl_->SessionForStart(api_key, request.session_id);
  if (!found) return found.error();
  auto& session = **found;
  auto claims = impl_->VerifyTokenFor(session, request.token, now);
  if (!claims) return claims.error();
  if (session.view.settings.media_mode != MediaMode::kRouted) return errors::RelayedSessionSip();

  auto& connection = impl_->AddConnection(session, Connection{impl_->ids.Uuid(),
                                                              session.view.session_id,
                                                              claims->role,
                                                              std::move(claims->connection_data),
                                                              claims->format,
                                                              std::move(claims->initial_layout_class_list),
                                                              now,
                                                              ConnectionKind::kSip});
  SipCall call;
  call.id = impl_->ids.Uuid();
  call.api_key = std::string(api_key);
  call.session_id = session.view.session_id;
  call.connection_id = connection.connection_id;
  call.created_at_ms = call.updated_at_ms = now;
  call.uri = request.uri;
  call.from = request.from;
  call.secure = request.secure;
  call.video = request.video;
  call.observe_force_mute = request.observe_force_mute;
  call.streams = request.streams;
  call.headers = request.headers;
  if (request.auth) call.auth_username = request.auth->username;
  // The call is in progress before its stream is published, so that a mute-all in force
  // sees whether the stream obeys it.
  session.sip_calls.push_back(call);
  PublishSettings settings;
  settings.name = request.from;
  settings.has_video = request.video;
  Connection const publisher = connection;  // PublishStream's subscribers may add connections
  call.stream_id = impl_->PublishStream(session, publisher, settings, now).stream_id;
  auto stored = std::find_if(session.sip_calls.begin(), session.sip_calls.end(),
                             [&](SipCall const& c) { return c.id == call.id; });
  if (stored != session.sip_calls.end()) stored->stream_id = call.stream_id;
  impl_->EmitServiceEvent(call.api_key, now, SipCallEvent{SipCallEventKind::kCallCreated, call, std::nullopt});
  return call;
}

Status MockService::PlayDtmf(std::string_view api_key, std::string_view session_id, std::string_view digits,
                             std::string_view connection_id) {
  if (!rules::IsDtmfDigits(digits)) return errors::InvalidDtmfDigits();
  std::int64_t now = 0;
  auto lock = impl_->WriteLock(now);
  auto found = impl_->ProjectSession(api_key, session_id);
  if (!found) return found.error();
  auto& session = **found;
  auto play = [&](Connection const& connection) {
    auto& activity = impl_->ActivityOf(session, connection.connection_id);
    AppendActivity(activity.dtmf, activity.dtmf_total, PlayedDtmf{std::string(digits), now});
  };
  if (!connection_id.empty()) {
    auto it = std::find_if(session.connections.begin(), session.connections.end(),
                           [&](Connection const& c) { return c.connection_id == connection_id; });
    if (it == session.connections.end()) return errors::ConnectionNotConnected();
    play(*it);
    return Ok{};
  }
  // The whole session: every SIP call hears the digits (nobody else can).
  for (auto const& connection : session.connections) {
    if (connection.kind == ConnectionKind::kSip) play(connection);
  }
  return Ok{};
}

Result<std::vector<SipCall>> MockService::SipCalls(std::string_view session_id) {
  auto lock = impl_->ReadLock();
  auto* session = impl_->FindSession(session_id);
  if (session == nullptr) return errors::SessionNotFound();
  return session->sip_calls;
}

}  // namespace opentok_mock
