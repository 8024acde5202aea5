// Callbacks (webhooks): reading the bodies the service POSTs to an application's server.
#include "opentok/callbacks.h"

#include "internal/callback_codec.h"

namespace opentok {

CallbackEvent ParseCallback(std::string_view body) { return internal::DecodeCallback(body); }

CallbackInfo const& InfoOf(CallbackEvent const& event) {
  // Only an exception thrown while assigning to the variant leaves it without a value.
  if (event.valueless_by_exception()) throw OpenTokException("InfoOf: the callback event holds no value");
  return std::visit([](auto const& alternative) -> CallbackInfo const& { return alternative.info; }, event);
}

}  // namespace opentok
