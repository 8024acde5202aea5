#include "target.h"

#include <cstdlib>
#include <stdexcept>

#include "application_credentials.h"
#include "opentok_common/random.h"
#include "suite_rsa.h"
#include "opentok/default_transport.h"
#include "opentok_mock/mock_server.h"

namespace opentok::conformance {
namespace {

Target const* current_target = nullptr;
// What the last target was, for the summary and matrix printed after it is torn down.
std::string last_description = "not set up";
std::string last_kind = "not set up";
RequestCounts last_counts;

std::optional<std::string> Env(char const* name) {
  char const* value = std::getenv(name);
  if (value == nullptr || *value == '\0') return std::nullopt;
  return std::string(value);
}

std::int64_t EnvInteger(char const* name, std::int64_t fallback) {
  auto text = Env(name);
  if (!text) return fallback;
  try {
    std::size_t used = 0;
    auto value = std::stoll(*text, &used);
    if (used == text->size() && value > 0) return value;
  } catch (std::exception const&) {
  }
  throw std::runtime_error(std::string(name) + " must be a positive integer");
}

// The mock's clock, read through its control plane.
class MockClock : public Clock {
 public:
  explicit MockClock(ControlPlane const& control) : control_(control) {}
  std::chrono::system_clock::time_point Now() const override {
    return std::chrono::system_clock::time_point(std::chrono::milliseconds(control_.Now()));
  }

 private:
  ControlPlane const& control_;
};

}  // namespace

struct Target::InProcessMock {
  opentok_mock::MockServer server;
};

Target::~Target() {
  if (!unfreeze_at_exit_) return;
  try {
    control_->Unfreeze();  // leave a shared standalone mock as it was found
  } catch (std::exception const&) {
  }
}

namespace {

// The credentials the environment asks for: their kind, and the credentials themselves
// when given (a mock can mint them otherwise).
struct CredentialChoice {
  CredentialKind kind = CredentialKind::kProject;
  std::optional<Credentials> given;
};

// Both variables of a pair or neither: a half-given pair is a mistake worth stopping for.
bool PairGiven(char const* first, char const* second) {
  bool has_first = Env(first).has_value();
  bool has_second = Env(second).has_value();
  if (has_first != has_second) {
    throw std::runtime_error(std::string(has_first ? first : second) + " is set without " +
                             (has_first ? second : first) + ": set both or neither");
  }
  return has_first;
}

CredentialChoice CredentialsFromEnvironment() {
  bool project = PairGiven("OPENTOK_API_KEY", "OPENTOK_API_SECRET");
  bool application = PairGiven("OPENTOK_APPLICATION_ID", "OPENTOK_PRIVATE_KEY");
  if (project && application) {
    throw std::runtime_error("both OPENTOK_API_KEY/OPENTOK_API_SECRET and OPENTOK_APPLICATION_ID/OPENTOK_PRIVATE_KEY "
                             "are set: a run uses one kind of credentials");
  }
  CredentialChoice choice;
  choice.kind = application ? CredentialKind::kApplication : CredentialKind::kProject;
  if (auto wanted = Env("OPENTOK_CONFORMANCE_CREDENTIALS")) {
    if (*wanted != "project" && *wanted != "application") {
      throw std::runtime_error("OPENTOK_CONFORMANCE_CREDENTIALS must be \"project\" or \"application\"");
    }
    auto kind = *wanted == "application" ? CredentialKind::kApplication : CredentialKind::kProject;
    if ((project || application) && kind != choice.kind) {
      throw std::runtime_error("OPENTOK_CONFORMANCE_CREDENTIALS=" + *wanted + " contradicts the " +
                               std::string(CredentialKindName(choice.kind)) + " credentials in the environment");
    }
    choice.kind = kind;
  }
  if (project) choice.given = Credentials{*Env("OPENTOK_API_KEY"), *Env("OPENTOK_API_SECRET")};
  if (application) choice.given = ApplicationFromFile(*Env("OPENTOK_APPLICATION_ID"), *Env("OPENTOK_PRIVATE_KEY"));
  return choice;
}

}  // namespace

std::unique_ptr<Target> Target::FromEnvironment() {
  std::unique_ptr<Target> target(new Target());
  CredentialChoice choice = CredentialsFromEnvironment();
  bool forced_live = Env("OPENTOK_CONFORMANCE_TARGET").value_or("") == "live";
  auto url = Env("OPENTOK_API_URL");
  if (!url && forced_live) url = choice.kind == CredentialKind::kApplication ? kVonageApiUrl : kDefaultApiUrl;
  if (!url) {
    target->mock_ = std::make_unique<InProcessMock>();
    target->kind_ = TargetKind::kInProcessMock;
    target->url_ = target->mock_->server.url();
  } else {
    target->url_ = *url;
    while (!target->url_.empty() && target->url_.back() == '/') target->url_.pop_back();
  }
  // Short timeouts: the suite talks to loopback or a healthy service; a hang is a failure.
  ClientOptions transport_options{.api_url = target->url_,
                                  .connect_timeout = std::chrono::seconds(5),
                                  .request_timeout = std::chrono::seconds(30)};
  target->recorder_ = std::make_shared<RecordingTransport>(MakeDefaultTransport(transport_options));
  target->control_ = std::make_unique<ControlPlane>(target->recorder_, target->url_);
  if (url) target->kind_ = !forced_live && target->control_->Healthy() ? TargetKind::kMockAtUrl : TargetKind::kLive;
  bool application = choice.kind == CredentialKind::kApplication;
  if (choice.given) {
    target->credentials_ = *choice.given;
    // A mock learns a given application's public key, unless it already knows the id.
    if (application && target->has_control_plane()) {
      RegisterMockApplication(*target->recorder_, target->url_, target->credentials_);
    }
  } else if (target->kind_ == TargetKind::kInProcessMock && !application) {
    auto project = target->mock_->server.default_project();
    target->credentials_ = {project.api_key, project.api_secret};
  } else if (target->has_control_plane()) {
    // A mock can mint credentials; the run's own application has a key pair the mock made.
    target->credentials_ = application ? CreateMockApplication(*target->recorder_, target->url_)
                                       : target->control_->CreateProject();
  } else {
    throw std::runtime_error(
        "the endpoint is not a mock server: set OPENTOK_API_KEY and OPENTOK_API_SECRET, or OPENTOK_APPLICATION_ID "
        "and OPENTOK_PRIVATE_KEY, for the live service");
  }
  if (target->has_control_plane()) {
    target->clock_ = std::make_shared<MockClock>(*target->control_);
    // Mock time then moves only when a check advances it, so no timed transition (such as
    // the few seconds of archive processing) can fire while a check looks at a state.
    target->unfreeze_at_exit_ = !target->control_->Freeze();
  }
  if (Env("OPENTOK_CONFORMANCE_WAIT_FOR_PUBLISHER")) {
    target->wait_for_publisher_ = std::chrono::seconds(EnvInteger("OPENTOK_CONFORMANCE_WAIT_FOR_PUBLISHER", 0));
  }
  target->poll_interval_ = std::chrono::milliseconds(EnvInteger("OPENTOK_CONFORMANCE_POLL_MS", 1000));
  target->recorder_->Clear();
  return target;
}

std::string_view KindName(TargetKind kind) {
  switch (kind) {
    case TargetKind::kInProcessMock: return "in-process mock";
    case TargetKind::kMockAtUrl: return "mock at URL";
    case TargetKind::kLive: return "live";
  }
  return "?";
}

std::string_view CredentialKindName(CredentialKind kind) {
  return kind == CredentialKind::kApplication ? "application" : "project";
}

std::string Target::Describe() const {
  return std::string(KindName(kind_)) + " (" + url_ + "), " + std::string(CredentialKindName(credential_kind())) +
         " credentials";
}

Credentials Target::NewCredentials() const {
  if (!has_control_plane()) return credentials_;
  return NewCredentials(credentials_.is_application());
}

Credentials Target::NewCredentials(bool application) const {
  if (!application) return control_->CreateProject();
  // A fresh application id per check, all with one key pair of the run's: the mock making
  // an RSA-2048 pair for every check cost about 300 ms each, most of the run's time.
  static std::string const kRunKeyPem = SuiteRsaKey::Generate().PrivatePem();
  Credentials application_credentials{.api_key = common::FormatUuidV4(common::RandomBytes(16)),
                                      .private_key_pem = kRunKeyPem};
  RegisterMockApplication(*recorder_, url_, application_credentials);
  return application_credentials;
}

OpenTok Target::Client(std::optional<Credentials> credentials) const {
  return MakeClient(credentials ? *credentials : credentials_, nullptr);
}

OpenTok Target::TokenClient(std::optional<Credentials> credentials) const {
  return MakeClient(credentials ? *credentials : credentials_, clock_);
}

OpenTok Target::MakeClient(Credentials const& c, std::shared_ptr<Clock> clock) const {
  ClientOptions options{.api_url = url_, .transport = recorder_, .clock = std::move(clock)};
  if (c.is_application()) return OpenTok(ApplicationCredentials{c.api_key, c.private_key_pem}, std::move(options));
  return OpenTok(std::string_view(c.api_key), c.api_secret, std::move(options));
}

std::chrono::system_clock::time_point Target::Now() const {
  return clock_ ? clock_->Now() : std::chrono::system_clock::now();
}

RestClient Target::Rest(std::optional<Credentials> credentials) const {
  return RestClient(recorder_, url_, credentials ? *credentials : credentials_);
}

Target const& CurrentTarget() {
  if (current_target == nullptr) throw std::logic_error("conformance target used before the environment set it up");
  return *current_target;
}

Target const* CurrentTargetOrNull() { return current_target; }

namespace {
RequestCounts CountsOf(Target const& target) {
  int rest = target.recorder().rest_request_count();
  return {rest, target.recorder().request_count() - rest};
}
}  // namespace

void SetCurrentTarget(Target const* target) {
  if (current_target != nullptr) last_counts = CountsOf(*current_target);
  if (target != nullptr) {
    last_description = target->Describe();
    last_kind = KindName(target->kind());
  }
  current_target = target;
}

std::string CurrentTargetDescription() { return last_description; }

std::string CurrentTargetKind() { return last_kind; }

RequestCounts CurrentTargetRequestCounts() {
  return current_target != nullptr ? CountsOf(*current_target) : last_counts;
}

}  // namespace opentok::conformance
