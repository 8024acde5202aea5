#include "internal/error_mapping.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>

#include "opentok/errors.h"
#include "opentok_common/http_status.h"

namespace opentok::internal {
namespace {

// Long bodies (HTML error pages) stay in RequestException::body(), not in what().
constexpr std::size_t kMaxMessageInWhat = 500;

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](unsigned char x, unsigned char y) { return std::tolower(x) == std::tolower(y); });
}

bool LooksLikeXml(HttpResponse const& response) {
  auto type = FindHeader(response.headers, "Content-Type");
  if (type && type->find("xml") != std::string_view::npos) return true;
  auto first = response.body.find_first_not_of(" \t\r\n");
  return first != std::string::npos && response.body[first] == '<';
}

int ParseInt(std::string_view text) {
  int value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

ServiceError FromJson(std::string const& body) {
  ServiceError error;
  auto json = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded() || !json.is_object()) return error;
  if (auto it = json.find("code"); it != json.end()) {
    if (it->is_number_integer()) {
      error.code = it->get<int>();
    } else if (it->is_string()) {
      error.code = ParseInt(it->get_ref<std::string const&>());
    }
  }
  if (auto it = json.find("message"); it != json.end() && it->is_string()) {
    error.message = it->get<std::string>();
  }
  return error;
}

ServiceError FromXml(std::string const& body) {
  ServiceError error;
  if (auto code = ExtractXmlElement(body, "code")) error.code = ParseInt(*code);
  if (auto message = ExtractXmlElement(body, "message")) error.message = std::move(*message);
  return error;
}

std::string Describe(std::string_view operation, int status, ServiceError const& error) {
  std::string what(operation);
  what += " failed: HTTP ";
  what += std::to_string(status);
  if (auto phrase = opentok::common::ReasonPhrase(status); !phrase.empty()) {
    what += ' ';
    what += phrase;
  }
  if (error.code != 0) {
    what += " (code ";
    what += std::to_string(error.code);
    what += ')';
  }
  if (!error.message.empty()) {
    what += ": ";
    what += error.message.substr(0, kMaxMessageInWhat);
  }
  return what;
}

}  // namespace

ServiceError ParseServiceError(HttpResponse const& response) {
  return LooksLikeXml(response) ? FromXml(response.body) : FromJson(response.body);
}

void ThrowForStatus(std::string_view operation, HttpResponse const& response) {
  ServiceError error = ParseServiceError(response);
  std::string what = Describe(operation, response.status, error);
  int status = response.status;
  if (status == 401 || status == 403) {
    throw AuthenticationException(what, status, error.code, std::move(error.message), response.body);
  }
  if (status == 404) throw NotFoundException(what, status, error.code, std::move(error.message), response.body);
  // The service answers 405 to stream selection changes of an archive or broadcast whose
  // stream mode is auto: the resource is in the wrong mode for the call, which is what
  // ConflictException stands for (its http_status() still says 405).
  if (status == 409 || status == 405) {
    throw ConflictException(what, status, error.code, std::move(error.message), response.body);
  }
  throw RequestException(what, status, error.code, std::move(error.message), response.body);
}

void ThrowInvalidResponse(std::string_view operation, HttpResponse const& response, std::string_view why) {
  std::string what(operation);
  what += ": unexpected response to HTTP ";
  what += std::to_string(response.status);
  what += ": ";
  what += why;
  throw InvalidResponseException(what, response.status, 0, "", response.body);
}

bool IsSuccess(int status) { return status >= 200 && status <= 299; }

std::optional<std::string_view> FindHeader(HttpHeaders const& headers, std::string_view name) {
  for (auto const& [key, value] : headers) {
    if (EqualsIgnoreCase(key, name)) return std::string_view(value);
  }
  return std::nullopt;
}

std::optional<std::string> ExtractXmlElement(std::string_view xml, std::string_view name) {
  std::string open = "<" + std::string(name) + ">";
  std::string close = "</" + std::string(name) + ">";
  auto start = xml.find(open);
  if (start == std::string_view::npos) return std::nullopt;
  start += open.size();
  auto end = xml.find(close, start);
  if (end == std::string_view::npos) return std::nullopt;
  return std::string(xml.substr(start, end - start));
}

}  // namespace opentok::internal
