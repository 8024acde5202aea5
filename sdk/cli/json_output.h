#pragma once

#include <nlohmann/json.hpp>

#include "opentok/opentok.h"

namespace opentok::cli {

// CLI output uses the REST API's own field names, so scripts can treat it
// like the service's JSON.
nlohmann::ordered_json ToJson(Archive const& archive);
nlohmann::ordered_json ToJson(ArchiveList const& list);
nlohmann::ordered_json ToJson(Session const& session);
nlohmann::ordered_json ToJson(Layout const& layout);
nlohmann::ordered_json ToJson(Broadcast const& broadcast);
nlohmann::ordered_json ToJson(BroadcastList const& list);
nlohmann::ordered_json ToJson(Stream const& stream);
nlohmann::ordered_json ToJson(StreamList const& list);

// Pretty-printed JSON and a newline on stdout; invalid UTF-8 from the service is replaced
// rather than aborting the output.
void PrintJson(nlohmann::ordered_json const& json);

}  // namespace opentok::cli
