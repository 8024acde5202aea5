#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "opentok/archive.h"
#include "opentok/session.h"

namespace opentok::internal {

// Argument checks that run before any I/O. Each throws opentok::ArgumentException with a
// message naming the argument (never its value when the value could be sensitive).

// Throws ArgumentException(message) unless `condition` holds.
void Require(bool condition, char const* message);

// A dotted-quad IPv4 literal such as "10.1.200.30".
bool IsIpv4Literal(std::string_view text);

// One of the six resolutions the service accepts ("640x480", "1280x720", ...).
bool IsArchiveResolution(std::string_view text);

// The number of code points in `text`, or nullopt when it is not valid UTF-8 (the JSON
// the SDK writes must be valid UTF-8).
std::optional<std::size_t> Utf8Length(std::string_view text);

void ValidateSessionOptions(SessionOptions const& options);
void ValidateStartArchiveOptions(std::string_view session_id, StartArchiveOptions const& options);
void ValidateListArchives(int offset, int count);
// Archive ids and session ids go into URL paths; they must be non-empty.
void ValidateId(std::string_view id, char const* message);

}  // namespace opentok::internal
