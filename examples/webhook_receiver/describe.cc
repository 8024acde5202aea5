#include "describe.h"

#include <string_view>
#include <type_traits>
#include <variant>

namespace webhook_receiver {
namespace {

std::string Line(opentok::CallbackInfo const& info, std::string_view id, std::string_view detail) {
  std::string line = info.event;
  line.append(" ").append(id.empty() ? info.session_id : id);
  if (!detail.empty()) line.append(" ").append(detail);
  return line;
}

// The *Destroyed events say why; the *Created ones have no reason.
template <typename Event>
std::string_view Reason(Event const& event) {
  if constexpr (requires { event.reason_name; }) {
    return event.reason_name;
  } else {
    return {};
  }
}

}  // namespace

std::string Describe(opentok::CallbackEvent const& event) {
  return std::visit(
      [](auto const& e) -> std::string {
        using Event = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<Event, opentok::ArchiveStatusEvent>) {
          return Line(e.info, e.archive.id, e.archive.status_name);
        } else if constexpr (std::is_same_v<Event, opentok::BroadcastStatusEvent>) {
          return Line(e.info, e.broadcast.id, e.broadcast.status_name);
        } else if constexpr (std::is_same_v<Event, opentok::RenderStatusEvent>) {
          return Line(e.info, e.render.id, e.render.status_name);
        } else if constexpr (std::is_same_v<Event, opentok::CaptionsStatusEvent>) {
          return Line(e.info, e.captions.id, e.captions.status_name);
        } else if constexpr (requires { e.connection; }) {
          return Line(e.info, e.connection.id, Reason(e));
        } else if constexpr (requires { e.stream; }) {
          return Line(e.info, e.stream.id, Reason(e));
        } else if constexpr (requires { e.call; }) {
          return Line(e.info, e.call.id, Reason(e));
        } else {
          return Line(e.info, "", "");  // sessionCreated, sessionDestroyed: the session id
        }
      },
      event);
}

}  // namespace webhook_receiver
