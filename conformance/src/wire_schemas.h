#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>

#include "opentok/http_transport.h"
#include "rest_client.h"

namespace opentok::conformance {

// The suite's own expectations of the service's objects on the wire, one table per object,
// written from the public REST API docs and the official SDKs' parsers (not read from the
// mock): what the strictest official SDK parser needs. Each function EXPECTs (failures attributed to the calling check) and names
// the request in `what`.

// The value of a response header (case-insensitive name); empty when absent.
std::string HeaderValue(HttpResponse const& response, std::string const& name);

// Content-Type application/json, with or without parameters: what every official SDK but
// py-ot's session create accepts as JSON.
void ExpectJsonContentType(HttpResponse const& response, std::string const& what);

// A JSON object answer: `status`, Content-Type application/json and a JSON object body,
// which it returns (an empty object, after a failure, when it is not one).
nlohmann::json ExpectJsonObjectAnswer(HttpResponse const& response, int status, std::string const& what);

// A list answer, {"count": n, "items": [...]} (archives, broadcasts, renders, streams, connections): 200,
// application/json, `count` a non-negative integer (never a string), `items` an array of at most
// `count` objects (a page of the total). Returns the items (an empty array after a failure); the
// caller checks each with its object's table.
nlohmann::json ExpectListAnswer(HttpResponse const& response, std::string const& what);

// How an object names its owner in OpenTok mode: the API key as a JSON integer (archives,
// broadcasts: php-ot's schemas, java-ot's and net-ot's int), as a string (renders, SIP calls,
// as recorded), or either where the docs give no type.
enum class OwnerIdType { kInteger, kString, kIntegerOrString };

// With a project's credentials, member `name` of `object` is the API key as `type` (when
// present, or always when `required`). With an application's, `applicationId`, when present,
// is the application's id (the Vonage SDKs read the owner from it); what a service puts in the
// OpenTok members then is not documented, so they are not checked.
void ExpectOwnerId(nlohmann::json const& object, char const* name, OwnerIdType type, bool required,
                   Credentials const& owner, std::string const& what);

// Checks that `later` (e.g. updatedAt) is not before `earlier` (createdAt) when both are integers.
void ExpectNotBefore(nlohmann::json const& object, char const* later, char const* earlier, std::string const& what);

// The resolutions the REST API knows (archives, broadcasts, renders).
inline constexpr std::initializer_list<char const*> kResolutions = {"640x480",   "480x640",   "1280x720",
                                                                    "720x1280",  "1920x1080", "1080x1920"};

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

// The legacy XML answer of POST /session/create, for a request that does not ask for JSON
// (no Accept header, or */*, as php-ot, rb-ot and net-ot send): 200, Content-Type text/xml
// (the service's recorded answer; rb-ot's HTTParty parses XML only under an XML type), a
// well-formed document whose session id is where each of those SDKs reads it
// (sessions/Session/session_id for php-ot's SimpleXML and rb-ot, the first session_id element
// for net-ot), a session id of `owner`'s key, and with a project the first partner_id element
// the API key as a decimal integer (net-ot's Convert.ToInt32). Returns the session id ("" when
// it is not found).
std::string ExpectSessionCreateXmlAnswer(HttpResponse const& response, Credentials const& owner,
                                         std::string const& what);

// An error answer: `status`, Content-Type application/json, a JSON object with a non-empty
// string `message` (php-ot dereferences it on every error) and, when present, an integer
// `code`; when `code` is given and the answer has a code, it must be that one (the service's
// specific codes, such as 15002 for stopping an archive in the wrong state, instead of a
// generic -1).
void ExpectErrorBody(HttpResponse const& response, int status, std::optional<int> code, std::string const& what);

}  // namespace opentok::conformance
