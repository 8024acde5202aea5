#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "opentok/http_transport.h"

namespace opentok::internal {

// The `code` and `message` of an OpenTok error body: JSON {"code":..,"message":..} or the
// XML <errorPayload> variant. Absent fields stay 0 / empty; garbage gives both empty.
struct ServiceError {
  int code = 0;
  std::string message;
};
ServiceError ParseServiceError(HttpResponse const& response);

// The single place where HTTP statuses become exceptions: 401/403 ->
// AuthenticationException, 404 -> NotFoundException, 409 and 405 -> ConflictException, any
// other non-2xx -> RequestException. `operation` names the SDK method for the message.
[[noreturn]] void ThrowForStatus(std::string_view operation, HttpResponse const& response);

// For a 2xx response whose body is not what the API documents.
[[noreturn]] void ThrowInvalidResponse(std::string_view operation, HttpResponse const& response,
                                       std::string_view why);

bool IsSuccess(int status);

// Case-insensitive header lookup (HTTP header names are case-insensitive).
std::optional<std::string_view> FindHeader(HttpHeaders const& headers, std::string_view name);

// Extracts the text of the first <name>...</name> element; enough for the flat XML the
// service sends when it does not answer in JSON. Entities are not decoded.
std::optional<std::string> ExtractXmlElement(std::string_view xml, std::string_view name);

}  // namespace opentok::internal
