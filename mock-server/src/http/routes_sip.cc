// SIP interconnect: dial (also at the PHP SDK's /call) and DTMF to a session or to one
// connection.

#include <nlohmann/json.hpp>

#include "http_util.h"
#include "opentok_mock/errors.h"
#include "rest_call.h"
#include "session_control_json.h"

namespace opentok_mock::http {
namespace {

Result<std::vector<std::pair<std::string, std::string>>> ParseSipHeaders(nlohmann::json const& object) {
  std::vector<std::pair<std::string, std::string>> headers;
  for (auto const& [name, value] : object.items()) {
    if (!value.is_string()) return errors::BadRequest("Bad request. sip.headers: '" + name + "' must be a string.");
    headers.emplace_back(name, value.get<std::string>());
  }
  return headers;
}

Result<std::vector<std::string>> ParseStreamIds(nlohmann::json const& array) {
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < array.size(); ++i) {
    if (!array[i].is_string()) {
      return errors::BadRequest("Bad request. sip.streams[" + std::to_string(i) + "] must be a stream id string.");
    }
    ids.push_back(array[i].get<std::string>());
  }
  return ids;
}

// {"sessionId", "token", "sip": {"uri", "from"?, "headers"?: {name: value}, "auth"?:
// {"username", "password"}, "secure"?, "video"?, "observeForceMute"?, "streams"?: [ids]}}.
// Booleans also as "true"/"false" (the Ruby SDK); null members count as absent (the PHP
// SDK sends "auth": null, "from": null, "streams": null).
Result<DialRequest> ParseDialBody(std::string const& body) {
  auto json = ParseJsonObject(body, false);
  if (!json) return json.error();
  JsonFields fields(*json, "");
  DialRequest request;
  request.session_id = fields.String("sessionId").value_or("");
  request.token = fields.String("token").value_or("");
  auto const* sip = fields.Object("sip");
  if (auto error = fields.Finish()) return *error;
  if (sip == nullptr) return errors::BadRequest("Bad request. 'sip' (an object with the uri) is required.");

  JsonFields members(*sip, "sip: ");
  request.uri = members.String("uri").value_or("");
  request.from = members.String("from").value_or("");
  auto const* headers = members.Object("headers");
  auto const* auth = members.Object("auth");
  request.secure = members.BoolOrString("secure").value_or(false);
  request.video = members.BoolOrString("video").value_or(false);
  request.observe_force_mute = members.BoolOrString("observeForceMute").value_or(false);
  auto const* streams = members.Array("streams");
  if (auto error = members.Finish()) return *error;
  if (headers != nullptr) {
    auto parsed = ParseSipHeaders(*headers);
    if (!parsed) return parsed.error();
    request.headers = std::move(*parsed);
  }
  if (auth != nullptr) {
    JsonFields credentials(*auth, "sip.auth: ");
    SipAuth sip_auth{credentials.String("username").value_or(""), credentials.String("password").value_or("")};
    if (auto error = credentials.Finish()) return *error;
    if (sip_auth.username.empty()) return errors::BadRequest("Bad request. sip.auth.username is required with sip.auth.");
    request.auth = std::move(sip_auth);
  }
  if (streams != nullptr) {
    auto parsed = ParseStreamIds(*streams);
    if (!parsed) return parsed.error();
    request.streams = std::move(*parsed);
  }
  return request;
}

void Dial(RestCall& call) {
  auto request = ParseDialBody(call.req.body);
  if (!request) return SendError(call.res, request.error());
  auto sip_call = call.service.Dial(call.api_key, *request);
  if (!sip_call) return SendError(call.res, sip_call.error());
  SendJson(call.res, 200, SipCallToJson(*sip_call));
}

void PlayDtmf(RestCall& call, std::string const& connection_id) {
  auto json = ParseJsonObject(call.req.body, true);
  if (!json) return SendError(call.res, json.error());
  JsonFields fields(*json, "");
  auto digits = fields.String("digits").value_or("");  // missing: the service's "Invalid DTMF Digits"
  if (auto error = fields.Finish()) return SendError(call.res, *error);
  auto status = call.service.PlayDtmf(call.api_key, call.Param(1), digits, connection_id);
  if (!status) return SendError(call.res, status.error());
  call.res.status = 200;  // empty: the Java, Python and Ruby SDKs check for exactly 200
}

void PlayDtmfToSession(RestCall& call) { PlayDtmf(call, {}); }
void PlayDtmfToConnection(RestCall& call) { PlayDtmf(call, call.Param(2)); }

constexpr RestRoute kRoutes[] = {
    {"POST", "/dial", "sip.dial", Dial},
    // The PHP SDK dials at /call; its own name keeps one operation per row of the table.
    {"POST", "/call", "sip.dial.call", Dial},
    {"POST", "/session/{sessionId}/play-dtmf", "sip.dtmf.session", PlayDtmfToSession},
    {"POST", "/session/{sessionId}/connection/{connectionId}/play-dtmf", "sip.dtmf.connection", PlayDtmfToConnection},
};

}  // namespace

std::span<RestRoute const> SipRoutes() { return kRoutes; }

}  // namespace opentok_mock::http
