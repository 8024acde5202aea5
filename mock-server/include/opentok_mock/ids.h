#pragma once

#include <cstdint>
#include <optional>
#include <random>
#include <string>

namespace opentok_mock {

// Every random value the mock makes (resource UUIDs, session-id entropy, generated project
// keys and secrets) comes from here. With a seed the sequence is reproducible, and Reseed()
// restarts it (a reset re-applies the seed, so ids repeat run after run); without one the
// bytes come from OpenSSL. Not thread-safe: the service calls it under its lock.
class IdGenerator {
 public:
  explicit IdGenerator(std::optional<std::uint64_t> seed = std::nullopt);

  void Reseed();

  // Snapshots (state_export.cc, state_import.cc): the seed and how many numbers the seeded
  // engine has produced since it was seeded, which is enough to continue the sequence
  // exactly. Restore re-seeds and skips `draws` numbers (linear in `draws`: tens of
  // milliseconds for a million ids).
  std::optional<std::uint64_t> seed() const { return seed_; }
  std::uint64_t draws() const { return draws_; }
  void Restore(std::optional<std::uint64_t> seed, std::uint64_t draws);

  std::string Bytes(std::size_t count);
  // Lowercase hyphenated UUID v4 (the strict parsers of net-ot, php-ot and vn-java need it).
  std::string Uuid();
  // `count` characters of [A-Za-z0-9].
  std::string Alphanumeric(std::size_t count);
  // A positive decimal API key of `digits` digits (no leading zero).
  std::string NumericKey(std::size_t digits);
  // `count` lowercase hex characters (API secrets look like 40 of them).
  std::string Hex(std::size_t count);

 private:
  std::optional<std::uint64_t> seed_;
  std::mt19937_64 engine_;
  std::uint64_t draws_ = 0;
};

}  // namespace opentok_mock
