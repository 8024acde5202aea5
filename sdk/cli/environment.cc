#include "environment.h"

#include <cstdlib>
#include <string>

#include "cli_args.h"

namespace opentok::cli {
namespace {

CredentialFlags g_flags;  // written once by main() before any command reads it

std::optional<std::string> Variable(char const* name) {
  char const* value = std::getenv(name);
  if (value == nullptr || *value == '\0') return std::nullopt;
  return value;
}

std::string Required(char const* name) {
  auto value = Variable(name);
  if (!value) {
    throw UsageError(std::string(name) +
                     " is not set (give OPENTOK_API_KEY and OPENTOK_API_SECRET, or an application's"
                     " --application-id and --private-key)");
  }
  return *value;
}

// A Vonage application whose id and key file came from `origin` (named in errors; the key
// file's path is not secret, its contents are and never appear).
OpenTok MakeApplicationClient(std::string application_id, std::string const& key_file, std::string const& origin,
                              ClientOptions options) {
  // The SDK would take such text as the key itself; the CLI wants a file, and must not echo
  // key material in its error.
  if (key_file.find("-----BEGIN") != std::string::npos) {
    throw UsageError("the private key option takes the path of a PEM file, not the key itself (" + origin + ")");
  }
  try {
    return OpenTok(ApplicationCredentials{.application_id = std::move(application_id), .private_key = key_file},
                   std::move(options));
  } catch (ArgumentException const& e) {
    throw UsageError(std::string(e.what()) + " (" + origin + " '" + key_file + "')");
  }
}

}  // namespace

void UseCredentialFlags(CredentialFlags flags) { g_flags = std::move(flags); }

OpenTok MakeClientFromEnvironment() {
  ClientOptions options;
  if (auto url = Variable("OPENTOK_API_URL")) options.api_url = *url;
  options.user_agent_suffix = "opentok-cli";

  if (g_flags.application_id || g_flags.private_key_file) {
    if (!g_flags.private_key_file) throw UsageError("--application-id needs --private-key FILE");
    if (!g_flags.application_id) throw UsageError("--private-key needs --application-id ID");
    return MakeApplicationClient(*g_flags.application_id, *g_flags.private_key_file,
                                 "--application-id, --private-key", std::move(options));
  }

  auto application_id = Variable("OPENTOK_APPLICATION_ID");
  auto key_file = Variable("OPENTOK_PRIVATE_KEY");
  if (application_id || key_file) {
    if (Variable("OPENTOK_API_KEY") || Variable("OPENTOK_API_SECRET")) {
      throw UsageError(
          "both an application (OPENTOK_APPLICATION_ID, OPENTOK_PRIVATE_KEY) and a project (OPENTOK_API_KEY,"
          " OPENTOK_API_SECRET) are set: unset one of them");
    }
    if (!key_file) throw UsageError("OPENTOK_APPLICATION_ID is set but OPENTOK_PRIVATE_KEY (a key file) is not");
    if (!application_id) throw UsageError("OPENTOK_PRIVATE_KEY is set but OPENTOK_APPLICATION_ID is not");
    return MakeApplicationClient(*application_id, *key_file, "OPENTOK_APPLICATION_ID, OPENTOK_PRIVATE_KEY",
                                 std::move(options));
  }

  std::string key = Required("OPENTOK_API_KEY");
  std::string secret = Required("OPENTOK_API_SECRET");
  return OpenTok(std::string_view(key), std::move(secret), std::move(options));
}

}  // namespace opentok::cli
