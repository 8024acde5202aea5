#pragma once

#include <nlohmann/json.hpp>

#include <string>

#include "opentok/http_transport.h"

namespace opentok::conformance {

// Checks (gtest EXPECTs, attributed to the calling check) that `response` is an error
// answer of the service's form: `status`, Content-Type application/json and a JSON object
// with a non-empty `message` and, when present, an integer `code` (ExpectErrorBody).
// `what` names the request in failure messages.
void ExpectErrorAnswer(HttpResponse const& response, int status, std::string const& what);

// The body of a 2xx JSON answer, with Content-Type application/json; fails the calling check
// (ADD_FAILURE) and returns an empty object when the status is not `status` or the body is not
// a JSON object (ExpectJsonObjectAnswer).
nlohmann::json ExpectJsonAnswer(HttpResponse const& response, int status, std::string const& what);

}  // namespace opentok::conformance
