#include "opentok_mock/captions_transitions.h"

namespace opentok_mock {

std::string_view ToString(CaptionsEvent event) {
  switch (event) {
    case CaptionsEvent::kUserStop: return "user stop";
    case CaptionsEvent::kMaxDuration: return "maximum duration";
    case CaptionsEvent::kSystemFailure: return "system failure";
  }
  return "unknown";
}

}  // namespace opentok_mock
