#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace opentok {

// Source of the current time for tokens and auth headers; inject a fixed clock in tests
// to check exact tokens. Implementations must be thread-safe.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::chrono::system_clock::time_point Now() const = 0;
};

// Source of nonces and JWT ids; inject a fixed sequence in tests. Implementations must
// be thread-safe.
class RandomSource {
 public:
  virtual ~RandomSource() = default;
  // Uniform in [0, 1), used as the token nonce (the official SDKs send a random float).
  virtual double NextUnitInterval() = 0;
  // A fresh unique id, used as the `jti` of REST auth tokens (a UUID by default).
  virtual std::string NewId() = 0;
};

}  // namespace opentok
