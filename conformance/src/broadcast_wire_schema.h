#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

#include "opentok/http_transport.h"
#include "rest_client.h"

namespace opentok::conformance {

// The suite's expectation table of the broadcast object (start, get, list items, stop),
// written from the REST API docs' broadcast object and the strictest official parsers
// (php-ot's broadcast schema, net-ot's and java-ot's typed models), not read from the mock:
// - a lowercase UUID `id`, `sessionId`, `partnerId` (and `projectId` when present) the API key
//   as a JSON integer with a project, `createdAt`/`updatedAt` epoch milliseconds (updatedAt not
//   before createdAt);
// - `status` started or stopped, `resolution` one of the six, `maxDuration` an integer in
//   60-36000, `streamMode` auto or manual, `hasAudio`/`hasVideo` booleans, `maxBitrate` an
//   integer, `multiBroadcastTag` a string, `streams` items {streamId, hasAudio, hasVideo},
//   `settings.hls` {lowLatency, dvr} booleans, `event` "broadcast"; numbers never null;
// - `broadcastUrls` null once stopped; while started an object whose `rtmp` is always an array
//   (net-ot casts it to JArray, java-ot iterates it) of {id?, serverUrl, streamName, status
//   connecting|live|offline|error}, and `hls` an http(s) URL with `hlsStatus`
//   connecting|ready|live|ended|error.
// With `sent` (the JSON body of the start request), the answer must carry what was sent: the
// session, the outputs (one RTMP item per output sent, in order, with its serverUrl, streamName
// and id; hls and settings.hls exactly when hls was sent), and the settings sent or their
// documented defaults (resolution 640x480, audio and video on). Not settled by the docs or the SDKs:
// the default maxDuration is 7200 in the SDKs and 14400 in the newer docs (both are accepted),
// and php-ot's fixtures spell maxBitrate `maxBitRate` (either spelling is accepted).
void ExpectBroadcastObject(nlohmann::json const& broadcast, std::int64_t now_ms, Credentials const& owner,
                           nlohmann::json const* sent, std::string const& what);

// A 200 broadcast answer with Content-Type application/json; returns its body (an empty object
// when it is not one) after ExpectBroadcastObject.
nlohmann::json ExpectBroadcastAnswer(HttpResponse const& response, std::int64_t now_ms, Credentials const& owner,
                                     nlohmann::json const* sent, std::string const& what);

}  // namespace opentok::conformance
