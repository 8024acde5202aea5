#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>

#include "opentok/http_transport.h"

namespace opentok::conformance {

// The suite's own expectations of the service's objects on the wire, one table per object,
// written from the REST reference (not read from the mock): what the strictest official SDK
// parser needs. Each function EXPECTs (failures attributed to the calling check) and names
// the request in `what`.

// The value of a response header (case-insensitive name); empty when absent.
std::string HeaderValue(HttpResponse const& response, std::string const& name);

// What the check sent when it started an archive, to compare the answer with.
struct ArchiveSent {
  std::string session_id;
  std::optional<std::string> name;  // nullopt: not sent (the answer's name is then null or "")
  std::string output_mode = "composed";
  std::optional<std::string> resolution;
  std::optional<std::string> stream_mode;
  std::optional<std::string> multi_archive_tag;
  std::optional<std::int64_t> max_bitrate;
  std::optional<std::int64_t> quantization_parameter;
  bool has_audio = true;
  bool has_video = true;
};

// An archive object: lowercase UUID id, a known status, name as sent, createdAt in epoch
// milliseconds, size and duration integers (never null or strings), partnerId an integer for
// a project, a url string only when available (null or absent otherwise), outputMode and
// streamMode known values, hasAudio/hasVideo booleans; and, when `sent` is given, the
// options as sent. `project` is false for an application's credentials.
void ExpectArchiveObject(nlohmann::json const& archive, std::int64_t now_ms, bool project, ArchiveSent const* sent,
                         std::string const& what);

// A 200 archive answer with Content-Type application/json; returns its body (an empty object
// when it is not one) after ExpectArchiveObject.
nlohmann::json ExpectArchiveAnswer(HttpResponse const& response, std::int64_t now_ms, bool project,
                                   ArchiveSent const* sent, std::string const& what);

// The JSON answer of POST /session/create (Accept: application/json): 200, Content-Type
// exactly application/json (no charset: py-ot compares the header for equality), a JSON
// array of exactly one object (java-ot) with a non-empty session_id. Returns the session id
// ("" when the answer does not have that shape).
std::string ExpectSessionCreateAnswer(HttpResponse const& response, std::string const& what);

// An error answer: `status`, Content-Type application/json, a JSON object with a non-empty
// string `message` (php-ot dereferences it on every error) and, when present, an integer
// `code`; when `code` is given and the answer has a code, it must be that one (the service's
// specific codes, such as 15002 for stopping an archive in the wrong state, instead of a
// generic -1).
void ExpectErrorBody(HttpResponse const& response, int status, std::optional<int> code, std::string const& what);

}  // namespace opentok::conformance
