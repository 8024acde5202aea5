#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include <vector>

#include "opentok/archive.h"
#include "opentok/broadcast.h"
#include "opentok/layout.h"
#include "opentok/session.h"
#include "opentok/stream.h"

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
void ValidateStartBroadcastOptions(std::string_view session_id, StartBroadcastOptions const& options);
// A layout of a composed archive or a broadcast (common::rules::CheckLayout).
void ValidateLayout(Layout const& layout);
// One page of archives or broadcasts: offset >= 0, count 1-1000.
void ValidateListPage(int offset, int count);
// At least one item, each with a stream id.
void ValidateStreamClassLists(std::string_view session_id, std::vector<StreamProperties> const& streams);
// Archive, broadcast, session and stream ids go into URL paths or bodies; they must be
// non-empty.
void ValidateId(std::string_view id, char const* message);

}  // namespace opentok::internal
