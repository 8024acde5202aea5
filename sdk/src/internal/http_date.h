#pragma once

#include <chrono>
#include <optional>
#include <string_view>

namespace opentok::internal {

// An HTTP-date (RFC 9110 section 5.6.7) in any of its three forms, as recipients must
// accept them: IMF-fixdate "Sun, 06 Nov 1994 08:49:37 GMT", the obsolete RFC 850
// "Sunday, 06-Nov-94 08:49:37 GMT" (two-digit years are 1970-2069) and asctime
// "Sun Nov  6 08:49:37 1994". The day name is not checked against the date. Nullopt for
// anything else.
std::optional<std::chrono::system_clock::time_point> ParseHttpDate(std::string_view text);

}  // namespace opentok::internal
