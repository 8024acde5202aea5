#pragma once

#include <httplib.h>

#include "opentok_mock/mock_server.h"
#include "router.h"

namespace opentok_mock::http {

// How a mock server sets up cpp-httplib, without any route. Shared with the bare cpp-httplib
// server of the benchmarks, so that its figures are the ceiling of exactly this setup.

// Worker pool, TCP_NODELAY, keep-alive limits, payload limit, timeouts.
void ConfigureServer(httplib::Server& http, MockServerOptions const& options);

// Every request (any method, any path) goes to router.Dispatch; requests httplib refuses
// itself (400, 413, 414) get the router's JSON error.
void ServeWithRouter(httplib::Server& http, Router const& router);

// Binds and listens on host:port (0: an ephemeral port); returns the port, or -1. Only
// SO_REUSEADDR (no SO_REUSEPORT), and a listen backlog of SOMAXCONN.
int BindServer(httplib::Server& http, std::string const& host, int port);

}  // namespace opentok_mock::http
