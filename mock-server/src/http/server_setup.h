#pragma once

#include <httplib.h>

#include "opentok_mock/mock_server.h"

namespace opentok_mock::http {

// The cpp-httplib settings of a mock server (worker pool, TCP_NODELAY, socket options,
// keep-alive limits, payload limit, timeouts), without any route. Shared with the bare
// cpp-httplib server of the benchmarks, so that its figures are the ceiling of exactly
// this configuration.
void ConfigureServer(httplib::Server& http, MockServerOptions const& options);

}  // namespace opentok_mock::http
