#pragma once

// Wire forms of session control: the REST connections list and SIP call, and the control
// plane's views of what the simulated clients received and who left.

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <vector>

#include "opentok_mock/model.h"
#include "opentok_mock/session_control.h"

namespace opentok_mock::http {

// GET .../session/{sid}/connection: `{"count", "projectId" (the key as a string, as the
// Java and .NET SDKs read it), "sessionId", "items": [{"connectionId", "connectionState",
// "createdAt"}]}`.
nlohmann::json ConnectionListToJson(std::string const& api_key, std::string const& session_id,
                                    std::vector<Connection> const& connections);
// POST /dial: `{"id", "projectId", "sessionId", "connectionId", "streamId", "createdAt",
// "updatedAt"}` (a recorded answer of the service; the SDKs read id, connectionId, streamId).
nlohmann::json SipCallToJson(SipCall const& call);
// The control plane's view of a call in progress: the REST answer plus what was dialled
// (never the password).
nlohmann::json SipCallControlJson(SipCall const& call);
// `{"connectionId", "reason", "leftAt", and the connection's own members}`.
nlohmann::json LeftConnectionToJson(LeftConnection const& left);
nlohmann::json MuteAllToJson(MuteAllState const& state);
// `{"connectionId", "count" (every signal received), "items": [{"type", "data", "at"}]}`,
// oldest first; the DTMF log the same way with `{"digits", "at"}` items.
nlohmann::json SignalsToJson(std::string const& connection_id, ConnectionActivity const& activity);
nlohmann::json DtmfToJson(std::string const& connection_id, ConnectionActivity const& activity);

}  // namespace opentok_mock::http
