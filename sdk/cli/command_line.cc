#include "command_line.h"

#include <algorithm>
#include <stdexcept>

#include "help_text.h"

namespace opentok::cli {
namespace {

// Every level takes at most one subcommand, so a word after a command is its positional
// (or a mistake), never a second command; and options a level does not know (the
// credential options) are handed to its parent.
void ShapeLevel(CLI::App& app) {
  app.require_subcommand(0, 1);
  app.fallthrough();
}

}  // namespace

CommandLine::CommandLine(std::vector<Command> commands)
    : commands_(std::move(commands)), root_("A command-line client for the OpenTok (Vonage Video) REST API.", "opentok") {
  ShapeLevel(root_);
  nodes_[&root_] = Node{};
  version_ = root_.add_flag("--version")->description("Print the SDK version.");
  // "opentok help" is the overview, as --help is.
  help_word_ = root_.add_subcommand("help")->group("")->allow_extras();
  nodes_[help_word_] = Node{};
  AddCredentialFlags(root_);
  for (auto const& command : commands_) AddCommand(command);
}

CLI::App* CommandLine::GroupFor(std::vector<std::string> const& words) {
  CLI::App* app = &root_;
  std::string path;
  for (auto const& word : words) {
    path += (path.empty() ? "" : " ") + word;
    auto subcommands = app->get_subcommands([&](CLI::App* sub) { return sub->get_name() == word; });
    if (!subcommands.empty()) {
      app = subcommands.front();
      continue;
    }
    app = app->add_subcommand(word);
    ShapeLevel(*app);
    nodes_[app] = Node{.words = path};
  }
  return app;
}

void CommandLine::AddCommand(Command const& command) {
  auto words = SplitList(command.spec.path, ' ');
  std::string leaf_name = words.back();
  words.pop_back();
  CLI::App* parent = GroupFor(words);
  if (!parent->get_subcommands([&](CLI::App* sub) { return sub->get_name() == leaf_name; }).empty()) {
    throw std::logic_error("two commands named '" + command.spec.path + "'");
  }
  CLI::App* leaf = parent->add_subcommand(leaf_name, command.spec.summary);
  ShapeLevel(*leaf);
  Node node{.words = command.spec.path, .command = &command};
  for (auto const& name : command.spec.positionals) node.positionals.push_back(leaf->add_option(name)->required());
  for (auto const& flag : command.spec.flags) {
    CLI::Option* option = nullptr;
    if (flag.value_name.empty()) {
      // A switch: "--no-audio=yes" is a mistake, not a way to say true.
      option = leaf->add_flag("--" + flag.name)->disable_flag_override();
    } else {
      // One value per occurrence; every occurrence kept (ParsedArgs takes the last of a
      // flag that is not repeatable).
      option = leaf->add_option("--" + flag.name)
                   ->type_name(flag.value_name)
                   ->expected(1)
                   ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    }
    option->description(flag.help);
    node.flags.emplace_back(&flag, option);
  }
  nodes_[leaf] = std::move(node);
}

void CommandLine::Parse(std::vector<std::string> args) {
  // CLI11 takes the arguments last first.
  std::reverse(args.begin(), args.end());
  root_.parse(args);
}

CommandLine::Node const& CommandLine::Reached() const {
  CLI::App const* app = &root_;
  while (!app->get_subcommands().empty()) app = app->get_subcommands().front();
  return nodes_.at(app);
}

Command const* CommandLine::command() const { return Reached().command; }

std::string const& CommandLine::reached_words() const { return Reached().words; }

ParsedArgs CommandLine::arguments() const {
  Node const& node = Reached();
  std::vector<std::string> positionals;
  for (auto const* option : node.positionals) positionals.push_back(option->results().front());
  std::map<std::string, std::vector<std::string>> values;
  for (auto const& [flag, option] : node.flags) {
    if (option->count() == 0) continue;
    values[flag->name] = flag->value_name.empty() ? std::vector<std::string>{""} : option->results();
  }
  return ParsedArgs(std::move(positionals), std::move(values));
}

std::string CommandLine::Help() const {
  Node const& node = Reached();
  if (node.command != nullptr) return CommandHelp(node.command->spec);
  if (node.words.empty()) return Overview();
  return GroupHelp(commands_, node.words);
}

std::string CommandLine::Describe(CLI::ParseError const& error) const {
  auto unclaimed = root_.remaining();
  if (dynamic_cast<CLI::ExtrasError const*>(&error) == nullptr || unclaimed.empty()) return error.what();
  std::string const& first = unclaimed.front();
  if (first.starts_with("-")) return "unknown option '" + first + "'";
  Node const& reached = Reached();
  if (reached.command != nullptr) return "unexpected argument '" + first + "'";
  return "unknown command '" + (reached.words.empty() ? first : reached.words + " " + first) + "'";
}

}  // namespace opentok::cli
