#include "http_util.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>

#include "opentok_mock/errors.h"
#include "opentok_mock/utf8.h"

namespace opentok_mock::http {

std::string DumpJson(nlohmann::json const& json) {
  return json.dump(-1, ' ', /*ensure_ascii=*/false, nlohmann::json::error_handler_t::replace);
}

void SendJson(httplib::Response& res, int status, nlohmann::json const& body) {
  // Exactly "application/json": the Python SDK compares the header for equality.
  SendJsonText(res, status, DumpJson(body));
}

void SendJsonText(httplib::Response& res, int status, std::string body) {
  res.status = status;
  res.body = std::move(body);
  // What set_content does, without its copy of the body.
  res.headers.erase("Content-Type");
  res.set_header("Content-Type", kJson);
}

void SendError(httplib::Response& res, Error const& error) {
  SendJson(res, error.http_status, {{"code", error.code}, {"message", error.message}, {"description", error.message}});
}

void SendNoContent(httplib::Response& res) {
  res.status = 204;
  res.body.clear();
}

Result<nlohmann::json> ParseJsonObject(std::string const& body, bool empty_is_object) {
  auto first = body.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) {
    if (empty_is_object) return nlohmann::json::object();
    return Error{400, -1, "Bad request. The request body is empty; a JSON object is required."};
  }
  auto json = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) return Error{400, -1, "Bad request. The request body is not valid JSON."};
  if (!json.is_object()) return Error{400, -1, "Bad request. The request body must be a JSON object."};
  return json;
}

JsonFields::JsonFields(nlohmann::json const& object, std::string where) : object_(object), where_(std::move(where)) {}

nlohmann::json const* JsonFields::Find(char const* key) {
  known_.emplace(key);
  auto it = object_.find(key);
  if (it == object_.end() || it->is_null()) return nullptr;
  return &*it;
}

void JsonFields::Fail(std::string message) {
  if (!first_error_) first_error_ = std::move(message);
}

std::optional<std::string> JsonFields::String(char const* key) {
  auto const* value = Find(key);
  if (value == nullptr) return std::nullopt;
  if (!value->is_string()) {
    Fail(where_ + "'" + key + "' must be a string.");
    return std::nullopt;
  }
  return value->get<std::string>();
}

std::optional<std::string> JsonFields::StringOrInteger(char const* key) {
  auto const* value = Find(key);
  if (value == nullptr) return std::nullopt;
  if (value->is_string()) return value->get<std::string>();
  if (value->is_number_unsigned()) return std::to_string(value->get<std::uint64_t>());
  Fail(where_ + "'" + key + "' must be a string or a non-negative integer.");
  return std::nullopt;
}

std::optional<bool> JsonFields::Bool(char const* key) {
  auto const* value = Find(key);
  if (value == nullptr) return std::nullopt;
  if (!value->is_boolean()) {
    Fail(where_ + "'" + key + "' must be a boolean.");
    return std::nullopt;
  }
  return value->get<bool>();
}

std::optional<bool> JsonFields::BoolOrString(char const* key) {
  auto const* value = Find(key);
  if (value == nullptr) return std::nullopt;
  if (value->is_boolean()) return value->get<bool>();
  if (value->is_string() && (*value == "true" || *value == "false")) return *value == "true";
  Fail(where_ + "'" + key + "' must be a boolean.");
  return std::nullopt;
}

std::optional<std::int64_t> JsonFields::Integer(char const* key) {
  auto const* value = Find(key);
  if (value == nullptr) return std::nullopt;
  if (value->is_number_integer() && !(value->is_number_unsigned() &&
                                      value->get<std::uint64_t>() >
                                          static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))) {
    return value->get<std::int64_t>();
  }
  Fail(where_ + "'" + key + "' must be an integer.");
  return std::nullopt;
}

std::optional<double> JsonFields::Number(char const* key) {
  auto const* value = Find(key);
  if (value == nullptr) return std::nullopt;
  if (!value->is_number() || !std::isfinite(value->get<double>())) {
    Fail(where_ + "'" + key + "' must be a number.");
    return std::nullopt;
  }
  return value->get<double>();
}

nlohmann::json const* JsonFields::Object(char const* key) {
  auto const* value = Find(key);
  if (value == nullptr) return nullptr;
  if (!value->is_object()) {
    Fail(where_ + "'" + key + "' must be an object.");
    return nullptr;
  }
  return value;
}

nlohmann::json const* JsonFields::Array(char const* key) {
  auto const* value = Find(key);
  if (value == nullptr) return nullptr;
  if (!value->is_array()) {
    Fail(where_ + "'" + key + "' must be an array.");
    return nullptr;
  }
  return value;
}

void JsonFields::Ignore(char const* key) { known_.emplace(key); }

std::optional<std::string> JsonFields::StringAnyOf(std::initializer_list<char const*> spellings) {
  std::optional<std::string> found;
  for (auto const* key : spellings) {
    auto value = String(key);
    if (value && !found) found = std::move(value);
  }
  return found;
}

std::optional<std::int64_t> JsonFields::IntegerAnyOf(std::initializer_list<char const*> spellings) {
  std::optional<std::int64_t> found;
  for (auto const* key : spellings) {
    auto value = Integer(key);
    if (value && !found) found = value;
  }
  return found;
}

std::optional<Error> JsonFields::Finish() const {
  if (first_error_) return Error{400, -1, "Bad request. " + *first_error_};
  for (auto const& [key, value] : object_.items()) {
    if (known_.find(key) == known_.end()) {
      return Error{400, -1, "Bad request. " + where_ + "unknown field '" + key + "'."};
    }
  }
  return std::nullopt;
}

Result<opentok::common::FormFields> ParseQuery(httplib::Request const& req) {
  auto question = req.target.find('?');
  if (question == std::string::npos) return opentok::common::FormFields{};
  auto fields = opentok::common::ParseForm(std::string_view(req.target).substr(question + 1));
  if (!fields) return Error{400, -1, "Bad request. The query string has a malformed percent-encoding."};
  // Every value read from a query is an id, a number or an enum that an answer may quote:
  // text that is not UTF-8 can be none of them.
  for (auto const& [name, value] : *fields) {
    if (!IsValidUtf8(name) || !IsValidUtf8(value)) {
      return errors::BadRequest("Bad request. The query parameter '" + ToValidUtf8(name) + "' is not valid UTF-8.");
    }
  }
  return *fields;
}

std::optional<std::string> FindField(opentok::common::FormFields const& fields, std::string_view name) {
  for (auto const& [key, value] : fields) {
    if (key == name) return value;
  }
  return std::nullopt;
}

bool HasBadPercentEncoding(std::string_view target) {
  // PercentDecode's rule (every '%' followed by two hex digits), as a scan: this runs before
  // routing on every request and needs no decoded copy.
  auto is_hex = [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); };
  for (auto i = target.find('%'); i != std::string_view::npos; i = target.find('%', i + 1)) {
    if (i + 2 >= target.size() || !is_hex(target[i + 1]) || !is_hex(target[i + 2])) return true;
  }
  return false;
}

std::string_view HeaderValue(httplib::Request const& req, std::string_view name) {
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  for (auto const& [key, value] : req.headers) {
    if (key.size() != name.size()) continue;
    bool same = true;
    for (std::size_t i = 0; same && i < key.size(); ++i) same = lower(key[i]) == lower(name[i]);
    if (same) return value;
  }
  return {};
}

JournalEntry NewJournalEntry(httplib::Request const& req, MockService& service) {
  JournalEntry entry;
  entry.time_ms = service.NowMs();
  entry.method = req.method;
  entry.path = req.path;
  auto question = req.target.find('?');
  if (question != std::string::npos) entry.query = RedactQuery(std::string_view(req.target).substr(question + 1));
  entry.user_agent = HeaderValue(req, "User-Agent");
  return entry;
}

}  // namespace opentok_mock::http
