#include "environment.h"

#include <cstdlib>
#include <string>

#include "cli_args.h"

namespace opentok::cli {
namespace {

std::string Required(char const* name) {
  char const* value = std::getenv(name);
  if (value == nullptr || *value == '\0') throw UsageError(std::string(name) + " is not set");
  return value;
}

}  // namespace

OpenTok MakeClientFromEnvironment() {
  std::string key = Required("OPENTOK_API_KEY");
  std::string secret = Required("OPENTOK_API_SECRET");
  ClientOptions options;
  if (char const* url = std::getenv("OPENTOK_API_URL"); url != nullptr && *url != '\0') options.api_url = url;
  options.user_agent_suffix = "opentok-cli";
  return OpenTok(std::string_view(key), std::move(secret), std::move(options));
}

}  // namespace opentok::cli
