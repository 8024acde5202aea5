// Live captions: start, stop and status.

#include <nlohmann/json.hpp>

#include "http_util.h"
#include "media_json.h"
#include "opentok_mock/errors.h"
#include "rest_call.h"

namespace opentok_mock::http {
namespace {

// {"sessionId", "token", "languageCode"?, "maxDuration"?, "partialCaptions"?,
// "statusCallbackUrl"?}. partialCaptions may be the string "true"/"false" (@vonage/video
// types it that way); the Python SDK sends null for every unset member.
Result<StartCaptionsRequest> ParseStartCaptions(std::string const& body) {
  auto json = ParseJsonObject(body, false);
  if (!json) return json.error();
  JsonFields fields(*json, "");
  StartCaptionsRequest request;
  request.session_id = fields.String("sessionId").value_or("");
  request.token = fields.String("token").value_or("");
  request.language_code = fields.String("languageCode").value_or("");
  request.max_duration_s = fields.Integer("maxDuration");
  request.partial_captions = fields.BoolOrString("partialCaptions").value_or(true);
  request.status_callback_url = fields.String("statusCallbackUrl").value_or("");
  if (auto error = fields.Finish()) return *error;
  return request;
}

void StartCaptions(RestCall& call) {
  auto request = ParseStartCaptions(call.req.body);
  if (!request) return SendError(call.res, request.error());
  auto captions = call.service.StartCaptions(call.api_key, *request);
  if (!captions) return SendError(call.res, captions.error());
  // 202: the Ruby SDK checks for exactly that.
  SendJson(call.res, 202, {{"captionsId", captions->id}});
}

void StopCaptions(RestCall& call) {
  // The body is ignored (the .NET SDK sends {}, the others nothing).
  auto status = call.service.StopCaptions(call.api_key, call.Param(1));
  if (!status) return SendError(call.res, status.error());
  call.res.status = 202;  // empty: the Python and Ruby SDKs check for exactly 202
}

void GetCaptions(RestCall& call) {
  auto captions = call.service.GetCaptions(call.api_key, call.Param(1));
  if (!captions) return SendError(call.res, captions.error());
  SendJsonText(call.res, 200, CaptionsJsonText(*captions));
}

constexpr RestRoute kRoutes[] = {
    {"POST", "/captions", "captions.start", StartCaptions},
    {"POST", "/captions/{captionsId}/stop", "captions.stop", StopCaptions},
    {"GET", "/captions/{captionsId}", "captions.get", GetCaptions},
};

}  // namespace

std::span<RestRoute const> CaptionsRoutes() { return kRoutes; }

}  // namespace opentok_mock::http
