#pragma once

#include "credential_flags.h"
#include "opentok/opentok.h"

namespace opentok::cli {

// The credential options of this invocation; main() sets them once, before any command runs.
void UseCredentialFlags(CredentialFlags flags);

// The client the CLI uses, with OPENTOK_API_URL (default: the service of the credentials):
//  - --application-id ID and --private-key FILE (both, and they take precedence over the
//    environment), or else
//  - OPENTOK_APPLICATION_ID and OPENTOK_PRIVATE_KEY (a file), or else
//  - OPENTOK_API_KEY and OPENTOK_API_SECRET.
// Half a pair, both pairs in the environment, or an unusable key is a UsageError.
OpenTok MakeClientFromEnvironment();

}  // namespace opentok::cli
