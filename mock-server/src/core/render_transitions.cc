#include "opentok_mock/render_transitions.h"

namespace opentok_mock {

std::string_view ToString(RenderEvent event) {
  switch (event) {
    case RenderEvent::kLoaded: return "page loaded";
    case RenderEvent::kLoadFailed: return "page load failed";
    case RenderEvent::kUserStop: return "user stop";
    case RenderEvent::kMaxDuration: return "maximum duration";
    case RenderEvent::kConnectionLeft: return "connection left";
    case RenderEvent::kSystemFailure: return "system failure";
  }
  return "unknown";
}

}  // namespace opentok_mock
