#pragma once

#include <cstdint>
#include <string>

namespace opentok::common {

// Cryptographically strong random bytes from OpenSSL (RAND_bytes). Throws
// std::runtime_error if the generator fails, which only happens on a broken system.
std::string RandomBytes(std::size_t count);

// A lowercase, hyphenated RFC 4122 version 4 UUID made from 16 bytes of input; the
// version and variant bits are forced. Used with RandomBytes(16), or with seeded bytes
// where ids must be reproducible.
std::string FormatUuidV4(std::string const& sixteen_bytes);

}  // namespace opentok::common
