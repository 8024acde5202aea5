#pragma once

#include <CLI/CLI.hpp>

#include <map>
#include <string>
#include <vector>

#include "cli_args.h"
#include "commands.h"
#include "credential_flags.h"

namespace opentok::cli {

// The `opentok` command line on CLI11: a subcommand per word of every command's path
// ("archive", then "start"), each command's positionals and flags from its CommandSpec,
// and the credential options on the root, accepted before or after the command's words.
// The help texts stay the CLI's own (help_text.h); CLI11 parses and reports mistakes.
class CommandLine {
 public:
  explicit CommandLine(std::vector<Command> commands);
  CommandLine(CommandLine const&) = delete;
  CommandLine& operator=(CommandLine const&) = delete;

  // Parses the arguments after argv[0]. Throws CLI::CallForHelp for --help or -h at any
  // level, and another CLI::ParseError for an unknown option or command, a missing value
  // or positional, or one too many.
  void Parse(std::vector<std::string> args);

  bool version_requested() const { return version_->count() > 0; }
  bool help_word() const { return help_word_->parsed(); }
  CredentialFlags credentials() const { return ReadCredentialFlags(root_); }
  // The command the words named, or null when they stopped at the root or at a group.
  Command const* command() const;
  // The positionals and flags of command(), which must not be null.
  ParsedArgs arguments() const;
  // The command words parsed: "" (none), "archive" (a group) or "archive start".
  std::string const& reached_words() const;
  // The help of what the words reached: the overview, a group's or a command's.
  std::string Help() const;
  // A parse error in the CLI's words: for arguments nobody took, the first of them as an
  // unknown command, option or argument; otherwise CLI11's message.
  std::string Describe(CLI::ParseError const& error) const;

 private:
  struct Node {
    std::string words;                     // "archive start"; "" for the root
    Command const* command = nullptr;      // null for the root and the groups
    std::vector<CLI::Option*> positionals;
    std::vector<std::pair<FlagSpec const*, CLI::Option*>> flags;
  };

  CLI::App* GroupFor(std::vector<std::string> const& words);
  void AddCommand(Command const& command);
  Node const& Reached() const;

  std::vector<Command> const commands_;
  CLI::App root_;
  CLI::Option* version_ = nullptr;
  CLI::App* help_word_ = nullptr;
  std::map<CLI::App const*, Node> nodes_;
};

}  // namespace opentok::cli
