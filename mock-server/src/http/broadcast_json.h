#pragma once

// The wire form of broadcasts, written as text like archives (json_writer.h): byte for
// byte what nlohmann::json::dump gives for the same object. Optional numbers are omitted,
// never null; `broadcastUrls` is null once the broadcast stopped; `rtmp` is always an array
// (the .NET and Java SDKs iterate it); `layout` is a mock extension (the current layout).

#include <string>

#include "opentok_mock/model.h"

namespace opentok_mock::http {

void AppendBroadcastJson(std::string& out, Broadcast const& broadcast);
std::string BroadcastJsonText(Broadcast const& broadcast);
// `{"count": total, "items": [...]}`.
std::string BroadcastPageJsonText(std::int64_t total, std::vector<Broadcast> const& items);

}  // namespace opentok_mock::http
