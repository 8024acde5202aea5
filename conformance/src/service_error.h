#pragma once

#include <gtest/gtest.h>

#include <string>
#include <typeinfo>

#include "opentok/errors.h"

namespace opentok::conformance {

// Checks (gtest EXPECTs, attributed to the calling check) that an SDK call fails with the
// exception `E` for the service's error answer `status`, carrying the service's message.
// Returns the answer's error code (RequestException::error_code()), or 0 when the call did
// not fail as expected. `what` names the call in failure messages.
template <typename E, typename Call>
int ExpectServiceError(int status, std::string const& what, Call&& call) {
  try {
    call();
    ADD_FAILURE() << what << ": accepted; expected " << status;
  } catch (E const& e) {
    EXPECT_EQ(e.http_status(), status) << what;
    EXPECT_FALSE(e.service_message().empty()) << what << ": the " << e.http_status() << " carries no message";
    return e.error_code();
  } catch (RequestException const& e) {
    ADD_FAILURE() << what << ": expected " << status << " (" << typeid(E).name() << "), got " << e.http_status()
                  << ": " << e.service_message();
  }
  return 0;
}

}  // namespace opentok::conformance
