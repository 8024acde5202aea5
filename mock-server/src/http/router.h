#pragma once

// The mock's request router: method + regular-expression routes, and the one entry point
// every request goes through (the socket layer, fuzz targets, tests), so that the checks
// before routing and the JSON error answers are the same whoever delivers the request.

#include <httplib.h>

#include <functional>
#include <memory>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "opentok_mock/errors.h"

namespace opentok_mock {
class FaultInjector;
class MockService;
}

namespace opentok_mock::http {

class CallbackDispatcher;

// How the serving layer puts a dispatched answer on the wire. Only fault injection (faults.h)
// asks for anything but kAnswer, to play a failing network or front end; it is a value the
// router returns, never a header, so nothing of it can reach a client.
enum class Delivery {
  kAnswer,    // the whole answer
  kClose,     // no answer: the connection is closed once the request is read
  kTruncate,  // the status line and headers (with the full Content-Length), half the body, then the close
};

class Router {
 public:
  using Handler = std::function<void(httplib::Request const&, httplib::Response&)>;
  // A handler that may ask for another delivery than the whole answer.
  using DeliveringHandler = std::function<void(httplib::Request const&, httplib::Response&, Delivery&)>;
  // Called for every error answer the router (or the serving layer, through Reject) makes
  // without a route: unmatched paths, rejected requests. The mock journals REST ones.
  using ErrorObserver = std::function<void(httplib::Request const&, httplib::Response const&)>;

  // Patterns are ECMAScript regular expressions matched against the whole decoded path;
  // req.matches holds the groups. Each distinct pattern is compiled once per process.
  Router& Get(std::string const& pattern, Handler h);
  Router& Post(std::string const& pattern, Handler h);
  Router& Put(std::string const& pattern, Handler h);
  Router& Patch(std::string const& pattern, Handler h);
  Router& Delete(std::string const& pattern, Handler h);
  // `method` is GET, POST, PUT, PATCH or DELETE (std::invalid_argument otherwise).
  Router& Add(std::string_view method, std::string const& pattern, DeliveringHandler h);

  struct RouteInfo {
    std::string method;
    std::string pattern;
  };
  std::vector<RouteInfo> Routes() const;  // in registration order

  void SetErrorObserver(ErrorObserver observer) { error_observer_ = std::move(observer); }

  // The one entry for every request. Before routing: a malformed percent escape in the
  // target is 400; a decoded path that is not valid UTF-8 is 400 naming the path; repeated
  // slashes collapse (`//session/create` is `/session/create`, as a base URL with a trailing
  // slash produces). HEAD is served by the GET route, with Content-Length and no body. No
  // route: 404 (405 for a method no route can have), JSON error body. A handler's exception
  // is a JSON 500 that never shows what(). An error status left without a body gets the
  // JSON error body. Never throws. Returns how the answer is to be delivered (an answer that
  // failed with a 500 is always delivered whole).
  Delivery Dispatch(httplib::Request& req, httplib::Response& res) const;

  // An error answer for a request that is refused before routing (the serving layer's 400,
  // 408, 413, 414, 431, 503): the JSON error body, and the error observer is told.
  void Reject(httplib::Request const& req, httplib::Response& res, Error const& error) const;

 private:
  struct Route {
    std::string method;
    std::string pattern;
    std::string literal_prefix;  // a path that does not start with it cannot match
    std::shared_ptr<std::regex const> regex;
    DeliveringHandler handler;
  };
  Router& AddRoute(std::string_view method, std::string const& pattern, DeliveringHandler h);
  bool MatchAndRun(httplib::Request& req, httplib::Response& res, std::string const& method, Delivery& delivery) const;
  void Unhandled(httplib::Request const& req, httplib::Response& res, int status) const;

  std::vector<Route> routes_;
  ErrorObserver error_observer_;
};

// The message of the JSON error body for a status that has no more specific one.
std::string DefaultErrorMessage(int status);

// Every route of a mock (REST + control plane + callback log) on a router, no sockets, and
// the journal entry for unmatched or rejected REST requests. `on_reset` runs before the
// service's Reset on POST /_mock/reset. With `faults`, the REST routes go through its
// scripts and rate limits and the control plane has /_mock/faults and /_mock/rate-limits.
void RegisterMockRoutes(Router& router, MockService& service, CallbackDispatcher& callbacks,
                        std::function<void()> on_reset, FaultInjector* faults = nullptr);

}  // namespace opentok_mock::http
