#pragma once

// Helpers shared by the REST and control-plane routes: JSON answers, OpenTok error bodies,
// strict JSON body reading and query parsing.

#include <httplib.h>

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "opentok_common/url.h"
#include "opentok_mock/journal.h"
#include "opentok_mock/result.h"
#include "opentok_mock/service.h"

namespace opentok_mock::http {

inline constexpr char kJson[] = "application/json";

// `json` as compact text. Ill-formed UTF-8 in a string is replaced with U+FFFD instead of
// making dump() throw: input is checked where it arrives (docs/mock-rest-surface.md, "Bad
// bytes"), and this net keeps any miss from becoming a 500 or an answer a strict parser
// rejects.
std::string DumpJson(nlohmann::json const& json);
void SendJson(httplib::Response& res, int status, nlohmann::json const& body);
// The same for a body already written as JSON text (moved in, not copied).
void SendJsonText(httplib::Response& res, int status, std::string body);
// `{"code", "message", "description"}` with the error's HTTP status.
void SendError(httplib::Response& res, Error const& error);
void SendNoContent(httplib::Response& res);

// The body as a JSON object. An empty body counts as `{}` when `empty_is_object` (several
// SDKs send no body where a JSON one is expected). Anything else that is not an object is
// a 400 with a message saying what was wrong.
Result<nlohmann::json> ParseJsonObject(std::string const& body, bool empty_is_object);

// Reads the members of one JSON object with strict types. JSON null counts as absent (the
// Python and PHP SDKs send null for unset options). The first type error is kept, and
// Finish() also rejects members nobody asked for, so a typo in a test never passes
// silently.
class JsonFields {
 public:
  JsonFields(nlohmann::json const& object, std::string where);

  std::optional<std::string> String(char const* key);
  // A string, or a non-negative integer given as a JSON number (API keys).
  std::optional<std::string> StringOrInteger(char const* key);
  std::optional<bool> Bool(char const* key);
  // A boolean, or the string "true" or "false" (the Ruby SDK sends some flags as strings).
  std::optional<bool> BoolOrString(char const* key);
  std::optional<std::int64_t> Integer(char const* key);
  std::optional<double> Number(char const* key);
  nlohmann::json const* Object(char const* key);
  nlohmann::json const* Array(char const* key);
  // Marks a member as known but unused.
  void Ignore(char const* key);
  // Accepts `key` under any of `spellings` (the SDKs disagree on some names).
  std::optional<std::string> StringAnyOf(std::initializer_list<char const*> spellings);
  std::optional<std::int64_t> IntegerAnyOf(std::initializer_list<char const*> spellings);

  // The first problem found, if any: a wrong type or an unknown member.
  std::optional<Error> Finish() const;

 private:
  nlohmann::json const* Find(char const* key);
  void Fail(std::string message);

  nlohmann::json const& object_;
  std::string where_;
  std::set<std::string, std::less<>> known_;
  std::optional<std::string> first_error_;
};

// The query string of the raw request target, strictly decoded: a malformed escape, or a
// name or value that is not UTF-8 once decoded, is a 400 the caller reports (naming the
// parameter); empty pairs (`a=1&&b=2`) are skipped.
Result<opentok::common::FormFields> ParseQuery(httplib::Request const& req);
std::optional<std::string> FindField(opentok::common::FormFields const& fields, std::string_view name);

// True when the raw request target has a malformed percent escape.
bool HasBadPercentEncoding(std::string_view target);

// The first value of a request header (name compared case-insensitively), or empty. A view
// into the request, where httplib's get_header_value copies: every REST request reads
// three headers, one of them a JWT of a few hundred bytes.
std::string_view HeaderValue(httplib::Request const& req, std::string_view name);

// A journal entry with what every REST request records: time, method, path, the redacted
// query and the User-Agent (never other headers or the body). The caller adds the
// operation, auth verdict and status.
JournalEntry NewJournalEntry(httplib::Request const& req, MockService& service);

}  // namespace opentok_mock::http
