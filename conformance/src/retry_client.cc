#include "retry_client.h"

#include "target.h"

namespace opentok::conformance {

void MockClockSleeper::SleepFor(std::chrono::milliseconds duration) {
  {
    std::lock_guard lock(mu_);
    waits_.push_back(duration);
  }
  auto const whole_seconds = std::chrono::ceil<std::chrono::seconds>(duration).count();
  if (whole_seconds > 0) CurrentTarget().control().Advance(whole_seconds);
}

std::vector<std::chrono::milliseconds> MockClockSleeper::waits() const {
  std::lock_guard lock(mu_);
  return waits_;
}

OpenTok RetryingClient(Credentials const& credentials, RetryPolicy const& policy, std::shared_ptr<Sleeper> sleeper) {
  Target const& target = CurrentTarget();
  ClientOptions options;
  options.api_url = target.url();
  // Not owned: the target, and so its recorder, outlives every check.
  options.transport = std::shared_ptr<HttpTransport>(std::shared_ptr<void>(), &target.recorder());
  options.retry = policy;
  options.sleeper = std::move(sleeper);
  if (credentials.is_application()) {
    return OpenTok(ApplicationCredentials{credentials.api_key, credentials.private_key_pem}, std::move(options));
  }
  return OpenTok(std::string_view(credentials.api_key), credentials.api_secret, std::move(options));
}

}  // namespace opentok::conformance
