#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace opentok::cli {

// A command-line mistake: the CLI prints it with a pointer to --help and exits with 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct FlagSpec {
  std::string name;        // without the leading "--"
  std::string value_name;  // empty for a boolean switch
  std::string help;
  bool repeatable = false;
};

// The grammar of one subcommand, also the source of its --help text.
struct CommandSpec {
  std::string path;                     // "archive start"
  std::vector<std::string> positionals;  // names of required positional arguments
  std::string summary;
  std::vector<FlagSpec> flags;
};

// The arguments of one invocation, checked against a CommandSpec.
class ParsedArgs {
 public:
  std::string const& positional(std::size_t index) const { return positionals_.at(index); }
  bool Has(std::string const& flag) const { return values_.count(flag) > 0; }
  // The last value given for a flag.
  std::optional<std::string> Value(std::string const& flag) const;
  std::vector<std::string> Values(std::string const& flag) const;
  // The flag's value as an integer; UsageError when it is not one.
  std::optional<std::int64_t> IntegerValue(std::string const& flag) const;
  // The same, also UsageError when it does not fit an int.
  std::optional<int> IntValue(std::string const& flag) const;

 private:
  friend ParsedArgs Parse(CommandSpec const& spec, std::vector<std::string> const& args);
  std::vector<std::string> positionals_;
  std::map<std::string, std::vector<std::string>> values_;
};

// Accepts "--flag value", "--flag=value", boolean "--switch" and "--" (end of flags).
// Throws UsageError for unknown flags, missing values and a wrong positional count.
// Callers check for --help first (IsHelpRequest).
ParsedArgs Parse(CommandSpec const& spec, std::vector<std::string> const& args);

bool IsHelpRequest(std::vector<std::string> const& args);

// "a,b,,c" -> {"a", "b", "", "c"}; "" -> {""}. For flags whose value is a list.
std::vector<std::string> SplitList(std::string const& text, char separator = ',');

std::string Usage(CommandSpec const& spec);

}  // namespace opentok::cli
