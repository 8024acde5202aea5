// Experience Composer renders: records, the lifecycle (kRenderTransitions), and the render's
// part in its session. A started render is a participant like any client: its connection
// (kind render) joins the session and publishes one stream through the same session code,
// so archives record it, broadcasts show it and moderation reaches it.

#include <algorithm>

#include "opentok_common/api_rules.h"
#include "opentok_mock/errors.h"
#include "paging.h"
#include "request_rules.h"
#include "service_impl.h"

namespace opentok_mock {
namespace {

namespace rules = opentok::common::rules;

// The time a render takes to load its page and join the session (mock clock).
constexpr std::int64_t kRenderLoadMs = 2'000;

std::string CharacterRange(rules::Range range) {
  return std::to_string(range.min) + " to " + std::to_string(range.max) + " characters long";
}

std::optional<Error> ValidateStart(StartRenderRequest const& request) {
  if (request.session_id.empty()) return errors::BadRequest("Bad request. The sessionId is missing.");
  if (request.token.empty()) return errors::TokenMissing();
  if (request.url.empty()) return errors::BadRequest("Bad request. The url (the page to render) is missing.");
  if (!rules::kRenderUrlLength.Contains(CharacterCount(request.url))) {
    return errors::BadRequest("Bad request. url must be " + CharacterRange(rules::kRenderUrlLength) + ".");
  }
  if (request.max_duration_s && !rules::kRenderMaxDuration.Contains(*request.max_duration_s)) {
    return errors::BadRequest("Bad request. maxDuration must be between " +
                              std::to_string(rules::kRenderMaxDuration.min) + " and " +
                              std::to_string(rules::kRenderMaxDuration.max) + " seconds.");
  }
  if (!request.resolution.empty() && !rules::IsResolution(request.resolution)) {
    return errors::BadRequest("Bad request. Invalid resolution '" + request.resolution + "'.");
  }
  if (request.name && !rules::kRenderNameLength.Contains(CharacterCount(*request.name))) {
    return errors::BadRequest("Bad request. properties.name must be " + CharacterRange(rules::kRenderNameLength) +
                              ".");
  }
  return ValidateStatusCallbackUrl(request.status_callback_url);
}

}  // namespace

// ---------------------------------------------------------------------------------------
// The lifecycle engine

bool MockService::Impl::Apply(RenderRecord& render, RenderEvent event, std::int64_t at_ms) {
  auto transition = FindRenderTransition(render.view.status, event);
  if (!transition) return false;
  auto& view = render.view;
  auto& session = *render.session;
  bool const was_started = view.status == RenderStatus::kStarted;
  view.status = transition->to;
  view.reason = std::string(transition->reason);
  view.updated_at_ms = at_ms;
  ++render.epoch;
  if (view.status == RenderStatus::kStarted) {
    // The page loaded: the render joins the session and publishes its composed stream.
    Connection connection;
    connection.connection_id = ids.Uuid();
    connection.session_id = session.view.session_id;
    connection.role = render.claims.role;
    connection.data = render.claims.connection_data;
    connection.token_format = render.claims.format;
    connection.initial_layout_class_list = render.claims.initial_layout_class_list;
    connection.created_at_ms = at_ms;
    connection.kind = ConnectionKind::kRender;
    Connection const joined = AddConnection(session, std::move(connection));
    PublishSettings stream;
    stream.name = view.name.value_or("");
    view.connection_id = joined.connection_id;
    view.stream_id = PublishStream(session, joined, stream, at_ms).stream_id;
    Schedule(TimerKind::kRenderMaxDuration, view.id, render.epoch, view.created_at_ms + view.max_duration_s * 1000);
    EmitRenderEvent(render, at_ms);  // after joining, so that it names the render's stream
    return true;
  }
  // Stopped or failed: it is no longer rendering, and a started render leaves the session
  // (unless its connection already went, which is what stopped it).
  std::erase(session.rendering, &render);
  if (was_started && event != RenderEvent::kConnectionLeft) {
    RemoveConnection(session, view.connection_id, DisconnectReason::kClientDisconnected, at_ms);
  }
  EmitRenderEvent(render, at_ms);
  return true;
}

void MockService::Impl::EmitRenderEvent(RenderRecord const& render, std::int64_t at_ms) {
  EmitServiceEvent(render.view.api_key, at_ms, render.view, {render.view.callback_url});
}

void MockService::Impl::HandleRenderTimer(Timer const& timer) {
  auto it = renders.find(timer.target);
  if (it == renders.end() || it->second->epoch != timer.epoch) return;
  auto& render = *it->second;
  if (timer.kind == TimerKind::kRenderLoaded) {
    Apply(render, render.loadable ? RenderEvent::kLoaded : RenderEvent::kLoadFailed, timer.due_ms);
  } else if (timer.kind == TimerKind::kRenderMaxDuration) {
    Apply(render, RenderEvent::kMaxDuration, timer.due_ms);
  }
}

void MockService::Impl::RendersOnSessionEvent(SessionEvent const& event) {
  if (event.kind != SessionEventKind::kClientLeft || event.connection == nullptr) return;
  auto rendering = event.session.rendering;  // Apply edits the list
  for (auto* render : rendering) {
    if (render->view.status == RenderStatus::kStarted &&
        render->view.connection_id == event.connection->connection_id) {
      Apply(*render, RenderEvent::kConnectionLeft, event.at_ms);
    }
  }
}

Result<RenderStart> MockService::Impl::CheckRenderStart(std::string_view api_key, StartRenderRequest const& request,
                                                        std::int64_t now_ms) const {
  if (FindProject(api_key) == nullptr) return errors::ProjectNotFound();
  auto session = SessionForStart(api_key, request.session_id);
  if (!session) return session.error();
  auto claims = VerifyTokenFor(**session, request.token, now_ms);
  if (!claims) return claims.error();
  // The render publishes with this token's role.
  if (claims->role == Role::kSubscriber) {
    return errors::Forbidden("Invalid token: a render publishes, so its token needs the publisher or moderator role.");
  }
  if ((*session)->view.settings.media_mode != MediaMode::kRouted) return errors::RelayedSessionRender();
  return RenderStart{*session, std::move(*claims)};
}

Result<RenderRecord*> MockService::Impl::ProjectRender(std::string_view api_key, std::string_view render_id) const {
  auto it = renders.find(render_id);
  if (it == renders.end() || it->second->view.api_key != api_key) return errors::RenderNotFound();
  return it->second.get();
}

// ---------------------------------------------------------------------------------------
// Public render operations

Result<Render> MockService::StartRender(std::string_view api_key, StartRenderRequest const& request) {
  if (auto error = ValidateStart(request)) return *error;
  {
    // A request the service would reject never makes the mock fetch the page.
    auto lock = impl_->ReadLock();
    auto checked = impl_->CheckRenderStart(api_key, request, impl_->clock.NowMs());
    if (!checked) return checked.error();
  }
  // Outside the lock: the probe may take a network round trip (to this very server, even).
  bool const loadable = !impl_->options.url_loadable || impl_->options.url_loadable(request.url);
  std::int64_t now = 0;
  auto lock = impl_->WriteLock(now);
  auto checked = impl_->CheckRenderStart(api_key, request, now);  // the state may have moved meanwhile
  if (!checked) return checked.error();
  auto& session = *checked->session;

  auto record = std::make_unique<RenderRecord>();
  record->sequence = ++impl_->media_sequence;
  record->session = &session;
  record->loadable = loadable;
  record->claims = std::move(checked->claims);
  auto& view = record->view;
  view.id = impl_->ids.Uuid();
  view.session_id = session.view.session_id;
  view.api_key = std::string(api_key);
  view.created_at_ms = view.updated_at_ms = now;
  view.url = request.url;
  view.resolution = request.resolution.empty() ? std::string(rules::kDefaultRenderResolution) : request.resolution;
  view.status = RenderStatus::kStarting;
  view.max_duration_s = request.max_duration_s.value_or(rules::kDefaultRenderMaxDuration);
  view.name = request.name;
  view.callback_url = request.status_callback_url;

  RenderRecord& render = *record;
  impl_->renders.emplace(view.id, std::move(record));
  impl_->FindProject(api_key)->renders.push_back(&render);
  session.rendering.push_back(&render);
  impl_->Schedule(TimerKind::kRenderLoaded, view.id, render.epoch, now + kRenderLoadMs);
  impl_->EmitRenderEvent(render, now);
  return view;
}

Result<Render> MockService::StopRender(std::string_view api_key, std::string_view render_id) {
  std::int64_t now = 0;
  auto lock = impl_->WriteLock(now);
  auto render = impl_->ProjectRender(api_key, render_id);
  if (!render || !impl_->Apply(**render, RenderEvent::kUserStop, now)) return errors::RenderNotFoundOrStopped();
  return (*render)->view;
}

Result<Render> MockService::GetRender(std::string_view api_key, std::string_view render_id) {
  auto lock = impl_->ReadLock();
  auto render = impl_->ProjectRender(api_key, render_id);
  if (!render) return render.error();
  return (*render)->view;
}

Result<RenderPage> MockService::ListRenders(std::string_view api_key, ListQuery const& query) {
  if (auto error = ValidateListQuery(query)) return *error;
  auto lock = impl_->ReadLock();
  auto* project = impl_->FindProject(api_key);
  if (project == nullptr) return errors::ProjectNotFound();
  std::vector<RenderRecord*> of_session;
  std::vector<RenderRecord*> const* index = &project->renders;
  if (!query.session_id.empty()) {
    std::copy_if(project->renders.begin(), project->renders.end(), std::back_inserter(of_session),
                 [&](RenderRecord const* r) { return r->view.session_id == query.session_id; });
    index = &of_session;
  }
  RenderPage page;
  page.total = NewestFirstPage(*index, query, page.items, [](RenderRecord const& r) { return r.view; });
  return page;
}

std::vector<Render> MockService::AllRenders(std::string_view api_key) {
  auto lock = impl_->ReadLock();
  std::vector<RenderRecord const*> records;
  for (auto const& [id, render] : impl_->renders) {
    if (api_key.empty() || render->view.api_key == api_key) records.push_back(render.get());
  }
  std::sort(records.begin(), records.end(), [](auto const* a, auto const* b) { return a->sequence > b->sequence; });
  std::vector<Render> out;
  out.reserve(records.size());
  for (auto const* render : records) out.push_back(render->view);
  return out;
}

Result<Render> MockService::FindRender(std::string_view render_id) {
  auto lock = impl_->ReadLock();
  auto it = impl_->renders.find(render_id);
  if (it == impl_->renders.end()) return errors::RenderNotFound();
  return it->second->view;
}

Result<Render> MockService::FailRender(std::string_view render_id) {
  std::int64_t now = 0;
  auto lock = impl_->WriteLock(now);
  auto it = impl_->renders.find(render_id);
  if (it == impl_->renders.end()) return errors::RenderNotFound();
  if (!impl_->Apply(*it->second, RenderEvent::kSystemFailure, now)) {
    return errors::Conflict(-1, "Conflict. Only a starting or started render can fail.");
  }
  return it->second->view;
}

}  // namespace opentok_mock
