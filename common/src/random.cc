#include "opentok_common/random.h"

#include <openssl/rand.h>

#include <stdexcept>

#include "opentok_common/hmac.h"

namespace opentok::common {

std::string RandomBytes(std::size_t count) {
  std::string out(count, '\0');
  if (count > 0 && RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), static_cast<int>(count)) != 1) {
    throw std::runtime_error("OpenSSL: RAND_bytes failed");
  }
  return out;
}

std::string FormatUuidV4(std::string const& sixteen_bytes) {
  if (sixteen_bytes.size() != 16) throw std::invalid_argument("FormatUuidV4 needs exactly 16 bytes");
  std::string b = sixteen_bytes;
  b[6] = static_cast<char>((static_cast<unsigned char>(b[6]) & 0x0f) | 0x40);  // version 4
  b[8] = static_cast<char>((static_cast<unsigned char>(b[8]) & 0x3f) | 0x80);  // RFC 4122 variant
  std::string hex = ToHex(b);
  return hex.substr(0, 8) + '-' + hex.substr(8, 4) + '-' + hex.substr(12, 4) + '-' + hex.substr(16, 4) + '-' +
         hex.substr(20);
}

}  // namespace opentok::common
