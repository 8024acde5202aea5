#include "exec_environment.h"

#include <array>
#include <string_view>

namespace opentok_mock::app {
namespace {

constexpr std::array<std::string_view, 5> kOwned{"OPENTOK_API_URL", "OPENTOK_API_KEY", "OPENTOK_API_SECRET",
                                                 "OPENTOK_APPLICATION_ID", "OPENTOK_PRIVATE_KEY"};

std::string_view NameOf(std::string_view entry) { return entry.substr(0, entry.find('=')); }

}  // namespace

std::vector<std::string> ChildEnvironment(std::vector<std::string> const& parent, ExecVariables const& variables) {
  // An application configured by its public key alone: the caller holds the private key.
  bool keep_callers_key = variables.application_id && !variables.private_key_file;
  std::vector<std::string> environment;
  for (auto const& entry : parent) {
    auto name = NameOf(entry);
    bool owned = false;
    for (auto owned_name : kOwned) owned = owned || name == owned_name;
    if (!owned || (keep_callers_key && name == "OPENTOK_PRIVATE_KEY")) environment.push_back(entry);
  }
  auto add = [&environment](char const* name, std::optional<std::string> const& value) {
    if (value) environment.push_back(std::string(name) + "=" + *value);
  };
  add("OPENTOK_API_URL", variables.api_url);
  add("OPENTOK_API_KEY", variables.api_key);
  add("OPENTOK_API_SECRET", variables.api_secret);
  add("OPENTOK_APPLICATION_ID", variables.application_id);
  add("OPENTOK_PRIVATE_KEY", variables.private_key_file);
  return environment;
}

}  // namespace opentok_mock::app
