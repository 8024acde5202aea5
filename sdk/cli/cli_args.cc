#include "cli_args.h"

#include <charconv>
#include <limits>

namespace opentok::cli {
namespace {

FlagSpec const* FindFlag(CommandSpec const& spec, std::string_view name) {
  for (auto const& flag : spec.flags) {
    if (flag.name == name) return &flag;
  }
  return nullptr;
}

std::string SeeHelp(CommandSpec const& spec) { return "\nRun 'opentok " + spec.path + " --help' for usage."; }

}  // namespace

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

bool IsHelpRequest(std::vector<std::string> const& args) {
  for (auto const& arg : args) {
    if (arg == "--") return false;
    if (arg == "--help" || arg == "-h") return true;
  }
  return false;
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

ParsedArgs Parse(CommandSpec const& spec, std::vector<std::string> const& args) {
  ParsedArgs parsed;
  bool flags_done = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string const& arg = args[i];
    if (flags_done || arg.size() < 2 || arg.rfind("-", 0) != 0) {
      parsed.positionals_.push_back(arg);
      continue;
    }
    if (arg == "--") {
      flags_done = true;
      continue;
    }
    if (arg.rfind("--", 0) != 0) throw UsageError("unknown option '" + arg + "'" + SeeHelp(spec));
    std::string name = arg.substr(2);
    std::optional<std::string> inline_value;
    if (auto eq = name.find('='); eq != std::string::npos) {
      inline_value = name.substr(eq + 1);
      name.resize(eq);
    }
    FlagSpec const* flag = FindFlag(spec, name);
    if (flag == nullptr) throw UsageError("unknown option '--" + name + "'" + SeeHelp(spec));
    std::string value;
    if (flag->value_name.empty()) {
      if (inline_value) throw UsageError("--" + name + " takes no value" + SeeHelp(spec));
    } else if (inline_value) {
      value = *inline_value;
    } else {
      if (i + 1 >= args.size()) throw UsageError("--" + name + " needs a value (" + flag->value_name + ")" + SeeHelp(spec));
      value = args[++i];
    }
    auto& values = parsed.values_[name];
    if (!flag->repeatable) values.clear();
    values.push_back(std::move(value));
  }
  if (parsed.positionals_.size() != spec.positionals.size()) {
    std::string expected = spec.positionals.empty() ? "no arguments" : "";
    for (auto const& p : spec.positionals) expected += (expected.empty() ? "" : " ") + p;
    throw UsageError("'opentok " + spec.path + "' expects " + expected + ", got " +
                     std::to_string(parsed.positionals_.size()) + " argument(s)" + SeeHelp(spec));
  }
  return parsed;
}

std::string Usage(CommandSpec const& spec) {
  std::string text = "Usage: opentok " + spec.path;
  for (auto const& p : spec.positionals) text += " " + p;
  if (!spec.flags.empty()) text += " [options]";
  text += "\n\n" + spec.summary + "\n";
  if (!spec.flags.empty()) {
    text += "\nOptions:\n";
    for (auto const& flag : spec.flags) {
      std::string left = "  --" + flag.name + (flag.value_name.empty() ? "" : " " + flag.value_name);
      if (left.size() < 32) left.resize(32, ' ');
      text += left + " " + flag.help + (flag.repeatable ? " (repeatable)" : "") + "\n";
    }
  }
  text += "  --help                         Show this help.\n";
  return text;
}

}  // namespace opentok::cli
