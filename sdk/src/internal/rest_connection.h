#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "internal/credentials.h"
#include "internal/retry_schedule.h"
#include "opentok/http_transport.h"

namespace opentok::internal {

// Builds REST requests (URL, the credentials' auth header, User-Agent, Accept, Content-Type), hands them to the
// transport, repeats them as the retry policy allows, and turns non-2xx answers into
// exceptions. Immutable after construction, so it is safe to use from many threads.
class RestConnection {
 public:
  RestConnection(std::string api_url, std::shared_ptr<Credentials const> credentials, std::string user_agent,
                 std::shared_ptr<HttpTransport> transport, RetrySettings retry);

  // Sends a request to api_url + `path` (path and query, starting with '/'), once, or
  // again after failures the retry policy retries for `operation` (operation_safety.h).
  // Returns the response when its status is 2xx; throws the last attempt's mapped
  // RequestException otherwise, and TransportException when no response arrived.
  HttpResponse Send(std::string_view operation, HttpMethod method, std::string_view path, std::string body = {},
                    std::string_view content_type = {}) const;

  // "/v2/project/<API key or application id>" + suffix.
  std::string ProjectPath(std::string_view suffix) const;

  std::string const& api_url() const noexcept { return api_url_; }

 private:
  std::string api_url_;
  std::shared_ptr<Credentials const> credentials_;
  std::string user_agent_;
  std::shared_ptr<HttpTransport> transport_;
  RetrySettings retry_;
};

// "OpenTok-CPP-SDK/<version>", plus " <suffix>" when a suffix is configured.
std::string MakeUserAgent(std::string_view suffix);

}  // namespace opentok::internal
