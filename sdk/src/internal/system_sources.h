#pragma once

#include <memory>

#include "opentok/clock.h"

namespace opentok::internal {

// std::chrono::system_clock.
std::shared_ptr<Clock> MakeSystemClock();

// Ids (REST auth jti) are version 4 UUIDs straight from OpenSSL's CSPRNG; token nonces
// come from a per-thread PRNG seeded from it (reseeded after fork).
std::shared_ptr<RandomSource> MakeSystemRandom();

}  // namespace opentok::internal
