#include "opentok_mock/broadcast_transitions.h"

namespace opentok_mock {

std::string_view ToString(BroadcastEvent event) {
  switch (event) {
    case BroadcastEvent::kUserStop: return "user stop";
    case BroadcastEvent::kMaxDuration: return "maximum duration";
    case BroadcastEvent::kSessionEnded: return "session ended";
  }
  return "unknown";
}

}  // namespace opentok_mock
