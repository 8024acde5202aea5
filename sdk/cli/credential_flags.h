#pragma once

#include <optional>
#include <string>
#include <vector>

namespace opentok::cli {

// The global credential options, accepted before or after the command's words:
// --application-id ID and --private-key FILE (a Vonage application instead of the
// OPENTOK_API_KEY / OPENTOK_API_SECRET project).
struct CredentialFlags {
  std::optional<std::string> application_id;
  std::optional<std::string> private_key_file;
};

// Removes the credential options (and their values, "--flag value" or "--flag=value") from
// `args` up to a "--", and returns them. UsageError when one lacks its value.
CredentialFlags ExtractCredentialFlags(std::vector<std::string>& args);

}  // namespace opentok::cli
