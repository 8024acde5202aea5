// Registers the REST route table (rest_call.h) with what every REST request gets: auth
// (403 with the service's message) and a journal entry (no headers or bodies, redacted
// query), under every prefix and with or without a trailing slash.

#include <optional>
#include <string>
#include <thread>

#include "fault_json.h"
#include "http_util.h"
#include "opentok_mock/errors.h"
#include "rest_call.h"
#include "routes.h"

namespace opentok_mock::http {
namespace {

// "/v2/project/{key}" and the legacy "/v2/partner/{key}"; group 1 is the key.
constexpr char kProjectPrefix[] = R"(/v2/(?:project|partner)/([^/]+))";

// Faults and rate limits act after routing (a script can name the operation) and after the
// credentials are read, so that a script's "project" is the project the request names (the
// URL's key, or the token's owner on /session/create); but whatever the auth verdict, since
// the gateways and network they stand for fail a request before the service checks its
// credentials. Rate limits count authenticated requests only, as a per-account limit does.
// True when the fault's answer is final (an error, or a close with no answer).
bool ApplyFault(AppliedFault const& fault, httplib::Response& res, Delivery& delivery) {
  switch (fault.action.type) {
    case FaultType::kError:
      SendFaultError(res, fault.action);
      return true;
    case FaultType::kClose:
      delivery = Delivery::kClose;
      return true;
    case FaultType::kDelay:
      // Wall-clock time, on the worker: the client waits as for a slow service.
      std::this_thread::sleep_for(fault.action.delay);
      return false;
    case FaultType::kPartial:
      delivery = Delivery::kTruncate;
      return false;
  }
  return false;
}

void SendRateLimited(httplib::Response& res, RateLimited const& refused) {
  SendError(res, Error{429, 429, refused.message});
  res.set_header("Retry-After", std::to_string(refused.retry_after_s));
}

Router::DeliveringHandler Authenticated(MockService& service, FaultInjector* faults, RestRoute const& route) {
  return [&service, faults, route](httplib::Request const& req, httplib::Response& res, Delivery& delivery) {
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
    entry.auth_verdict = verdict.ok ? "ok" : "rejected";
    if (!verdict.ok) entry.auth_message = verdict.message;
    entry.operation = route.operation;
    auto record = [&service, &entry](int status) {
      entry.status = status;
      service.journal().Record(std::move(entry));
    };

    std::optional<AppliedFault> fault;
    if (faults != nullptr) {
      fault = faults->Decide({req.method, req.path, route.operation, entry.api_key, HeaderValue(req, "X-Mock-Fault")});
    }
    if (fault) {
      entry.fault = fault->JournalName();
      if (ApplyFault(*fault, res, delivery)) return record(delivery == Delivery::kClose ? 0 : res.status);
    }
    RestCall call{req, res, service, verdict.api_key, route.operation, route.project_scoped};
    if (!verdict.ok) {
      SendError(res, errors::Forbidden(verdict.message));
    } else if (auto refused = faults != nullptr ? faults->Admit(verdict.api_key, route.operation) : std::nullopt) {
      entry.fault += entry.fault.empty() ? "rate-limit" : ",rate-limit";
      SendRateLimited(res, *refused);
    } else {
      try {
        route.handler(call);
      } catch (...) {
        entry.operation = call.operation;
        record(500);
        throw;
      }
    }
    if (fault && fault->action.type == FaultType::kPartial && fault->action.status != 0) {
      res.status = fault->action.status;
    }
    entry.operation = call.operation;
    record(res.status);
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

void RegisterRestRoutes(Router& server, MockService& service, FaultInjector* faults) {
  for (auto const& route : RestRoutes()) server.Add(route.method, RoutePattern(route), Authenticated(service, faults, route));
}

}  // namespace opentok_mock::http
