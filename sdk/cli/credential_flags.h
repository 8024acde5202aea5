#pragma once

#include <optional>
#include <string>

namespace CLI {
class App;
}

namespace opentok::cli {

// The global credential options, accepted before or after the command's words:
// --application-id ID and --private-key FILE (a Vonage application instead of the
// OPENTOK_API_KEY / OPENTOK_API_SECRET project).
struct CredentialFlags {
  std::optional<std::string> application_id;
  std::optional<std::string> private_key_file;
};

// Adds the two options to the root of the command line (its subcommands hand options they
// do not know to it), and reads what the parse left in them.
void AddCredentialFlags(CLI::App& root);
CredentialFlags ReadCredentialFlags(CLI::App const& root);

}  // namespace opentok::cli
