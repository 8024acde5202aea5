#pragma once

// Setting up mock state for the benchmarks through the mock's own API: a routed session
// with a client that connected (with a token from our SDK) and publishes, so that archives
// can start; and a project holding a given number of archives.

#include <chrono>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <utility>

#include "opentok_mock/service.h"

namespace opentok::bench {

// The value of a mock Result, or std::runtime_error with the service's message.
template <typename T>
T Must(opentok_mock::Result<T> result) {
  if (!result) throw std::runtime_error("mock: " + result.error().message);
  return std::move(result).value();
}

// A routed session of `project` with one connected, publishing client.
std::string PublishingSession(opentok_mock::MockService& service, opentok_mock::ProjectCredentials const& project);

// Starts and stops `count` archives in `session_id`, then moves the mock clock past the
// processing delay so that they are all `available` (url and sha256sum set), as stored
// archives usually are. Returns the id of the newest.
std::string StoreArchives(opentok_mock::MockService& service, std::string const& api_key,
                          std::string const& session_id, std::size_t count);

}  // namespace opentok::bench
