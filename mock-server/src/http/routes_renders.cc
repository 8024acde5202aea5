// Experience Composer renders: start, get, list and stop.

#include <nlohmann/json.hpp>

#include "http_util.h"
#include "media_json.h"
#include "opentok_mock/errors.h"
#include "request_parsers.h"
#include "rest_call.h"

namespace opentok_mock::http {
namespace {

// {"sessionId", "token", "url", "maxDuration"?, "resolution"?, "statusCallbackUrl"?,
// "properties"?: {"name"}}. The Python SDK sends `"properties": null` when unset (null counts
// as absent); `Name` is how .NET's serializer may spell the property.
Result<StartRenderRequest> ParseStartRender(std::string const& body) {
  auto json = ParseJsonObject(body, false);
  if (!json) return json.error();
  JsonFields fields(*json, "");
  StartRenderRequest request;
  request.session_id = fields.String("sessionId").value_or("");
  request.token = fields.String("token").value_or("");
  request.url = fields.String("url").value_or("");
  request.max_duration_s = fields.Integer("maxDuration");
  request.resolution = fields.String("resolution").value_or("");
  request.status_callback_url = fields.String("statusCallbackUrl").value_or("");
  if (auto const* properties = fields.Object("properties")) {
    JsonFields members(*properties, "in properties, ");
    request.name = members.StringAnyOf({"name", "Name"});
    if (auto error = members.Finish()) return *error;
  }
  if (auto error = fields.Finish()) return *error;
  return request;
}

void SendRender(RestCall& call, int status, Result<Render> const& render) {
  if (!render) return SendError(call.res, render.error());
  SendJsonText(call.res, status, RenderJsonText(*render));
}

void StartRender(RestCall& call) {
  auto request = ParseStartRender(call.req.body);
  if (!request) return SendError(call.res, request.error());
  // 202 with the render (`starting`): the Java, Python and Ruby SDKs check for exactly 202.
  SendRender(call, 202, call.service.StartRender(call.api_key, *request));
}

// Also the PHP SDK's POST .../render/{id} (its getRender posts); the body is ignored.
void GetRender(RestCall& call) { SendRender(call, 200, call.service.GetRender(call.api_key, call.Param(1))); }

void ListRenders(RestCall& call) {
  auto query = ParseListQuery(call.req);
  if (!query) return SendError(call.res, query.error());
  auto page = call.service.ListRenders(call.api_key, *query);
  if (!page) return SendError(call.res, page.error());
  SendJsonText(call.res, 200, RenderPageJsonText(page->total, page->items));
}

void StopRender(RestCall& call) {
  auto render = call.service.StopRender(call.api_key, call.Param(1));
  if (!render) return SendError(call.res, render.error());
  // The SDKs disagree: the Ruby SDK checks for exactly 204, the Python and Java SDKs for
  // exactly 200 (the others take either).
  call.res.status = HeaderValue(call.req, "User-Agent").starts_with("OpenTok-Ruby-SDK") ? 204 : 200;
}

constexpr RestRoute kRoutes[] = {
    {"POST", "/render", "render.start", StartRender},
    {"GET", "/render", "render.list", ListRenders},
    {"GET", "/render/{renderId}", "render.get", GetRender},
    {"POST", "/render/{renderId}", "render.get.post", GetRender},
    {"DELETE", "/render/{renderId}", "render.stop", StopRender},
};

}  // namespace

std::span<RestRoute const> RenderRoutes() { return kRoutes; }

}  // namespace opentok_mock::http
