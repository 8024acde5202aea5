// MakeDefaultTransport: the built-in cpp-httplib transport, for decorators to wrap.
#include "opentok/default_transport.h"

#include "internal/httplib_transport.h"
#include "internal/url.h"
#include "opentok/errors.h"

namespace opentok {

std::shared_ptr<HttpTransport> MakeDefaultTransport(ClientOptions const& options) {
  if (!internal::NormalizeApiUrl(options.api_url)) {
    throw ArgumentException("api_url must be an http:// or https:// URL without query or fragment");
  }
  return std::make_shared<internal::HttplibTransport>(internal::MakeTransportSettings(options));
}

}  // namespace opentok
