// The /_mock/state part of the control plane: the service's state snapshot out and in
// (docs/state-snapshots.md).

#include "control_util.h"
#include "routes.h"

namespace opentok_mock::http {
namespace {

void GetState(httplib::Request const&, httplib::Response& res, MockService& service) {
  SendJsonText(res, 200, service.ExportState());
}

// All or nothing: a refused document leaves the state as it was (400 naming the member).
void PutState(httplib::Request const& req, httplib::Response& res, MockService& service) {
  auto imported = service.ImportState(req.body);
  if (!imported) return SendError(res, imported.error());
  SendNoContent(res);
}

}  // namespace

void RegisterStateControlRoutes(Router& server, MockService& service) {
  server.Get("/_mock/state", Bind(service, GetState));
  server.Put("/_mock/state", Bind(service, PutState));
}

}  // namespace opentok_mock::http
