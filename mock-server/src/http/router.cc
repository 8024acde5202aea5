#include "router.h"

#include <map>
#include <mutex>
#include <stdexcept>
#include <string_view>

#include "http_util.h"
#include "opentok_mock/utf8.h"

namespace opentok_mock::http {
namespace {

// Compiling the ~110 route patterns took most of a MockServer's start (about 10 ms): each
// distinct pattern is compiled once per process and shared, read-only, by every router.
std::shared_ptr<std::regex const> CompiledPattern(std::string const& pattern) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<std::regex const>, std::less<>> cache;
  std::lock_guard lock(mutex);
  auto& slot = cache[pattern];
  if (!slot) slot = std::make_shared<std::regex const>(pattern, std::regex::ECMAScript);
  return slot;
}

// The literal characters a pattern starts with: a cheap test that skips most regex matches.
std::string LiteralPrefix(std::string const& pattern) {
  std::string prefix;
  for (char c : pattern) {
    if (std::string_view("()[].*+?{}\\|^$").find(c) != std::string_view::npos) {
      // A quantifier applies to the character before it, which is then not required.
      if (!prefix.empty() && std::string_view("*+?{").find(c) != std::string_view::npos) prefix.pop_back();
      break;
    }
    prefix += c;
  }
  return prefix;
}

// The path as printable ASCII for an error message: other bytes as %XX.
std::string Printable(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : path) {
    auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c >= 0x7F || c == '%') {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    } else {
      out += ch;
    }
  }
  return out;
}

void CollapseSlashes(std::string& path) {
  if (path.find("//") == std::string::npos) return;
  std::string out;
  out.reserve(path.size());
  for (char c : path) {
    if (c == '/' && !out.empty() && out.back() == '/') continue;
    out += c;
  }
  path = std::move(out);
}

bool KnownMethod(std::string const& method) {
  for (char const* known : {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}) {
    if (method == known) return true;
  }
  return false;
}

}  // namespace

std::string DefaultErrorMessage(int status) {
  switch (status) {
    case 400: return "Bad request.";
    case 404: return "Not found. The requested resource does not exist.";
    case 405: return "Method not allowed.";
    case 408: return "Request timeout.";
    case 413: return "Request entity too large.";
    case 414: return "Request URI too long.";
    case 429: return "Too many requests.";
    case 431: return "Request header fields too large.";
    case 500: return "Internal server error.";
    case 502: return "Bad gateway.";
    case 503: return "Service unavailable.";
    case 504: return "Gateway timeout.";
    default: return "Request failed.";
  }
}

Router& Router::AddRoute(std::string_view method, std::string const& pattern, DeliveringHandler h) {
  routes_.push_back({std::string(method), pattern, LiteralPrefix(pattern), CompiledPattern(pattern), std::move(h)});
  return *this;
}

Router& Router::Add(std::string_view method, std::string const& pattern, DeliveringHandler h) {
  for (char const* known : {"GET", "POST", "PUT", "PATCH", "DELETE"}) {
    if (method == known) return AddRoute(method, pattern, std::move(h));
  }
  throw std::invalid_argument("Router: a route cannot have the method " + std::string(method));
}

namespace {
Router::DeliveringHandler AnswersWhole(Router::Handler h) {
  return [h = std::move(h)](httplib::Request const& req, httplib::Response& res, Delivery&) { h(req, res); };
}
}  // namespace

Router& Router::Get(std::string const& pattern, Handler h) { return AddRoute("GET", pattern, AnswersWhole(std::move(h))); }
Router& Router::Post(std::string const& pattern, Handler h) { return AddRoute("POST", pattern, AnswersWhole(std::move(h))); }
Router& Router::Put(std::string const& pattern, Handler h) { return AddRoute("PUT", pattern, AnswersWhole(std::move(h))); }
Router& Router::Patch(std::string const& pattern, Handler h) { return AddRoute("PATCH", pattern, AnswersWhole(std::move(h))); }
Router& Router::Delete(std::string const& pattern, Handler h) { return AddRoute("DELETE", pattern, AnswersWhole(std::move(h))); }

std::vector<Router::RouteInfo> Router::Routes() const {
  std::vector<RouteInfo> all;
  all.reserve(routes_.size());
  for (auto const& route : routes_) all.push_back({route.method, route.pattern});
  return all;
}

bool Router::MatchAndRun(httplib::Request& req, httplib::Response& res, std::string const& method,
                         Delivery& delivery) const {
  for (auto const& route : routes_) {
    if (route.method != method || req.path.compare(0, route.literal_prefix.size(), route.literal_prefix) != 0) continue;
    if (std::regex_match(req.path, req.matches, *route.regex)) {
      route.handler(req, res, delivery);
      return true;
    }
  }
  return false;
}

void Router::Unhandled(httplib::Request const& req, httplib::Response& res, int status) const {
  Reject(req, res, Error{status, -1, DefaultErrorMessage(status)});
}

void Router::Reject(httplib::Request const& req, httplib::Response& res, Error const& error) const {
  SendError(res, error);
  if (error_observer_) error_observer_(req, res);
}

Delivery Router::Dispatch(httplib::Request& req, httplib::Response& res) const {
  Delivery delivery = Delivery::kAnswer;
  try {
    // Malformed escapes anywhere in the target are refused before routing, so that no
    // handler ever sees a half-decoded id.
    if (HasBadPercentEncoding(req.target)) {
      SendError(res, errors::BadRequest("Bad request. The request target has a malformed percent-encoding."));
      return delivery;
    }
    if (!IsValidUtf8(req.path)) {
      SendError(res, errors::BadRequest("Bad request. The request path " + Printable(req.path) +
                                        " is not valid UTF-8 once percent-decoded."));
      return delivery;
    }
    CollapseSlashes(req.path);
    bool head = req.method == "HEAD";
    if (!KnownMethod(req.method)) {
      Unhandled(req, res, 405);
      return delivery;
    }
    if (!MatchAndRun(req, res, head ? "GET" : req.method, delivery)) {
      Unhandled(req, res, 404);
      return delivery;
    }
    if (res.status == -1) res.status = 200;
    // A route that set an error status without a body (or a bodyless 4xx) still answers JSON.
    if (res.status >= 400 && res.body.empty()) SendError(res, Error{res.status, -1, DefaultErrorMessage(res.status)});
    if (head) {
      res.set_header("Content-Length", std::to_string(res.body.size()));
      res.body.clear();
    }
  } catch (...) {
    delivery = Delivery::kAnswer;
    // Never the exception's text: it may hold internals (and is not the service's format).
    try {
      res = httplib::Response();
      SendError(res, Error{500, -1, "Internal server error."});
    } catch (...) {
      res.status = 500;
    }
  }
  return delivery;
}

}  // namespace opentok_mock::http
