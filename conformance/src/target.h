#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "control_plane.h"
#include "opentok/opentok.h"
#include "recording_transport.h"
#include "rest_client.h"

namespace opentok::conformance {

enum class TargetKind {
  kInProcessMock,  // no OPENTOK_API_URL: a mock server started inside this process
  kMockAtUrl,      // OPENTOK_API_URL answers GET /_mock/health: a standalone mock
  kLive,           // anything else: treated as the real service
};

// "in-process mock", "mock at URL", "live".
std::string_view KindName(TargetKind kind);

// What the run authenticates with: an OpenTok project (API key and secret: HS256 REST
// auth, HS256 and T1 client tokens) or a Vonage application (application id and RSA
// private key: RS256 REST auth and client tokens).
enum class CredentialKind { kProject, kApplication };
// "project", "application".
std::string_view CredentialKindName(CredentialKind kind);

// The endpoint under test, chosen once from the environment:
//   OPENTOK_API_URL, OPENTOK_API_KEY, OPENTOK_API_SECRET   the endpoint and project credentials
//   OPENTOK_APPLICATION_ID, OPENTOK_PRIVATE_KEY=FILE       or a Vonage application's credentials
//   OPENTOK_CONFORMANCE_CREDENTIALS=project|application    the kind, when a mock should mint them
//                                                          (default: the kind given, else project)
//   OPENTOK_CONFORMANCE_TARGET=live                        treat a mock as live (no control plane);
//                                                          without OPENTOK_API_URL: the kind's
//                                                          default host (api.opentok.com or
//                                                          video.api.vonage.com)
//   OPENTOK_CONFORMANCE_WAIT_FOR_PUBLISHER=SECONDS         live: wait for a real publisher
//   OPENTOK_CONFORMANCE_POLL_MS=MS                         live: polling interval (default 1000)
class Target {
 public:
  // Reads the environment, starts the in-process mock when needed. Throws
  // std::runtime_error with a message that says what is missing.
  static std::unique_ptr<Target> FromEnvironment();
  ~Target();

  TargetKind kind() const { return kind_; }
  std::string Describe() const;
  std::string const& url() const { return url_; }
  Credentials const& credentials() const { return credentials_; }
  CredentialKind credential_kind() const {
    return credentials_.is_application() ? CredentialKind::kApplication : CredentialKind::kProject;
  }
  // Credentials of the run's kind for one check: on a mock a fresh project or application
  // of its own (so nothing another check did can change a count), on live the configured ones.
  Credentials NewCredentials() const;

  bool has_control_plane() const { return kind_ != TargetKind::kLive; }
  // Precondition: has_control_plane().
  ControlPlane const& control() const { return *control_; }

  // An SDK client of `credentials` (default: the target's) whose requests are recorded:
  // built from the API key and secret, or from the application id and private key.
  OpenTok Client(std::optional<Credentials> credentials = std::nullopt) const;
  // An SDK client for minting client tokens, whose clock is the target's: the mock clock
  // on a mock (which checks token expiry on its own clock, and tests move it forward),
  // the system clock on live. REST calls go through Client(), whose auth tokens must
  // follow the wall clock.
  OpenTok TokenClient(std::optional<Credentials> credentials = std::nullopt) const;
  RestClient Rest(std::optional<Credentials> credentials = std::nullopt) const;
  // The target's current time (the mock clock on a mock).
  std::chrono::system_clock::time_point Now() const;
  RecordingTransport& recorder() const { return *recorder_; }

  std::optional<std::chrono::seconds> wait_for_publisher() const { return wait_for_publisher_; }
  std::chrono::milliseconds poll_interval() const { return poll_interval_; }

 private:
  struct InProcessMock;
  Target() = default;
  Credentials NewCredentials(bool application) const;
  OpenTok MakeClient(Credentials const& credentials, std::shared_ptr<Clock> clock) const;

  TargetKind kind_ = TargetKind::kLive;
  std::string url_;
  Credentials credentials_;
  std::unique_ptr<InProcessMock> mock_;
  std::shared_ptr<RecordingTransport> recorder_;
  std::unique_ptr<ControlPlane> control_;
  std::shared_ptr<Clock> clock_;  // null: the system clock
  bool unfreeze_at_exit_ = false;
  std::optional<std::chrono::seconds> wait_for_publisher_;
  std::chrono::milliseconds poll_interval_{1000};
};

// The target of this run; set up by the global test environment before any check runs.
Target const& CurrentTarget();
// Null before set-up, after tear-down, or when set-up failed.
Target const* CurrentTargetOrNull();
void SetCurrentTarget(Target const* target);
// Describe() and KindName() of the current (or, once torn down, the last) target; "not
// set up" before there was one.
std::string CurrentTargetDescription();
std::string CurrentTargetKind();

// The requests the run sent so far (or, once torn down, in all): to the REST API, whether
// through the SDK or raw, and to a mock's control plane.
struct RequestCounts {
  int rest = 0;
  int control_plane = 0;
};
RequestCounts CurrentTargetRequestCounts();

// Skips the current check with a reason unless the run uses `kind` credentials (checks of
// HS256/T1 project tokens skip with applications, RS256 application checks with projects).
#define OPENTOK_REQUIRE_CREDENTIALS(kind, what)                                                          \
  do {                                                                                                 \
    auto const run_kind = ::opentok::conformance::CurrentTarget().credential_kind();                   \
    if (run_kind != (kind)) {                                                                          \
      GTEST_SKIP() << "needs " << ::opentok::conformance::CredentialKindName(kind) << " credentials (" \
                   << what << "); this run uses " << ::opentok::conformance::CredentialKindName(run_kind); \
    }                                                                                                  \
  } while (false)

}  // namespace opentok::conformance
