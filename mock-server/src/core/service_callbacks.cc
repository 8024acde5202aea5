// Service events and where their callbacks go: the subscribers, the one emission helper
// that stamps each event and resolves its callback URLs, the projects' callback
// configuration (group URLs and legacy REST registrations) and the timer hooks a ticker uses.

#include <algorithm>

#include "opentok_mock/errors.h"
#include "service_impl.h"

namespace opentok_mock {
namespace {

// The legacy registration (group, event) an event matches (see CallbackRegistration).
struct LegacyKind {
  std::string_view group;
  std::string_view event;
};

// The pairs a registration may name: the legacy API's, and one per callback group of today.
constexpr LegacyKind kLegacyKinds[] = {
    {"archive", "status"},     {"broadcast", "status"},  {"render", "status"},
    {"captions", "status"},    {"sip", "status"},        {"session", "created"},
    {"session", "destroyed"},  {"connection", "created"}, {"connection", "destroyed"},
    {"stream", "created"},     {"stream", "destroyed"},
};

constexpr std::size_t kMaxCallbackUrlLength = 2048;

// http:// or https:// and a host: the mock posts to it (its dispatcher decides whether it may).
std::optional<Error> ValidateCallbackUrl(std::string_view url) {
  auto scheme_end = url.find("://");
  auto scheme = url.substr(0, scheme_end == std::string_view::npos ? 0 : scheme_end);
  bool const http = scheme == "http" || scheme == "https";
  auto rest = http ? url.substr(scheme_end + 3) : std::string_view{};
  bool const host = !rest.empty() && rest.front() != '/' && rest.front() != ':' && rest.front() != '?';
  if (!http || !host) return errors::BadRequest("Bad request. The callback url must be an http:// or https:// URL with a host.");
  if (url.size() > kMaxCallbackUrlLength) {
    return errors::BadRequest("Bad request. The callback url must be at most 2048 characters long.");
  }
  if (url.find_first_of(" \t\r\n") != std::string_view::npos) {
    return errors::BadRequest("Bad request. The callback url must not contain spaces or line breaks.");
  }
  return std::nullopt;
}

LegacyKind LegacyKindOf(ServiceEvent const& event) {
  if (auto const* monitoring = std::get_if<MonitoringEvent>(&event.payload)) {
    switch (monitoring->kind) {
      case MonitoringEventKind::kSessionCreated: return {"session", "created"};
      case MonitoringEventKind::kSessionDestroyed: return {"session", "destroyed"};
      case MonitoringEventKind::kConnectionCreated: return {"connection", "created"};
      case MonitoringEventKind::kConnectionDestroyed: return {"connection", "destroyed"};
      case MonitoringEventKind::kStreamCreated: return {"stream", "created"};
      case MonitoringEventKind::kStreamDestroyed: return {"stream", "destroyed"};
    }
  }
  auto group = GroupOf(event);
  if (!group) return {};
  return {ToString(*group), "status"};
}

void AddOnce(std::vector<std::string>& urls, std::string url) {
  if (url.empty() || std::find(urls.begin(), urls.end(), url) != urls.end()) return;
  urls.push_back(std::move(url));
}

}  // namespace

void MockService::Impl::EmitServiceEvent(std::string api_key, std::int64_t at_ms, ServiceEventPayload payload,
                                         std::vector<std::string> extra_urls) {
  ++event_sequence;
  if (event_subscribers.empty()) return;  // nobody listens: skip the URL resolution
  ServiceEvent event;
  event.sequence = event_sequence;
  event.api_key = std::move(api_key);
  event.at_ms = at_ms;
  event.payload = std::move(payload);
  for (auto& url : extra_urls) AddOnce(event.callback_urls, std::move(url));
  if (auto const* project = FindProject(event.api_key); project != nullptr) {
    if (auto group = GroupOf(event)) {
      AddOnce(event.callback_urls, project->callback_urls[static_cast<std::size_t>(*group)]);
    }
    auto kind = LegacyKindOf(event);
    for (auto const& registration : project->callback_registrations) {
      if (registration.group == kind.group && registration.event == kind.event) {
        AddOnce(event.callback_urls, registration.url);
      }
    }
  }
  for (auto const& [id, subscriber] : event_subscribers) subscriber(event);
}

std::uint64_t MockService::SubscribeEvents(ServiceEventSubscriber subscriber) {
  std::unique_lock lock(impl_->mutex);
  auto id = ++impl_->next_subscriber_id;
  impl_->event_subscribers.emplace_back(id, std::move(subscriber));
  return id;
}

void MockService::UnsubscribeEvents(std::uint64_t id) {
  std::unique_lock lock(impl_->mutex);
  std::erase_if(impl_->event_subscribers, [id](auto const& entry) { return entry.first == id; });
}

Status MockService::SetCallbackUrl(std::string_view api_key, CallbackGroup group, std::string url) {
  if (auto error = ValidateCallbackUrl(url)) return *error;
  std::unique_lock lock(impl_->mutex);
  auto* project = impl_->FindProject(api_key);
  if (project == nullptr) return errors::ProjectNotFound();
  project->callback_urls[static_cast<std::size_t>(group)] = std::move(url);
  return Ok{};
}

Status MockService::ClearCallbackUrl(std::string_view api_key, CallbackGroup group) {
  std::unique_lock lock(impl_->mutex);
  auto* project = impl_->FindProject(api_key);
  if (project == nullptr) return errors::ProjectNotFound();
  project->callback_urls[static_cast<std::size_t>(group)].clear();
  return Ok{};
}

Result<std::vector<std::pair<CallbackGroup, std::string>>> MockService::CallbackUrls(std::string_view api_key) const {
  std::shared_lock lock(impl_->mutex);
  auto* project = impl_->FindProject(api_key);
  if (project == nullptr) return errors::ProjectNotFound();
  std::vector<std::pair<CallbackGroup, std::string>> out;
  for (auto group : kAllCallbackGroups) {
    auto const& url = project->callback_urls[static_cast<std::size_t>(group)];
    if (!url.empty()) out.emplace_back(group, url);
  }
  return out;
}

Result<CallbackRegistration> MockService::RegisterCallback(std::string_view api_key, std::string group,
                                                           std::string event, std::string url) {
  if (std::none_of(std::begin(kLegacyKinds), std::end(kLegacyKinds),
                   [&](LegacyKind const& kind) { return kind.group == group && kind.event == event; })) {
    return errors::BadRequest("Bad request. Invalid group and event: '" + group + "' and '" + event +
                              "' (for instance group archive, event status).");
  }
  if (auto error = ValidateCallbackUrl(url)) return *error;
  std::int64_t now = 0;
  auto lock = impl_->WriteLock(now);
  auto* project = impl_->FindProject(api_key);
  if (project == nullptr) return errors::ProjectNotFound();
  auto& registrations = project->callback_registrations;
  auto same = std::find_if(registrations.begin(), registrations.end(), [&](CallbackRegistration const& r) {
    return r.group == group && r.event == event;
  });
  if (same != registrations.end()) {
    same->url = std::move(url);
    same->updated_at_ms = now;
    return *same;
  }
  CallbackRegistration registration;
  // Registrations outlive Reset, which restarts a seeded id sequence: skip ids in use.
  auto in_use = [&](std::string const& id) {
    return std::any_of(registrations.begin(), registrations.end(),
                       [&](CallbackRegistration const& r) { return r.id == id; });
  };
  do {
    registration.id = impl_->ids.Uuid();
  } while (in_use(registration.id));
  registration.group = std::move(group);
  registration.event = std::move(event);
  registration.url = std::move(url);
  registration.created_at_ms = registration.updated_at_ms = now;
  registrations.push_back(registration);
  return registration;
}

Result<std::vector<CallbackRegistration>> MockService::ListCallbacks(std::string_view api_key) const {
  std::shared_lock lock(impl_->mutex);
  auto* project = impl_->FindProject(api_key);
  if (project == nullptr) return errors::ProjectNotFound();
  return project->callback_registrations;
}

Status MockService::UnregisterCallback(std::string_view api_key, std::string_view id) {
  std::unique_lock lock(impl_->mutex);
  auto* project = impl_->FindProject(api_key);
  if (project == nullptr) return errors::ProjectNotFound();
  if (std::erase_if(project->callback_registrations, [&](CallbackRegistration const& r) { return r.id == id; }) == 0) {
    return errors::NotFound("Not found. No callback is registered with this id.");
  }
  return Ok{};
}

std::optional<std::int64_t> MockService::NextTimerDueMs() const {
  std::shared_lock lock(impl_->mutex);
  return impl_->timers.NextDue();
}

void MockService::FireDueTimers() {
  std::unique_lock lock(impl_->mutex);
  impl_->FireDueTimers(impl_->clock.NowMs());
}

}  // namespace opentok_mock
