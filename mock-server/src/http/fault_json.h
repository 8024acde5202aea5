#pragma once

// Fault scripts and rate limits as the control plane reads and shows them (JSON), and how an
// applied fault shapes a REST answer. The rules themselves are the core's (faults.h).

#include <httplib.h>

#include <nlohmann/json_fwd.hpp>

#include <string>

#include "opentok_mock/faults.h"
#include "opentok_mock/result.h"

namespace opentok_mock::http {

// A script from POST /_mock/faults: strict types, unknown members refused (400 naming the
// field). The rules' own checks (ranges, the path regex, ids) are the injector's Add.
Result<FaultScript> FaultScriptFromJson(nlohmann::json const& object);
// The stored script, with "remaining" (null with a probability) and "applied".
nlohmann::json FaultScriptToJson(FaultScript const& script);

// The body of PUT /_mock/rate-limits/{project}.
Result<RateLimit> RateLimitFromJson(std::string project, nlohmann::json const& object);
nlohmann::json RateLimitToJson(RateLimit const& limit);

// An error fault's answer: its status, body (the service's JSON error body by default) and
// headers.
void SendFaultError(httplib::Response& res, FaultAction const& action);

}  // namespace opentok_mock::http
