#pragma once

#include <string_view>

namespace opentok::common {

// The reason phrase of an HTTP status (RFC 9110), "" for a status this table does not
// know. The mock writes it in its status lines; the SDK puts it in error messages when an
// answer has no message of its own.
std::string_view ReasonPhrase(int status);

}  // namespace opentok::common
