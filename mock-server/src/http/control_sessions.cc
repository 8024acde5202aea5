// The session-control part of the /_mock control plane: what each simulated connection
// received (signals, DTMF digits) and the SIP calls in progress. Who left and why, the
// mute-all state and muted streams are in the session view (GET /_mock/sessions/{sid}).

#include <nlohmann/json.hpp>

#include <string>

#include "control_util.h"
#include "routes.h"
#include "session_control_json.h"

namespace opentok_mock::http {
namespace {

void Signals(httplib::Request const& req, httplib::Response& res, MockService& service) {
  auto activity = service.GetConnectionActivity(Capture(req, 1), Capture(req, 2));
  if (!activity) return SendError(res, activity.error());
  SendJson(res, 200, SignalsToJson(Capture(req, 2), *activity));
}

void Dtmf(httplib::Request const& req, httplib::Response& res, MockService& service) {
  auto activity = service.GetConnectionActivity(Capture(req, 1), Capture(req, 2));
  if (!activity) return SendError(res, activity.error());
  SendJson(res, 200, DtmfToJson(Capture(req, 2), *activity));
}

void SipCalls(httplib::Request const& req, httplib::Response& res, MockService& service) {
  auto calls = service.SipCalls(Capture(req, 1));
  if (!calls) return SendError(res, calls.error());
  auto items = nlohmann::json::array();
  for (auto const& call : *calls) items.push_back(SipCallControlJson(call));
  SendJson(res, 200, {{"count", items.size()}, {"items", std::move(items)}});
}

}  // namespace

void RegisterSessionControlRoutes(Router& server, MockService& service) {
  std::string const connection = "/_mock/sessions/([^/]+)/connections/([^/]+)";
  server.Get(connection + "/signals", Bind(service, Signals));
  server.Get(connection + "/dtmf", Bind(service, Dtmf));
  server.Get("/_mock/sessions/([^/]+)/sip-calls", Bind(service, SipCalls));
}

}  // namespace opentok_mock::http
