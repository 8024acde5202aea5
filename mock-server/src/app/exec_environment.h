#pragma once

#include <optional>
#include <string>
#include <vector>

namespace opentok_mock::app {

// The variables `opentok-mock exec` gives its command: the ones the project's `opentok` CLI,
// the conformance suite and the official SDKs' test setups read.
struct ExecVariables {
  std::string api_url;
  std::optional<std::string> api_key;     // with api_secret: the project's credentials
  std::optional<std::string> api_secret;
  std::optional<std::string> application_id;
  // The application's private key FILE; absent for an application configured with only its
  // public key, when the caller's own OPENTOK_PRIVATE_KEY (if any) is kept.
  std::optional<std::string> private_key_file;
};

// `parent` ("NAME=value" entries, e.g. from environ) without any OPENTOK_API_URL,
// OPENTOK_API_KEY, OPENTOK_API_SECRET, OPENTOK_APPLICATION_ID or OPENTOK_PRIVATE_KEY a
// caller had set (a stale key must not meet the mock's URL), plus `variables`.
std::vector<std::string> ChildEnvironment(std::vector<std::string> const& parent, ExecVariables const& variables);

}  // namespace opentok_mock::app
