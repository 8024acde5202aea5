#include "cli_args.h"

#include <charconv>
#include <limits>

namespace opentok::cli {

std::optional<std::string> ParsedArgs::Value(std::string const& flag) const {
  auto it = values_.find(flag);
  if (it == values_.end()) return std::nullopt;
  return it->second.back();
}

std::vector<std::string> ParsedArgs::Values(std::string const& flag) const {
  auto it = values_.find(flag);
  return it == values_.end() ? std::vector<std::string>{} : it->second;
}

std::optional<std::int64_t> ParsedArgs::IntegerValue(std::string const& flag) const {
  auto text = Value(flag);
  if (!text) return std::nullopt;
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (text->empty() || ec != std::errc{} || end != text->data() + text->size()) {
    throw UsageError("--" + flag + " needs an integer, got '" + *text + "'");
  }
  return value;
}

std::optional<int> ParsedArgs::IntValue(std::string const& flag) const {
  auto value = IntegerValue(flag);
  if (!value) return std::nullopt;
  if (*value < std::numeric_limits<int>::min() || *value > std::numeric_limits<int>::max()) {
    throw UsageError("--" + flag + " is out of range");
  }
  return static_cast<int>(*value);
}

std::vector<std::string> SplitList(std::string const& text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (auto at = text.find(separator); at != std::string::npos; at = text.find(separator, start)) {
    parts.push_back(text.substr(start, at - start));
    start = at + 1;
  }
  parts.push_back(text.substr(start));
  return parts;
}

}  // namespace opentok::cli
