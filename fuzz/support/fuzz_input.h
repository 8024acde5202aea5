#pragma once

// Reading one fuzz input as a few fields. Targets take mode bytes from the front and text
// fields separated by a byte (usually '\n'), so that seed files stay readable and the
// fuzzer's insertions and deletions keep the fields apart.

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace opentok_fuzz {

class FuzzInput {
 public:
  FuzzInput(std::uint8_t const* data, std::size_t size)
      : rest_(reinterpret_cast<char const*>(data), size) {}

  // The next byte, 0 once the input is exhausted.
  std::uint8_t Byte() {
    if (rest_.empty()) return 0;
    auto byte = static_cast<std::uint8_t>(rest_.front());
    rest_.remove_prefix(1);
    return byte;
  }

  // Up to the next `separator` (consumed, not returned), or everything left.
  std::string_view Field(char separator = '\n') {
    auto end = rest_.find(separator);
    auto field = rest_.substr(0, end);
    rest_.remove_prefix(end == std::string_view::npos ? rest_.size() : end + 1);
    return field;
  }

  // Everything not read yet.
  std::string_view Rest() {
    auto rest = rest_;
    rest_ = {};
    return rest;
  }

  bool empty() const { return rest_.empty(); }

 private:
  std::string_view rest_;
};

}  // namespace opentok_fuzz
