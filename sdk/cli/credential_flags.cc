#include "credential_flags.h"

#include <string_view>

#include "cli_args.h"

namespace opentok::cli {
namespace {

// The member of `flags` that "--<name>" sets, or null when `name` is not a credential option.
std::optional<std::string>* Slot(CredentialFlags& flags, std::string_view name) {
  if (name == "application-id") return &flags.application_id;
  if (name == "private-key") return &flags.private_key_file;
  return nullptr;
}

}  // namespace

CredentialFlags ExtractCredentialFlags(std::vector<std::string>& args) {
  CredentialFlags flags;
  std::vector<std::string> rest;
  rest.reserve(args.size());
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string const& arg = args[i];
    if (arg == "--") {
      rest.insert(rest.end(), args.begin() + static_cast<std::ptrdiff_t>(i), args.end());
      break;
    }
    std::string_view name = arg.rfind("--", 0) == 0 ? std::string_view(arg).substr(2) : std::string_view();
    auto eq = name.find('=');
    auto* slot = Slot(flags, name.substr(0, eq));
    if (slot == nullptr) {
      rest.push_back(arg);
    } else if (eq != std::string_view::npos) {
      *slot = std::string(name.substr(eq + 1));
    } else if (i + 1 < args.size()) {
      *slot = args[++i];
    } else {
      throw UsageError(arg + " needs a value");
    }
  }
  args = std::move(rest);
  return flags;
}

}  // namespace opentok::cli
