#include "credential_flags.h"

#include <CLI/CLI.hpp>

namespace opentok::cli {
namespace {

constexpr char kApplicationId[] = "--application-id";
constexpr char kPrivateKey[] = "--private-key";

std::optional<std::string> LastValue(CLI::App const& root, char const* name) {
  CLI::Option const* option = root.get_option(name);
  if (option->count() == 0) return std::nullopt;
  return option->results().back();
}

}  // namespace

void AddCredentialFlags(CLI::App& root) {
  root.add_option(kApplicationId)
      ->type_name("ID")
      ->description("Vonage application id (a UUID); needs --private-key.")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  root.add_option(kPrivateKey)
      ->type_name("FILE")
      ->description("PEM file of the application's RSA private key.")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
}

CredentialFlags ReadCredentialFlags(CLI::App const& root) {
  return CredentialFlags{.application_id = LastValue(root, kApplicationId),
                         .private_key_file = LastValue(root, kPrivateKey)};
}

}  // namespace opentok::cli
