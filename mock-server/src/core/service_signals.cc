// Signals (REST, project-scoped): a signal lands in the inbox of every connection it targets,
// where the control plane shows it.

#include <algorithm>

#include "opentok_common/api_rules.h"
#include "activity_log.h"
#include "opentok_mock/errors.h"
#include "service_impl.h"

namespace opentok_mock {
namespace {

namespace rules = opentok::common::rules;

std::optional<Error> ValidateSignal(SignalRequest const& signal) {
  if (!signal.data) return errors::SignalDataMissing();
  if (signal.type.size() > rules::kMaxSignalTypeBytes) {
    return errors::PayloadTooLarge("The signal type is " + std::to_string(signal.type.size()) + " bytes; at most " +
                                   std::to_string(rules::kMaxSignalTypeBytes) + " are allowed.");
  }
  if (signal.data->size() > rules::kMaxSignalDataBytes) {
    return errors::PayloadTooLarge("The signal data is " + std::to_string(signal.data->size()) + " bytes; at most " +
                                   std::to_string(rules::kMaxSignalDataBytes) + " are allowed.");
  }
  return std::nullopt;
}

}  // namespace

ConnectionActivity& MockService::Impl::ActivityOf(SessionRecord& session, std::string const& connection_id) {
  return session.activity[connection_id];
}

Status MockService::Signal(std::string_view api_key, std::string_view session_id, SignalRequest const& signal,
                           std::string_view connection_id) {
  if (auto error = ValidateSignal(signal)) return *error;
  std::int64_t now = 0;
  auto lock = impl_->WriteLock(now);
  auto session = impl_->ProjectSession(api_key, session_id);
  if (!session) return session.error();
  auto& connections = (*session)->connections;
  auto deliver = [&](Connection const& connection) {
    auto& activity = impl_->ActivityOf(**session, connection.connection_id);
    AppendActivity(activity.signals, activity.signals_total, ReceivedSignal{signal.type, *signal.data, now});
  };
  if (!connection_id.empty()) {
    auto it = std::find_if(connections.begin(), connections.end(),
                           [&](Connection const& c) { return c.connection_id == connection_id; });
    if (it == connections.end()) return errors::ConnectionNotConnected();
    deliver(*it);
    return Ok{};
  }
  // A session-wide signal reaches the clients (OpenTok.js and native SDKs); SIP calls,
  // renders and WebSockets have no signalling channel.
  bool anyone = false;
  for (auto const& connection : connections) {
    if (connection.kind != ConnectionKind::kClient) continue;
    deliver(connection);
    anyone = true;
  }
  if (!anyone) return errors::NoClientsToSignal();
  return Ok{};
}

Result<ConnectionActivity> MockService::GetConnectionActivity(std::string_view session_id,
                                                              std::string_view connection_id) {
  auto lock = impl_->ReadLock();
  auto* session = impl_->FindSession(session_id);
  if (session == nullptr) return errors::SessionNotFound();
  auto known = [&](auto const& list, auto id_of) {
    return std::any_of(list.begin(), list.end(), [&](auto const& item) { return id_of(item) == connection_id; });
  };
  if (!known(session->connections, [](Connection const& c) -> auto& { return c.connection_id; }) &&
      !known(session->left, [](LeftConnection const& l) -> auto& { return l.connection.connection_id; })) {
    return errors::ConnectionNotFound();
  }
  auto it = session->activity.find(connection_id);
  return it == session->activity.end() ? ConnectionActivity{} : it->second;
}

}  // namespace opentok_mock
