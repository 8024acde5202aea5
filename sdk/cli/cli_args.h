#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace opentok::cli {

// A command-line mistake found by a command (a bad value, missing credentials): the CLI
// prints it and exits with 2.
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

// The grammar of one subcommand, also the source of its --help text. CommandLine turns it
// into CLI11 subcommands and options.
struct CommandSpec {
  std::string path;                     // "archive start"
  std::vector<std::string> positionals;  // names of required positional arguments
  std::string summary;
  std::vector<FlagSpec> flags;
};

// The arguments of one invocation of a command, as CommandLine parsed them.
class ParsedArgs {
 public:
  // `values`: every value given for each flag present, in order ("" for a switch).
  ParsedArgs(std::vector<std::string> positionals, std::map<std::string, std::vector<std::string>> values)
      : positionals_(std::move(positionals)), values_(std::move(values)) {}

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
  std::vector<std::string> positionals_;
  std::map<std::string, std::vector<std::string>> values_;
};

// "a,b,,c" -> {"a", "b", "", "c"}; "" -> {""}. For flags whose value is a list.
std::vector<std::string> SplitList(std::string const& text, char separator = ',');

}  // namespace opentok::cli
