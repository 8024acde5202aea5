#pragma once

// JSON output of the session-control and media-service results, in the REST API's field
// names like json_output.h (connection list, SIP call, captions, renders, Audio Connector).

#include <nlohmann/json.hpp>

#include "opentok/opentok.h"

namespace opentok::cli {

nlohmann::ordered_json ToJson(Connection const& connection);
nlohmann::ordered_json ToJson(ConnectionList const& list);
nlohmann::ordered_json ToJson(SipCall const& call);
nlohmann::ordered_json ToJson(LiveCaptions const& captions);
nlohmann::ordered_json ToJson(Render const& render);
nlohmann::ordered_json ToJson(RenderList const& list);
nlohmann::ordered_json ToJson(AudioConnector const& connector);

}  // namespace opentok::cli
