// The whole mock on a router: REST, control plane, callback log, and the journal entry for
// REST requests that no route took.

#include <string>

#include "http_util.h"
#include "router.h"
#include "routes.h"

namespace opentok_mock::http {

void RegisterMockRoutes(Router& router, MockService& service, CallbackDispatcher& callbacks,
                        std::function<void()> on_reset, FaultInjector* faults) {
  RegisterRestRoutes(router, service, faults);
  if (faults != nullptr) {
    // POST /_mock/reset clears the scripts and rate limits too: a test's faults end with it.
    on_reset = [faults, chained = std::move(on_reset)] {
      if (chained) chained();
      faults->Clear();
    };
  }
  RegisterControlRoutes(router, service, std::move(on_reset));
  if (faults != nullptr) RegisterFaultControlRoutes(router, *faults);
  RegisterCallbackLogRoutes(router, callbacks);
  router.SetErrorObserver([&service](httplib::Request const& req, httplib::Response const& res) {
    if (req.path.rfind("/_mock", 0) == 0) return;
    // REST requests that no route took are journaled too: a wrong path from an SDK is the
    // first thing to look for when an integration fails.
    JournalEntry entry = NewJournalEntry(req, service);
    entry.status = res.status;
    entry.operation = res.status == 404 ? "unmatched" : "rejected";
    entry.auth_verdict = "none";
    service.journal().Record(std::move(entry));
  });
}

}  // namespace opentok_mock::http
