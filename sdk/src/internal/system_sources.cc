#include "internal/system_sources.h"

#include <cstdint>
#include <cstring>
#include <string>

#include "opentok/errors.h"
#include "opentok_common/random.h"

namespace opentok::internal {
namespace {

class SystemClock final : public Clock {
 public:
  std::chrono::system_clock::time_point Now() const override { return std::chrono::system_clock::now(); }
};

class SystemRandom final : public RandomSource {
 public:
  double NextUnitInterval() override {
    std::uint64_t bits = 0;
    std::string bytes = Bytes(sizeof(bits));
    std::memcpy(&bits, bytes.data(), sizeof(bits));
    // 53 bits fill a double's mantissa exactly, giving a uniform value in [0, 1).
    return static_cast<double>(bits >> 11) * 0x1.0p-53;
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
