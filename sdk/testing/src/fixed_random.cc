#include "opentok/testing/fixed_random.h"

#include <stdexcept>
#include <utility>

namespace opentok::testing {

FixedRandom::FixedRandom(double nonce, std::string id_prefix) : nonce_(nonce), id_prefix_(std::move(id_prefix)) {
  // The SDK's contract for NextUnitInterval is [0, 1); a fake outside it would test
  // behaviour the real source never produces.
  if (!(nonce >= 0.0 && nonce < 1.0)) throw std::invalid_argument("FixedRandom: the nonce must be in [0, 1)");
}

double FixedRandom::NextUnitInterval() { return nonce_; }

std::string FixedRandom::NewId() { return id_prefix_ + std::to_string(++ids_); }

}  // namespace opentok::testing
