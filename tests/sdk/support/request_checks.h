#pragma once

#include <nlohmann/json.hpp>

#include <string>

#include "opentok/http_transport.h"

namespace opentok::testing_util {

// The headers every REST request of a TestClient carries: the X-OPENTOK-AUTH JWT, decoded
// and its signature checked with OpenSSL (claims iss, ist, iat = kNow, exp = kNow + 300,
// `expected_jti`), the User-Agent and Accept.
void ExpectCommonHeaders(HttpRequest const& request, std::string const& expected_jti);

// Method, URL, common headers, a JSON Content-Type and a body equal (as JSON, so member
// order does not matter) to `expected_body`.
void ExpectJsonRequest(HttpRequest const& request, HttpMethod method, std::string const& url,
                       std::string const& expected_body);

// Method, URL, common headers, no body and no Content-Type.
void ExpectBodilessRequest(HttpRequest const& request, HttpMethod method, std::string const& url);

}  // namespace opentok::testing_util
