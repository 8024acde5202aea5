#pragma once

// JSON of callback (webhook) bodies: the `event` member picks the reader; status objects
// reuse the REST codecs, so a callback's archive is read exactly like GetArchive's.

#include <string_view>

#include "opentok/callbacks.h"

namespace opentok::internal {

// Throws InvalidCallbackException (never quoting the body) for a body it cannot read.
CallbackEvent DecodeCallback(std::string_view body);

}  // namespace opentok::internal
