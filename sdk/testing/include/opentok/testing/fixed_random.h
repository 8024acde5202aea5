#pragma once

#include <atomic>
#include <string>

#include "opentok/clock.h"

namespace opentok::testing {

// A deterministic RandomSource: always the same token nonce, and numbered ids
// "<prefix>1", "<prefix>2", ... for the `jti` of REST auth tokens, so tokens and requests
// repeat exactly from run to run. Thread-safe.
class FixedRandom final : public RandomSource {
 public:
  explicit FixedRandom(double nonce = 0.5, std::string id_prefix = "jti-");

  double NextUnitInterval() override;
  std::string NewId() override;

  // How many ids NewId() has handed out (one per REST request the SDK made).
  int ids_issued() const { return ids_.load(); }

 private:
  double const nonce_;
  std::string const id_prefix_;
  std::atomic<int> ids_{0};
};

}  // namespace opentok::testing
