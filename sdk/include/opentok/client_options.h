#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "opentok/clock.h"
#include "opentok/http_transport.h"
#include "opentok/retry.h"
#include "opentok/types.h"

namespace opentok {

inline constexpr char kDefaultApiUrl[] = "https://api.opentok.com";
// The default for Vonage application credentials (ApplicationCredentials): applications
// are served by the Vonage Video API host, not by api.opentok.com.
inline constexpr char kVonageApiUrl[] = "https://video.api.vonage.com";

// Client-wide settings; every field has a sensible default.
struct ClientOptions {
  // Base URL of the REST API. https:// verifies the server certificate against the system
  // CA store (or ca_file); http:// is allowed, e.g. for the mock server. With application
  // credentials, the project default kDefaultApiUrl stands for kVonageApiUrl.
  std::string api_url = kDefaultApiUrl;
  // Explicit timeouts (never cpp-httplib's 300 s connect default).
  std::chrono::milliseconds connect_timeout{10'000};
  std::chrono::milliseconds request_timeout{30'000};
  // HTTP proxy as "http://host:port"; empty for none.
  std::string proxy;
  // PEM bundle of trusted CAs; empty uses the system store.
  std::string ca_file;
  // Appended to the User-Agent after "OpenTok-CPP-SDK/<version>".
  std::string user_agent_suffix;
  // Format of tokens made by GenerateToken when TokenOptions::format is not set. Application
  // credentials mint JWTs only (kT1 is an ArgumentException).
  TokenFormat token_format = TokenFormat::kJwt;
  // Replaces the built-in cpp-httplib transport when set; the transport options above
  // (timeouts, proxy, ca_file) then do not apply.
  std::shared_ptr<HttpTransport> transport;
  // Time and randomness; null means the system clock and OpenSSL's generator.
  std::shared_ptr<Clock> clock;
  std::shared_ptr<RandomSource> random;
  // Retries of failed REST requests; the default (max_attempts 1) sends each request once.
  RetryPolicy retry;
  // Waits between retries; null means blocking the calling thread.
  std::shared_ptr<Sleeper> sleeper;
};

}  // namespace opentok
