// The callback-configuration part of the control plane: a project's URL per callback group
// (what the account portal sets for a real project) and its legacy REST registrations.

#include <nlohmann/json.hpp>

#include <string>

#include "callback_json.h"
#include "control_util.h"
#include "opentok_mock/errors.h"
#include "routes.h"

namespace opentok_mock::http {
namespace {

// {"apiKey", "callbacks": {group: url} (groups with a URL), "registrations": [...]}.
void GetCallbacks(httplib::Request const& req, httplib::Response& res, MockService& service) {
  auto api_key = Capture(req, 1);
  auto urls = service.CallbackUrls(api_key);
  if (!urls) return SendError(res, urls.error());
  auto registrations = service.ListCallbacks(api_key);
  if (!registrations) return SendError(res, registrations.error());
  auto callbacks = nlohmann::json::object();
  for (auto const& [group, url] : *urls) callbacks[std::string(ToString(group))] = url;
  auto listed = nlohmann::json::array();
  for (auto const& registration : *registrations) listed.push_back(CallbackRegistrationToJson(registration));
  SendJson(res, 200, {{"apiKey", api_key}, {"callbacks", std::move(callbacks)}, {"registrations", std::move(listed)}});
}

// The groups a path names: one ("/callbacks/archive") or all ("/callbacks"); 400 otherwise.
Result<std::vector<CallbackGroup>> GroupsOf(httplib::Request const& req) {
  if (req.matches.size() < 3 || req.matches[2].length() == 0) {
    return std::vector<CallbackGroup>(std::begin(kAllCallbackGroups), std::end(kAllCallbackGroups));
  }
  auto name = Capture(req, 2);
  auto group = ParseCallbackGroup(name);
  if (!group) {
    return errors::BadRequest("Bad request. Unknown callback group '" + name +
                              "': use archive, broadcast, render, captions, sessionMonitoring or sip.");
  }
  return std::vector<CallbackGroup>{*group};
}

// PUT {"url"}: sets the URL of the group, or of every group.
void PutCallbacks(httplib::Request const& req, httplib::Response& res, MockService& service) {
  auto groups = GroupsOf(req);
  if (!groups) return SendError(res, groups.error());
  std::string url;
  bool ok = ReadBody(req, res, false, [&](JsonFields& fields) -> std::optional<Error> {
    url = fields.String("url").value_or("");
    return std::nullopt;
  });
  if (!ok) return;
  for (auto group : *groups) {
    auto status = service.SetCallbackUrl(Capture(req, 1), group, url);
    if (!status) return SendError(res, status.error());
  }
  GetCallbacks(req, res, service);
}

void DeleteCallbacks(httplib::Request const& req, httplib::Response& res, MockService& service) {
  auto groups = GroupsOf(req);
  if (!groups) return SendError(res, groups.error());
  for (auto group : *groups) {
    auto status = service.ClearCallbackUrl(Capture(req, 1), group);
    if (!status) return SendError(res, status.error());
  }
  SendNoContent(res);
}

}  // namespace

void RegisterCallbackControlRoutes(Router& server, MockService& service) {
  // Group 2 is the optional group name.
  std::string const callbacks = "/_mock/projects/([^/]+)/callbacks(?:/([^/]+))?";
  server.Get("/_mock/projects/([^/]+)/callbacks", Bind(service, GetCallbacks));
  server.Put(callbacks, Bind(service, PutCallbacks));
  server.Delete(callbacks, Bind(service, DeleteCallbacks));
}

}  // namespace opentok_mock::http
