#pragma once

#include <httplib.h>

#include "opentok_mock/mock_server.h"
#include "serving/connection_server.h"

namespace opentok_mock::http {

// The mock's serving options from its MockServerOptions (serving/connection_server.h).
serving::ConnectionServerOptions ServingOptionsFor(MockServerOptions const& options);

// How the benchmarks' bare cpp-httplib servers are set up, without any route: the options
// the mock used when cpp-httplib's server served it (its figures are the ceiling the mock's
// own server is compared with).

// Worker pool, TCP_NODELAY, keep-alive limits, payload limit, timeouts.
void ConfigureServer(httplib::Server& http, MockServerOptions const& options);

// Binds and listens on host:port (0: an ephemeral port); returns the port, or -1. Only
// SO_REUSEADDR (no SO_REUSEPORT), and a listen backlog of SOMAXCONN.
int BindServer(httplib::Server& http, std::string const& host, int port);

}  // namespace opentok_mock::http
