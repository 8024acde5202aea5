// Registers the REST route table (rest_call.h) with what every REST request gets: auth
// (403 with the service's message) and a journal entry (no headers or bodies, redacted
// query), under every prefix and with or without a trailing slash.

#include <string>

#include "http_util.h"
#include "opentok_mock/errors.h"
#include "rest_call.h"
#include "routes.h"

namespace opentok_mock::http {
namespace {

// "/v2/project/{key}" and the legacy "/v2/partner/{key}"; group 1 is the key.
constexpr char kProjectPrefix[] = R"(/v2/(?:project|partner)/([^/]+))";

Router::Handler Authenticated(MockService& service, RestRoute const& route) {
  return [&service, route](httplib::Request const& req, httplib::Response& res) {
    JournalEntry entry = NewJournalEntry(req, service);
    std::string path_key = route.project_scoped ? req.matches[1].str() : std::string();
    entry.api_key = path_key;

    auto opentok_auth = HeaderValue(req, "X-OPENTOK-AUTH");
    auto partner_auth = HeaderValue(req, "X-TB-PARTNER-AUTH");
    auto authorization = HeaderValue(req, "Authorization");
    auto verdict = service.AuthenticateRest({opentok_auth, partner_auth, authorization}, path_key);
    if (entry.api_key.empty()) entry.api_key = verdict.api_key;
    entry.credential = verdict.credential;
    entry.auth_header = verdict.header;
    RestCall call{req, res, service, verdict.api_key, route.operation, route.project_scoped};
    if (!verdict.ok) {
      entry.auth_verdict = "rejected";
      entry.auth_message = verdict.message;
      SendError(res, errors::Forbidden(verdict.message));
    } else {
      entry.auth_verdict = "ok";
      try {
        route.handler(call);
      } catch (...) {
        entry.operation = call.operation;
        entry.status = 500;
        service.journal().Record(std::move(entry));
        throw;
      }
    }
    entry.operation = call.operation;
    entry.status = res.status;
    service.journal().Record(std::move(entry));
  };
}

}  // namespace

std::string RoutePattern(RestRoute const& route) {
  std::string pattern = route.project_scoped ? kProjectPrefix : "";
  for (std::size_t i = 0; i < route.path.size(); ++i) {
    if (route.path[i] == '{') {
      pattern += "([^/]+)";
      i = route.path.find('}', i);
    } else {
      pattern += route.path[i];
    }
  }
  return pattern + "/?";
}

std::vector<RestRoute> RestRoutes() {
  std::vector<RestRoute> all;
  for (auto family : {SessionRoutes(), ArchiveRoutes(), BroadcastRoutes(), StreamRoutes(), SignalRoutes(),
                      ModerationRoutes(), SipRoutes(), CaptionsRoutes(), RenderRoutes(),
                      AudioConnectorRoutes(), CallbackRoutes()}) {
    all.insert(all.end(), family.begin(), family.end());
  }
  return all;
}

void RegisterRestRoutes(Router& server, MockService& service) {
  for (auto const& route : RestRoutes()) {
    auto pattern = RoutePattern(route);
    auto handler = Authenticated(service, route);
    if (route.method == "GET") {
      server.Get(pattern, std::move(handler));
    } else if (route.method == "POST") {
      server.Post(pattern, std::move(handler));
    } else if (route.method == "PUT") {
      server.Put(pattern, std::move(handler));
    } else if (route.method == "PATCH") {
      server.Patch(pattern, std::move(handler));
    } else if (route.method == "DELETE") {
      server.Delete(pattern, std::move(handler));
    } else {
      throw std::logic_error("REST route table: unknown method " + std::string(route.method));
    }
  }
}

}  // namespace opentok_mock::http
