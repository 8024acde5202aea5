#pragma once

#include <string>

#include "opentok_mock/service.h"

namespace opentok_mock::http {

// Loads a state snapshot file (MockServerOptions::state_file, --state) into the service:
// std::invalid_argument naming the file when it cannot be read or the service refuses it.
void LoadStateFile(MockService& service, std::string const& path);

}  // namespace opentok_mock::http
