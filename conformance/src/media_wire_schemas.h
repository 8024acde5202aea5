#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

#include "opentok/http_transport.h"
#include "rest_client.h"

namespace opentok::conformance {

// The suite's expectation tables of the media services' answers, written from the REST API
// docs (the render object, the captions answers, the SIP dial and Audio Connector
// answers) and the strictest official parsers (vn-java reads every id as java.util.UUID),
// not read from the mock. Each EXPECTs, names the request in `what`, and takes the raw answer:
// its status, Content-Type application/json and exact JSON types.

// The render (Experience Composer) object: a lowercase UUID `id`, `sessionId`, `projectId`
// the API key as a string with a project (with an application: `applicationId` or `projectId`
// the application's id, as the docs give both), `createdAt`/`updatedAt` epoch
// milliseconds, `url`, `resolution` one of the six, `status` starting|started|stopped|failed,
// `streamId` a lowercase UUID once started, `reason` a string once stopped or failed, `name`
// and `callbackUrl` strings, `event` "render". With `sent` (the start body): the session, url,
// name (properties.name) and resolution as sent, or the documented default 1280x720.
void ExpectRenderObject(nlohmann::json const& render, std::int64_t now_ms, Credentials const& owner,
                        nlohmann::json const* sent, std::string const& what);
// A `status` answer (202 for a start, 200 for a get) carrying a render object; returns it.
nlohmann::json ExpectRenderAnswer(HttpResponse const& response, int status, std::int64_t now_ms,
                                  Credentials const& owner, nlohmann::json const* sent, std::string const& what);

// The captions start answer: 202 and {"captionsId": lowercase UUID}. Returns the id.
std::string ExpectCaptionsStartAnswer(HttpResponse const& response, std::string const& what);
// The captions status answer (GET, vn-node): 200 with `captionId` a lowercase UUID,
// `sessionId`, `status` started|stopped|paused|failed, `createdAt`/`updatedAt` epoch
// milliseconds, `duration` a non-negative integer, `languageCode`, `provider`, `reason` a
// string when present, and the owner (`projectId` with a project, of no documented JSON type:
// the key as an integer or a string is accepted). Returns the body.
nlohmann::json ExpectCaptionsAnswer(HttpResponse const& response, std::int64_t now_ms, Credentials const& owner,
                                    std::string const& what);

// The SIP dial answer: 200 with `id`, `connectionId` and `streamId` lowercase UUIDs (what every
// SDK reads), and, as in the recorded answer, `projectId` the API key as a string,
// `sessionId` the session dialled into, `createdAt`/`updatedAt` epoch milliseconds when present.
// `sent` is the dial body. Returns the body.
nlohmann::json ExpectSipDialAnswer(HttpResponse const& response, std::int64_t now_ms, Credentials const& owner,
                                   nlohmann::json const& sent, std::string const& what);

// The Audio Connector connect answer: 200 with `id` and `connectionId` lowercase UUIDs.
// Returns the body.
nlohmann::json ExpectAudioConnectorAnswer(HttpResponse const& response, std::string const& what);

}  // namespace opentok::conformance
