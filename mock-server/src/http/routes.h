#pragma once

#include <functional>

#include "opentok_mock/faults.h"
#include "opentok_mock/service.h"
#include "router.h"

namespace opentok_mock::http {

// The OpenTok REST surface, from the route table of rest_call.h: /session/create, archives,
// broadcasts and streams (each path also with a trailing slash, and under the legacy
// /v2/partner/ prefix). With `faults`, its scripts and rate limits apply to every route.
void RegisterRestRoutes(Router& server, MockService& service, FaultInjector* faults = nullptr);

// The /_mock control plane (documented in docs/control-plane.md). `on_reset` runs
// before the service's Reset on POST /_mock/reset (the server drops its callback deliveries).
void RegisterControlRoutes(Router& server, MockService& service, std::function<void()> on_reset = {});
// Its /_mock/applications part.
void RegisterApplicationControlRoutes(Router& server, MockService& service);
// Its /_mock/broadcasts part.
void RegisterBroadcastControlRoutes(Router& server, MockService& service);
// Its session-control part: signal inboxes, DTMF logs, SIP calls.
void RegisterSessionControlRoutes(Router& server, MockService& service);
// Its media-services part: captions, renders, Audio Connector calls.
void RegisterMediaControlRoutes(Router& server, MockService& service);
// Its /_mock/projects/{key}/callbacks part: callback URLs and registrations.
void RegisterCallbackControlRoutes(Router& server, MockService& service);
// Its /_mock/faults and /_mock/rate-limits part (docs/fault-injection.md).
void RegisterFaultControlRoutes(Router& server, FaultInjector& faults);
// Its /_mock/state part: the state snapshot out (GET) and in (PUT) (docs/state-snapshots.md).
void RegisterStateControlRoutes(Router& server, MockService& service);
// Its /_mock/callbacks part: the callback delivery log and the wait for pending deliveries.
void RegisterCallbackLogRoutes(Router& server, CallbackDispatcher& dispatcher);

}  // namespace opentok_mock::http
