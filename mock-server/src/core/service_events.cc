// Wire names of the service events' vocabularies, and which callback group an event
// belongs to (see service_events.h).

#include "opentok_mock/service_events.h"

#include <type_traits>

#include "opentok_common/wire_names.h"

namespace opentok_mock {

namespace wire = opentok::common::wire;

std::string_view ToString(CallbackGroup value) {
  switch (value) {
    case CallbackGroup::kArchive: return "archive";
    case CallbackGroup::kBroadcast: return "broadcast";
    case CallbackGroup::kRender: return "render";
    case CallbackGroup::kCaptions: return "captions";
    case CallbackGroup::kSessionMonitoring: return "sessionMonitoring";
    case CallbackGroup::kSip: return "sip";
  }
  return "unknown";
}

std::optional<CallbackGroup> ParseCallbackGroup(std::string_view wire_name) {
  for (auto group : kAllCallbackGroups) {
    if (ToString(group) == wire_name) return group;
  }
  return std::nullopt;
}

std::string_view ToString(MonitoringEventKind value) {
  switch (value) {
    case MonitoringEventKind::kSessionCreated: return "sessionCreated";
    case MonitoringEventKind::kSessionDestroyed: return "sessionDestroyed";
    case MonitoringEventKind::kConnectionCreated: return "connectionCreated";
    case MonitoringEventKind::kConnectionDestroyed: return "connectionDestroyed";
    case MonitoringEventKind::kStreamCreated: return "streamCreated";
    case MonitoringEventKind::kStreamDestroyed: return "streamDestroyed";
  }
  return "unknown";
}

std::string_view ToString(StreamEndReason value) {
  switch (value) {
    case StreamEndReason::kClientDisconnected: return wire::destroyed_reason::kClientDisconnected;
    case StreamEndReason::kForceDisconnected: return wire::destroyed_reason::kForceDisconnected;
    case StreamEndReason::kForceUnpublished: return wire::destroyed_reason::kForceUnpublished;
    case StreamEndReason::kMediaStopped: return wire::destroyed_reason::kMediaStopped;
    case StreamEndReason::kNetworkDisconnected: return wire::destroyed_reason::kNetworkDisconnected;
  }
  return "unknown";
}

std::string_view ToString(SipCallEventKind value) {
  switch (value) {
    case SipCallEventKind::kCallCreated: return "callCreated";
    case SipCallEventKind::kCallDestroyed: return "callDestroyed";
  }
  return "unknown";
}

std::optional<CallbackGroup> GroupOf(ServiceEvent const& event) {
  return std::visit(
      [](auto const& payload) -> std::optional<CallbackGroup> {
        using T = std::decay_t<decltype(payload)>;
        if constexpr (std::is_same_v<T, Archive>) return CallbackGroup::kArchive;
        if constexpr (std::is_same_v<T, Broadcast>) return CallbackGroup::kBroadcast;
        if constexpr (std::is_same_v<T, Render>) return CallbackGroup::kRender;
        if constexpr (std::is_same_v<T, Captions>) return CallbackGroup::kCaptions;
        if constexpr (std::is_same_v<T, MonitoringEvent>) return CallbackGroup::kSessionMonitoring;
        if constexpr (std::is_same_v<T, SipCallEvent>) return CallbackGroup::kSip;
        return std::nullopt;  // AudioConnectorEvent: no callback
      },
      event.payload);
}

std::string_view EventName(ServiceEvent const& event) {
  return std::visit(
      [](auto const& payload) -> std::string_view {
        using T = std::decay_t<decltype(payload)>;
        if constexpr (std::is_same_v<T, MonitoringEvent>) return ToString(payload.kind);
        if constexpr (std::is_same_v<T, SipCallEvent>) return ToString(payload.kind);
        if constexpr (std::is_same_v<T, Archive>) return "archive";
        if constexpr (std::is_same_v<T, Broadcast>) return "broadcast";
        if constexpr (std::is_same_v<T, Render>) return "render";
        if constexpr (std::is_same_v<T, Captions>) return "captions";
        return "audioConnector";
      },
      event.payload);
}

}  // namespace opentok_mock
