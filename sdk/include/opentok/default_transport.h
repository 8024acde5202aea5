#pragma once

#include <memory>

#include "opentok/client_options.h"
#include "opentok/http_transport.h"

namespace opentok {

// The SDK's built-in transport (cpp-httplib), configured from `options` (api_url,
// timeouts, proxy, ca_file; `transport` is ignored). Useful for wrapping the real network
// in a decorator, e.g. one that logs or records exchanges, and passing the decorator
// back through ClientOptions::transport. Throws ArgumentException for an unusable URL.
std::shared_ptr<HttpTransport> MakeDefaultTransport(ClientOptions const& options);

}  // namespace opentok
