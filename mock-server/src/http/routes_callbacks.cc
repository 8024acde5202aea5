// Legacy callback registration (the Node SDK's registerCallback, listCallbacks and
// unregisterCallback): callbacks.js in the opentok npm package posts {group, event, url},
// reads the answer as the registration and a GET as an array of them.

#include <nlohmann/json.hpp>

#include "callback_json.h"
#include "http_util.h"
#include "rest_call.h"

namespace opentok_mock::http {
namespace {

void Register(RestCall& call) {
  auto json = ParseJsonObject(call.req.body, false);
  if (!json) return SendError(call.res, json.error());
  JsonFields fields(*json, "");
  auto group = fields.String("group").value_or("");
  auto event = fields.String("event").value_or("");
  auto url = fields.String("url").value_or("");
  if (auto error = fields.Finish()) return SendError(call.res, *error);
  auto registration = call.service.RegisterCallback(call.api_key, std::move(group), std::move(event), std::move(url));
  if (!registration) return SendError(call.res, registration.error());
  SendJson(call.res, 200, CallbackRegistrationToJson(*registration));
}

void List(RestCall& call) {
  auto registrations = call.service.ListCallbacks(call.api_key);
  if (!registrations) return SendError(call.res, registrations.error());
  auto items = nlohmann::json::array();
  for (auto const& registration : *registrations) items.push_back(CallbackRegistrationToJson(registration));
  SendJson(call.res, 200, items);  // a bare array: the SDK maps over the body
}

void Unregister(RestCall& call) {
  auto status = call.service.UnregisterCallback(call.api_key, call.Param(1));
  if (!status) return SendError(call.res, status.error());
  SendNoContent(call.res);
}

constexpr RestRoute kRoutes[] = {
    {"POST", "/callback", "callback.register", Register},
    {"GET", "/callback", "callback.list", List},
    {"DELETE", "/callback/{callbackId}", "callback.unregister", Unregister},
};

}  // namespace

std::span<RestRoute const> CallbackRoutes() { return kRoutes; }

}  // namespace opentok_mock::http
