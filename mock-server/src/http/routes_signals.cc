// Signals to a whole session or to one connection.

#include <nlohmann/json.hpp>

#include "http_util.h"
#include "rest_call.h"

namespace opentok_mock::http {
namespace {

// {"type"?: string, "data": string}. A missing data member is the core's 400 (code 15202):
// an empty body counts as an empty object.
Result<SignalRequest> ParseSignalBody(std::string const& body) {
  auto json = ParseJsonObject(body, true);
  if (!json) return json.error();
  JsonFields fields(*json, "");
  SignalRequest signal;
  signal.type = fields.String("type").value_or("");
  signal.data = fields.String("data");
  if (auto error = fields.Finish()) return *error;
  return signal;
}

void Send(RestCall& call, std::string const& connection_id) {
  auto signal = ParseSignalBody(call.req.body);
  if (!signal) return SendError(call.res, signal.error());
  auto status = call.service.Signal(call.api_key, call.Param(1), *signal, connection_id);
  if (!status) return SendError(call.res, status.error());
  SendNoContent(call.res);  // the Java and Ruby SDKs check for exactly 204
}

void SignalSession(RestCall& call) { Send(call, {}); }
void SignalConnection(RestCall& call) { Send(call, call.Param(2)); }

constexpr RestRoute kRoutes[] = {
    {"POST", "/session/{sessionId}/signal", "signal.session", SignalSession},
    {"POST", "/session/{sessionId}/connection/{connectionId}/signal", "signal.connection", SignalConnection},
};

}  // namespace

std::span<RestRoute const> SignalRoutes() { return kRoutes; }

}  // namespace opentok_mock::http
