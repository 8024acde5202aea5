#pragma once

#include <memory>

#include "opentok/clock.h"

namespace opentok::internal {

// std::chrono::system_clock.
std::shared_ptr<Clock> MakeSystemClock();

// OpenSSL's CSPRNG: nonces from 53 random bits, ids as random version 4 UUIDs.
std::shared_ptr<RandomSource> MakeSystemRandom();

}  // namespace opentok::internal
