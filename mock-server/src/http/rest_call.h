#pragma once

// The REST surface as a table: each family's routes file (routes_sessions.cc,
// routes_archives.cc, routes_broadcasts.cc, routes_streams.cc) lists its rows, and
// rest_routes.cc registers them all with auth and the journal. The journal's operation
// names and the route tests read the same rows, and a test compares them with the REST table
// of docs/mock-rest-surface.md.

#include <httplib.h>

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "opentok_mock/service.h"

namespace opentok_mock::http {

// One authenticated REST request on its way through a route's handler.
struct RestCall {
  httplib::Request const& req;
  httplib::Response& res;
  MockService& service;
  std::string api_key;         // the authenticated project
  std::string_view operation;  // the journal's name; a handler may refine it (see the PHP quirk in routes_archives.cc)

  // The path segment captured for the route's n-th {placeholder} (1-based).
  std::string Param(int n) const { return req.matches[n + (project_scoped ? 1 : 0)].str(); }
  bool project_scoped = true;
};

using RestHandler = void (*)(RestCall&);

// One row of the REST surface. `path` is written as documented, after the project prefix
// for project-scoped routes ("/archive/{archiveId}/layout"); each {name} matches one path
// segment. Every path also answers with a trailing slash, and project-scoped ones under
// both "/v2/project/{key}" and the legacy "/v2/partner/{key}".
struct RestRoute {
  std::string_view method;  // GET, POST, PUT, PATCH or DELETE
  std::string_view path;
  std::string_view operation;
  RestHandler handler;
  bool project_scoped = true;
};

std::span<RestRoute const> SessionRoutes();
std::span<RestRoute const> ArchiveRoutes();
std::span<RestRoute const> BroadcastRoutes();
std::span<RestRoute const> StreamRoutes();
std::span<RestRoute const> SignalRoutes();
std::span<RestRoute const> ModerationRoutes();
std::span<RestRoute const> SipRoutes();
std::span<RestRoute const> CaptionsRoutes();
std::span<RestRoute const> RenderRoutes();
std::span<RestRoute const> AudioConnectorRoutes();
std::span<RestRoute const> CallbackRoutes();
// Every family's rows, in registration order.
std::vector<RestRoute> RestRoutes();

// The route's path as a regular expression for httplib (full match).
std::string RoutePattern(RestRoute const& route);

}  // namespace opentok_mock::http
