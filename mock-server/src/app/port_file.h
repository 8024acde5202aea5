#pragma once

#include <string>

namespace opentok_mock::app {

// Writes `port` and a newline to `path` through a temporary name and a rename, so that a
// reader never sees a partial file. False when it cannot.
bool WritePortFile(std::string const& path, int port);

}  // namespace opentok_mock::app
