#pragma once

#include <httplib.h>

#include <functional>

#include "opentok_mock/service.h"

namespace opentok_mock::http {

class CallbackDispatcher;

// The OpenTok REST surface, from the route table of rest_call.h: /session/create, archives,
// broadcasts and streams (each path also with a trailing slash, and under the legacy
// /v2/partner/ prefix).
void RegisterRestRoutes(httplib::Server& server, MockService& service);

// The /_mock control plane (documented in README.md, "The control plane"). `on_reset` runs
// before the service's Reset on POST /_mock/reset (the server drops its callback deliveries).
void RegisterControlRoutes(httplib::Server& server, MockService& service, std::function<void()> on_reset = {});
// Its /_mock/applications part.
void RegisterApplicationControlRoutes(httplib::Server& server, MockService& service);
// Its /_mock/broadcasts part.
void RegisterBroadcastControlRoutes(httplib::Server& server, MockService& service);
// Its session-control part: signal inboxes, DTMF logs, SIP calls.
void RegisterSessionControlRoutes(httplib::Server& server, MockService& service);
// Its media-services part: captions, renders, Audio Connector calls.
void RegisterMediaControlRoutes(httplib::Server& server, MockService& service);
// Its /_mock/projects/{key}/callbacks part: callback URLs and registrations.
void RegisterCallbackControlRoutes(httplib::Server& server, MockService& service);
// Its /_mock/callbacks part: the callback delivery log and the wait for pending deliveries.
void RegisterCallbackLogRoutes(httplib::Server& server, CallbackDispatcher& dispatcher);

// Pre-routing checks, the JSON error handler for bodies httplib leaves empty (404, 413...)
// and the exception handler (JSON 500).
void InstallHandlers(httplib::Server& server, MockService& service);

}  // namespace opentok_mock::http
