#include "opentok_mock/mock_server.h"

#include <stdexcept>

#include "audio_streamer.h"
#include "callback_dispatcher.h"
#include "callback_json.h"
#include "outbound_policy.h"
#include "rest_call.h"
#include "router.h"
#include "server_setup.h"
#include "state_file.h"
#include "timer_ticker.h"
#include "tls_setup.h"
#include "url_probe.h"

namespace opentok_mock {
namespace {

// Audio Connector calls get real WebSockets (audio_streamer.h) where callbacks may go:
// loopback, and the hosts the callback options allow (--callback-allow-host, ...-any-host).
http::AudioStreamerOptions AudioStreamerFor(MockServerOptions const& options) {
  http::AudioStreamerOptions streamer;
  streamer.handshake_timeout = options.audio_connector_handshake_timeout;
  http::OutboundPolicy policy{options.callbacks.allowed_hosts, options.callbacks.allow_any_host};
  streamer.host_allowed = [policy](std::string const& uri) { return http::OutboundHostAllowed(uri, policy); };
  return streamer;
}

// Script operations are checked against the REST table, so that a misspelt one is a 400
// instead of a script that never fires.
std::vector<std::string> RestOperations() {
  std::vector<std::string> names;
  for (auto const& route : http::RestRoutes()) names.emplace_back(route.operation);
  return names;
}

}  // namespace

struct MockServer::Impl {
  // Render pages on loopback URLs are fetched for real (url_probe.h).
  explicit Impl(MockServerOptions opts)
      : options(std::move(opts)),
        service(http::WithUrlProbe(options.service)),
        callbacks(options.callbacks, http::CallbackBody, [this] { return service.WallMs(); }),
        ticker({[this] { return service.NextTimerDueMs(); }, [this] { return service.NowMs(); },
                [this] { return service.ClockFrozen(); }, [this] { service.FireDueTimers(); }}) {
    // The subscriber runs under the service's lock: it only queues the event and nudges the
    // ticker (a timer may have been added).
    subscription = service.SubscribeEvents([this](ServiceEvent const& event) {
      callbacks.Enqueue(event);
      ticker.Wake();
    });
  }
  ~Impl() { service.UnsubscribeEvents(subscription); }

  MockServerOptions options;
  MockService service;
  http::AudioStreamer audio_streamer{service, AudioStreamerFor(options)};  // after the service: stops first
  http::CallbackDispatcher callbacks;
  http::TimerTicker ticker;
  std::uint64_t subscription = 0;
  FaultInjector faults{{options.service.seed, [this] { return service.NowMs(); }, RestOperations()}};
  http::Router router;
  std::unique_ptr<http::serving::ConnectionServer> http;
  int port = 0;
  std::string url;
  std::string ca_pem;
  ProjectCredentials default_project;
  std::vector<ApplicationCredentials> applications;
};

MockServer::MockServer() : MockServer(MockServerOptions{}) {}

MockServer::MockServer(MockServerOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {
  auto& impl = *impl_;
  if (impl.options.projects.empty()) impl.options.projects.push_back({});
  for (auto const& project : impl.options.projects) {
    auto added = impl.service.AddProject(project.api_key, project.api_secret);
    if (!added) throw std::invalid_argument("MockServer: " + added.error().message);
    if (impl.default_project.api_key.empty()) impl.default_project = *added;
  }
  if (!impl.options.callback_url.empty()) {
    for (auto group : kAllCallbackGroups) {
      auto set = impl.service.SetCallbackUrl(impl.default_project.api_key, group, impl.options.callback_url);
      if (!set) throw std::invalid_argument("MockServer: callback_url: " + set.error().message);
    }
  }
  for (auto const& application : impl.options.applications) {
    auto added = impl.service.AddApplication(application.application_id, application.public_key_pem);
    if (!added) throw std::invalid_argument("MockServer: " + added.error().message);
    impl.applications.push_back(std::move(*added));
  }
  if (!impl.options.state_file.empty()) {
    http::LoadStateFile(impl.service, impl.options.state_file);
    auto projects = impl.service.Projects();
    impl.default_project = projects.empty() ? ProjectCredentials{} : projects.front();
    impl.applications = impl.service.Applications();
  }

  http::RegisterMockRoutes(impl.router, impl.service, impl.callbacks, [&impl] { impl.callbacks.Reset(); },
                           &impl.faults);
  auto serving = http::ServingOptionsFor(impl.options);
  auto tls = http::MakeTlsSetup(impl.options.tls);
  serving.tls = tls.context;
  impl.ca_pem = std::move(tls.ca_pem);
  impl.http = std::make_unique<http::serving::ConnectionServer>(std::move(serving), impl.router);
  // Bind and listen on the caller's thread, so that the port is known and accepting before
  // the constructor returns (a taken port throws here).
  auto const& host = impl.options.host;
  impl.port = impl.http->Listen(host, impl.options.port);
  bool ipv6 = host.find(':') != std::string::npos;
  std::string scheme = impl.options.tls.enabled() ? "https://" : "http://";
  impl.url = scheme + (ipv6 ? "[" + host + "]" : host) + ":" + std::to_string(impl.port);
  impl.service.SetPublicBaseUrl(impl.url);
  impl.http->Start();
}

MockServer::~MockServer() { Stop(); }

void MockServer::Stop() { impl_->http->Stop(); }

std::string const& MockServer::url() const { return impl_->url; }
std::string const& MockServer::ca_pem() const { return impl_->ca_pem; }
int MockServer::port() const { return impl_->port; }
std::string const& MockServer::host() const { return impl_->options.host; }
ProjectCredentials const& MockServer::default_project() const { return impl_->default_project; }
std::vector<ApplicationCredentials> const& MockServer::applications() const { return impl_->applications; }
MockService& MockServer::service() { return impl_->service; }
FaultInjector& MockServer::faults() { return impl_->faults; }
void MockServer::AddCallbackSink(CallbackSink sink) { impl_->callbacks.AddSink(std::move(sink)); }
bool MockServer::WaitForCallbacks(std::chrono::milliseconds timeout) { return impl_->callbacks.WaitUntilDrained(timeout); }
std::vector<CallbackAttempt> MockServer::CallbackLog() const { return impl_->callbacks.Log(); }

}  // namespace opentok_mock
