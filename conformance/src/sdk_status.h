#pragma once

#include "opentok/errors.h"
#include "target.h"

namespace opentok::conformance {

// The HTTP status of one SDK call: the wire status on success (the recorder saw it), the
// exception's on an error answer. How the suite checks exact codes (200 vs 204) of calls
// it makes through the SDK.
template <typename Call>
int StatusOf(Call&& call) {
  try {
    call();
    return CurrentTarget().recorder().last_status();
  } catch (RequestException const& e) {
    return e.http_status();
  }
}

}  // namespace opentok::conformance
