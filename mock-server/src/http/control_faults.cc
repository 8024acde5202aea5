// The /_mock/faults and /_mock/rate-limits part of the control plane (docs/fault-injection.md).

#include <nlohmann/json.hpp>

#include "control_util.h"
#include "fault_json.h"
#include "opentok_mock/errors.h"
#include "routes.h"

namespace opentok_mock::http {
namespace {

nlohmann::json Listing(nlohmann::json items) {
  auto count = items.size();
  return {{"count", count}, {"items", std::move(items)}};
}

void AddScript(httplib::Request const& req, httplib::Response& res, FaultInjector& faults) {
  auto json = ParseJsonObject(req.body, false);
  if (!json) return SendError(res, json.error());
  auto script = FaultScriptFromJson(*json);
  if (!script) return SendError(res, script.error());
  auto stored = faults.Add(std::move(*script));
  if (!stored) return SendError(res, stored.error());
  SendJson(res, 201, FaultScriptToJson(*stored));
}

void ListScripts(httplib::Response& res, FaultInjector const& faults) {
  nlohmann::json items = nlohmann::json::array();
  for (auto const& script : faults.List()) items.push_back(FaultScriptToJson(script));
  SendJson(res, 200, Listing(std::move(items)));
}

void PutRateLimit(httplib::Request const& req, httplib::Response& res, FaultInjector& faults) {
  auto json = ParseJsonObject(req.body, false);
  if (!json) return SendError(res, json.error());
  auto limit = RateLimitFromJson(Capture(req, 1), *json);
  if (!limit) return SendError(res, limit.error());
  auto stored = faults.SetRateLimit(std::move(*limit));
  if (!stored) return SendError(res, stored.error());
  SendJson(res, 200, RateLimitToJson(*stored));
}

void ListRateLimits(httplib::Response& res, FaultInjector const& faults) {
  nlohmann::json items = nlohmann::json::array();
  for (auto const& limit : faults.RateLimits()) items.push_back(RateLimitToJson(limit));
  SendJson(res, 200, Listing(std::move(items)));
}

}  // namespace

void RegisterFaultControlRoutes(Router& server, FaultInjector& faults) {
  server.Post("/_mock/faults", [&faults](httplib::Request const& req, httplib::Response& res) { AddScript(req, res, faults); });
  server.Get("/_mock/faults", [&faults](httplib::Request const&, httplib::Response& res) { ListScripts(res, faults); });
  server.Delete("/_mock/faults", [&faults](httplib::Request const&, httplib::Response& res) {
    faults.ClearScripts();
    SendNoContent(res);
  });
  server.Delete("/_mock/faults/([^/]+)", [&faults](httplib::Request const& req, httplib::Response& res) {
    if (!faults.Remove(Capture(req, 1))) return SendError(res, errors::NotFound("Not found. No fault script has that id."));
    SendNoContent(res);
  });

  std::string const limit = "/_mock/rate-limits/([^/]+)";
  server.Put(limit, [&faults](httplib::Request const& req, httplib::Response& res) { PutRateLimit(req, res, faults); });
  server.Get("/_mock/rate-limits", [&faults](httplib::Request const&, httplib::Response& res) { ListRateLimits(res, faults); });
  server.Delete(limit, [&faults](httplib::Request const& req, httplib::Response& res) {
    if (!faults.ClearRateLimit(Capture(req, 1))) {
      return SendError(res, errors::NotFound("Not found. The project has no rate limit."));
    }
    SendNoContent(res);
  });
}

}  // namespace opentok_mock::http
