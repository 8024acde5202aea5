#include "opentok_mock/ids.h"

#include "opentok_common/hmac.h"
#include "opentok_common/random.h"

namespace opentok_mock {

IdGenerator::IdGenerator(std::optional<std::uint64_t> seed) : seed_(seed) { Reseed(); }

void IdGenerator::Reseed() {
  if (seed_) engine_.seed(*seed_);
  draws_ = 0;
}

void IdGenerator::Restore(std::optional<std::uint64_t> seed, std::uint64_t draws) {
  seed_ = seed;
  Reseed();
  if (!seed_) return;
  engine_.discard(draws);
  draws_ = draws;
}

std::string IdGenerator::Bytes(std::size_t count) {
  if (!seed_) return opentok::common::RandomBytes(count);
  std::string out(count, '\0');
  for (auto& c : out) c = static_cast<char>(engine_() & 0xff);
  draws_ += count;
  return out;
}

std::string IdGenerator::Uuid() { return opentok::common::FormatUuidV4(Bytes(16)); }

std::string IdGenerator::Alphanumeric(std::size_t count) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  std::string out;
  out.reserve(count);
  // Rejection sampling keeps the distribution uniform (62 does not divide 256).
  while (out.size() < count) {
    for (unsigned char b : Bytes(count - out.size())) {
      if (b < 248 && out.size() < count) out.push_back(kAlphabet[b % 62]);
    }
  }
  return out;
}

std::string IdGenerator::NumericKey(std::size_t digits) {
  std::string out;
  while (out.size() < digits) {
    for (unsigned char b : Bytes(digits - out.size())) {
      if (b >= 250 || out.size() >= digits) continue;
      char digit = static_cast<char>('0' + b % 10);
      if (out.empty() && digit == '0') continue;
      out.push_back(digit);
    }
  }
  return out;
}

std::string IdGenerator::Hex(std::size_t count) {
  std::string hex = opentok::common::ToHex(Bytes((count + 1) / 2));
  hex.resize(count);
  return hex;
}

}  // namespace opentok_mock
