#include "internal/system_sources.h"

#include <pthread.h>

#include <array>
#include <atomic>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <random>
#include <string>

#include "opentok/errors.h"
#include "opentok_common/random.h"

namespace opentok::internal {
namespace {

// Bumped in every child after fork(), so that per-thread generators copied into the child
// reseed instead of repeating the parent's nonce sequence.
std::atomic<std::uint64_t> g_fork_generation{0};

void RegisterForkHandler() {
  static std::once_flag once;
  std::call_once(once, [] { pthread_atfork(nullptr, nullptr, [] { g_fork_generation.fetch_add(1); }); });
}

class SystemClock final : public Clock {
 public:
  std::chrono::system_clock::time_point Now() const override { return std::chrono::system_clock::now(); }
};

class SystemRandom final : public RandomSource {
 public:
  SystemRandom() { RegisterForkHandler(); }

  // Token nonces only need to be unique, like the official SDKs' Math.random() nonces, and
  // sit on the token hot path: a per-thread Mersenne Twister seeded from OpenSSL costs a
  // few nanoseconds, where RAND_bytes per token costs hundreds.
  double NextUnitInterval() override {
    thread_local std::uint64_t generation = ~std::uint64_t{0};
    thread_local std::mt19937_64 engine;
    std::uint64_t current = g_fork_generation.load(std::memory_order_relaxed);
    if (generation != current) {
      std::string seed_bytes = Bytes(32);
      std::array<std::uint32_t, 8> words{};
      std::memcpy(words.data(), seed_bytes.data(), seed_bytes.size());
      std::seed_seq seed(words.begin(), words.end());
      engine.seed(seed);
      generation = current;
    }
    // 53 bits fill a double's mantissa exactly, giving a uniform value in [0, 1).
    return static_cast<double>(engine() >> 11) * 0x1.0p-53;
  }

  std::string NewId() override { return common::FormatUuidV4(Bytes(16)); }

 private:
  static std::string Bytes(std::size_t count) {
    try {
      return common::RandomBytes(count);
    } catch (std::exception const& e) {
      throw OpenTokException(std::string("random number generator failed: ") + e.what());
    }
  }
};

}  // namespace

std::shared_ptr<Clock> MakeSystemClock() { return std::make_shared<SystemClock>(); }

std::shared_ptr<RandomSource> MakeSystemRandom() { return std::make_shared<SystemRandom>(); }

}  // namespace opentok::internal
