#pragma once

// One line of text per callback event, for the receiver's report.

#include <string>

#include <opentok/callbacks.h>

namespace webhook_receiver {

// "archive 30b3ebf1-... available", "connectionDestroyed c7b7a2d5-... forceDisconnected",
// ... Ids, statuses and reasons only: connection data and URLs are left out.
std::string Describe(opentok::CallbackEvent const& event);

}  // namespace webhook_receiver
