#pragma once

#include "opentok/opentok.h"

namespace opentok::cli {

// The client the CLI uses: OPENTOK_API_KEY and OPENTOK_API_SECRET (required) and
// OPENTOK_API_URL (default the real service). A missing variable is a UsageError.
OpenTok MakeClientFromEnvironment();

}  // namespace opentok::cli
