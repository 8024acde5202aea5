#pragma once

// The JSON body POSTed to callback URLs for a service event (a webhook's payload).

#include <nlohmann/json_fwd.hpp>

#include <string>

#include "opentok_mock/service_events.h"

namespace opentok_mock::http {

// Archives, broadcasts and renders: the object as the REST API shows it, which already
// carries "event" ("archive", "broadcast", "render"); captions: the captions status object
// plus "event":"captions". Session monitoring: {sessionId, projectId (a string; plus
// applicationId for a Vonage application's sessions), event, timestamp, connection{id,
// createdAt, data}, stream{id, connection, createdAt, name, videoType (absent for audio-only
// streams)}, reason}. SIP: {sessionId, projectId, event, timestamp, call{...}, reason}
// (the service's SIP payload is not documented: the mock's own shape). Audio Connector
// events have no callback; their body says what happened for in-process sinks.
std::string CallbackBody(ServiceEvent const& event);

// A legacy REST registration as POST and GET .../callback answer it:
// {"createdAt","event","group","id","updatedAt","url"}.
nlohmann::json CallbackRegistrationToJson(CallbackRegistration const& registration);

}  // namespace opentok_mock::http
