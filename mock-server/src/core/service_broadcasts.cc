// Live-streaming broadcasts: records, the lifecycle (kBroadcastTransitions), output statuses
// that follow the session's publishers, layouts and manual stream selection.

#include <algorithm>
#include <set>

#include "opentok_common/api_rules.h"
#include "opentok_mock/errors.h"
#include "paging.h"
#include "request_rules.h"
#include "service_impl.h"

namespace opentok_mock {
namespace {

namespace rules = opentok::common::rules;

std::optional<Error> ValidateOutputs(StartBroadcastRequest const& request) {
  if (!request.hls && request.rtmp.empty()) {
    return errors::BadRequest("Bad request. outputs must have an hls output, rtmp outputs or both.");
  }
  if (request.rtmp.size() > rules::kMaxRtmpOutputs) {
    return errors::BadRequest("Bad request. outputs.rtmp has " + std::to_string(request.rtmp.size()) +
                              " outputs; at most " + std::to_string(rules::kMaxRtmpOutputs) + " are allowed.");
  }
  std::set<std::string, std::less<>> ids;
  for (std::size_t i = 0; i < request.rtmp.size(); ++i) {
    auto const& output = request.rtmp[i];
    auto where = "Bad request. outputs.rtmp[" + std::to_string(i) + "]: ";
    if (output.server_url.empty()) return errors::BadRequest(where + "serverUrl is required.");
    if (output.stream_name.empty()) return errors::BadRequest(where + "streamName is required.");
    if (!output.id.empty() && !ids.insert(output.id).second) {
      return errors::BadRequest(where + "the id '" + output.id + "' is used twice.");
    }
  }
  if (request.hls && request.hls->dvr && request.hls->low_latency) {
    return errors::BadRequest("Bad request. outputs.hls: dvr and lowLatency are mutually exclusive.");
  }
  return std::nullopt;
}

std::optional<Error> ValidateStart(StartBroadcastRequest const& request) {
  if (request.session_id.empty()) return errors::BadRequest("Bad request. The sessionId is missing.");
  if (auto error = ValidateOutputs(request)) return error;
  if (!request.has_audio && !request.has_video) {
    return errors::BadRequest("Bad request. A broadcast must have audio, video or both (hasAudio and hasVideo are false).");
  }
  if (!request.resolution.empty() && !rules::IsResolution(request.resolution)) {
    return errors::BadRequest("Bad request. Invalid resolution '" + request.resolution + "'.");
  }
  if (request.max_duration_s && !rules::kBroadcastMaxDuration.Contains(*request.max_duration_s)) {
    return errors::BadRequest("Bad request. maxDuration must be between " +
                              std::to_string(rules::kBroadcastMaxDuration.min) + " and " +
                              std::to_string(rules::kBroadcastMaxDuration.max) + " seconds.");
  }
  if (request.max_bitrate && !rules::kBitrate.Contains(*request.max_bitrate)) {
    return errors::BadRequest("Bad request. maxBitrate must be between " + std::to_string(rules::kBitrate.min) +
                              " and " + std::to_string(rules::kBitrate.max) + ".");
  }
  if (request.layout) return ValidateLayout(*request.layout);
  return std::nullopt;
}

// Output statuses while the broadcast is started: `connecting` until somebody publishes,
// then `live` while somebody does and `ready` (HLS) or `offline` (RTMP) while nobody does.
// `error` (the control plane failed the output) stays.
HlsStatus FollowPublishers(HlsStatus status, bool publishing) {
  switch (status) {
    case HlsStatus::kConnecting: return publishing ? HlsStatus::kLive : HlsStatus::kConnecting;
    case HlsStatus::kLive:
    case HlsStatus::kReady: return publishing ? HlsStatus::kLive : HlsStatus::kReady;
    case HlsStatus::kEnded:
    case HlsStatus::kError: return status;
  }
  return status;
}

RtmpStatus FollowPublishers(RtmpStatus status, bool publishing) {
  switch (status) {
    case RtmpStatus::kConnecting: return publishing ? RtmpStatus::kLive : RtmpStatus::kConnecting;
    case RtmpStatus::kLive:
    case RtmpStatus::kOffline: return publishing ? RtmpStatus::kLive : RtmpStatus::kOffline;
    case RtmpStatus::kError: return status;
  }
  return status;
}

void FollowPublishers(Broadcast& view, bool publishing) {
  if (view.hls) view.hls_status = FollowPublishers(view.hls_status, publishing);
  for (auto& output : view.rtmp) output.status = FollowPublishers(output.status, publishing);
}

}  // namespace

// ---------------------------------------------------------------------------------------
// The lifecycle engine

bool MockService::Impl::Apply(BroadcastRecord& broadcast, BroadcastEvent event, std::int64_t at_ms) {
  auto transition = FindBroadcastTransition(broadcast.view.status, event);
  if (!transition) return false;
  auto& view = broadcast.view;
  view.status = transition->to;
  view.updated_at_ms = at_ms;
  ++broadcast.epoch;
  if (view.status == BroadcastStatus::kStopped) {
    view.streams.clear();
    if (view.hls) view.hls_status = HlsStatus::kEnded;
    for (auto& output : view.rtmp) output.status = RtmpStatus::kOffline;
    std::erase(broadcast.session->broadcasting, &broadcast);
  }
  EmitServiceEvent(view.api_key, at_ms, View(broadcast));
  return true;
}

void MockService::Impl::HandleBroadcastTimer(Timer const& timer) {
  auto* broadcast = FindBroadcast(timer.target);
  if (broadcast == nullptr || broadcast->epoch != timer.epoch) return;
  if (timer.kind == TimerKind::kBroadcastMaxDuration) Apply(*broadcast, BroadcastEvent::kMaxDuration, timer.due_ms);
}

void MockService::Impl::BroadcastsOnSessionEvent(SessionEvent const& event) {
  auto broadcasting = event.session.broadcasting;  // Apply edits the list
  switch (event.kind) {
    case SessionEventKind::kStreamUnpublished:
      for (auto* broadcast : broadcasting) RemoveFromSelection(broadcast->view.streams, event.stream->stream_id);
      [[fallthrough]];
    case SessionEventKind::kStreamPublished:
      for (auto* broadcast : broadcasting) FollowPublishers(broadcast->view, !event.session.streams.empty());
      break;
    case SessionEventKind::kSessionEnded:
      for (auto* broadcast : broadcasting) Apply(*broadcast, BroadcastEvent::kSessionEnded, event.at_ms);
      break;
    case SessionEventKind::kClientLeft:
      break;
  }
}

Result<Broadcast> MockService::Impl::CreateBroadcast(ProjectRecord& project, SessionRecord& session,
                                                     StartBroadcastRequest const& request, std::int64_t now_ms) {
  if (session.view.settings.media_mode != MediaMode::kRouted) return errors::RelayedSessionBroadcast();
  if (session.connections.empty()) return errors::NoClients();
  if (std::any_of(session.broadcasting.begin(), session.broadcasting.end(), [&](BroadcastRecord const* b) {
        return b->view.multi_broadcast_tag == request.multi_broadcast_tag;
      })) {
    return errors::AlreadyBroadcasting();
  }
  auto record = std::make_unique<BroadcastRecord>();
  record->sequence = ++broadcast_sequence;
  record->session = &session;
  auto& view = record->view;
  view.id = ids.Uuid();
  view.session_id = session.view.session_id;
  view.api_key = project.credential->id();
  view.created_at_ms = view.updated_at_ms = now_ms;
  view.status = BroadcastStatus::kStarted;
  view.resolution = request.resolution.empty() ? std::string(rules::kDefaultResolution) : request.resolution;
  view.max_duration_s = request.max_duration_s.value_or(rules::kDefaultBroadcastMaxDuration);
  view.max_bitrate = request.max_bitrate;
  view.stream_mode = request.stream_mode;
  view.has_audio = request.has_audio;
  view.has_video = request.has_video;
  view.multi_broadcast_tag = request.multi_broadcast_tag;
  view.layout = request.layout.value_or(Layout{});
  view.hls = request.hls;
  view.rtmp = request.rtmp;
  for (auto& output : view.rtmp) output.status = RtmpStatus::kConnecting;

  BroadcastRecord& broadcast = *record;
  broadcasts.emplace(view.id, std::move(record));
  project.broadcasts.push_back(&broadcast);
  session.broadcasts.push_back(&broadcast);
  session.broadcasting.push_back(&broadcast);
  Schedule(TimerKind::kBroadcastMaxDuration, view.id, broadcast.epoch, now_ms + view.max_duration_s * 1000);
  // The start answer says `connecting`; with somebody publishing, the outputs are live from
  // the next read on (as an archive started without publishers reads `paused` afterwards).
  Broadcast answer = View(broadcast);
  FollowPublishers(view, !session.streams.empty());
  EmitServiceEvent(view.api_key, now_ms, View(broadcast));
  return answer;
}

Broadcast MockService::Impl::View(BroadcastRecord const& broadcast) const {
  Broadcast view = broadcast.view;
  if (view.hls && view.status == BroadcastStatus::kStarted) {
    view.hls_url.reserve(public_base_url.size() + 80);
    view.hls_url.append(public_base_url).append("/_mock/broadcasts/").append(view.id).append("/hls/index.m3u8");
  }
  return view;
}

Result<BroadcastRecord*> MockService::Impl::ProjectBroadcast(std::string_view api_key,
                                                             std::string_view broadcast_id) const {
  auto* broadcast = FindBroadcast(broadcast_id);
  if (broadcast == nullptr || broadcast->view.api_key != api_key) return errors::BroadcastNotFound();
  return broadcast;
}

// ---------------------------------------------------------------------------------------
// Public broadcast operations

Result<Broadcast> MockService::StartBroadcast(std::string_view api_key, StartBroadcastRequest const& request) {
  if (auto error = ValidateStart(request)) return *error;
  std::int64_t now = 0;
  auto lock = impl_->WriteLock(now);
  auto* project = impl_->FindProject(api_key);
  if (project == nullptr) return errors::ProjectNotFound();
  auto session = impl_->SessionForStart(api_key, request.session_id);
  if (!session) return session.error();
  return impl_->CreateBroadcast(*project, **session, request, now);
}

Result<Broadcast> MockService::StopBroadcast(std::string_view api_key, std::string_view broadcast_id) {
  std::int64_t now = 0;
  auto lock = impl_->WriteLock(now);
  auto broadcast = impl_->ProjectBroadcast(api_key, broadcast_id);
  if (!broadcast || !impl_->Apply(**broadcast, BroadcastEvent::kUserStop, now)) {
    return errors::BroadcastNotFoundOrStopped();
  }
  return impl_->View(**broadcast);
}

Result<Broadcast> MockService::GetBroadcast(std::string_view api_key, std::string_view broadcast_id) {
  auto lock = impl_->ReadLock();
  auto broadcast = impl_->ProjectBroadcast(api_key, broadcast_id);
  if (!broadcast) return broadcast.error();
  return impl_->View(**broadcast);
}

Result<BroadcastPage> MockService::ListBroadcasts(std::string_view api_key, ListBroadcastsQuery const& query) {
  if (auto error = ValidateListQuery(query)) return *error;
  auto lock = impl_->ReadLock();
  auto* project = impl_->FindProject(api_key);
  if (project == nullptr) return errors::ProjectNotFound();
  static std::vector<BroadcastRecord*> const kNone;
  std::vector<BroadcastRecord*> const* index = &project->broadcasts;
  if (!query.session_id.empty()) {
    auto* session = impl_->FindSession(query.session_id);
    index = session != nullptr && session->view.api_key == api_key ? &session->broadcasts : &kNone;
  }
  BroadcastPage page;
  page.total = NewestFirstPage(*index, query, page.items, [&](BroadcastRecord const& b) { return impl_->View(b); });
  return page;
}

Result<Broadcast> MockService::SetBroadcastLayout(std::string_view api_key, std::string_view broadcast_id,
                                                  Layout const& layout) {
  if (auto error = ValidateLayout(layout)) return *error;
  std::int64_t now = 0;
  auto lock = impl_->WriteLock(now);
  auto broadcast = impl_->ProjectBroadcast(api_key, broadcast_id);
  if (!broadcast) return broadcast.error();
  if ((*broadcast)->view.status != BroadcastStatus::kStarted) return errors::BroadcastStopped();
  (*broadcast)->view.layout = layout;
  return impl_->View(**broadcast);
}

Result<Layout> MockService::GetBroadcastLayout(std::string_view api_key, std::string_view broadcast_id) {
  auto lock = impl_->ReadLock();
  auto broadcast = impl_->ProjectBroadcast(api_key, broadcast_id);
  if (!broadcast) return broadcast.error();
  return (*broadcast)->view.layout;
}

Status MockService::ChangeBroadcastStreams(std::string_view api_key, std::string_view broadcast_id,
                                           StreamSelectionChange const& change) {
  std::int64_t now = 0;
  auto lock = impl_->WriteLock(now);
  auto broadcast = impl_->ProjectBroadcast(api_key, broadcast_id);
  if (!broadcast) return broadcast.error();
  auto& view = (*broadcast)->view;
  if (view.stream_mode != StreamMode::kManual) return errors::AutoStreamMode("broadcast");
  if (view.status != BroadcastStatus::kStarted) return errors::BroadcastStopped();
  return ApplySelectionChange(view.streams, (*broadcast)->session->streams, change);
}

Result<Broadcast> MockService::FindBroadcast(std::string_view broadcast_id) {
  auto lock = impl_->ReadLock();
  auto* broadcast = impl_->FindBroadcast(broadcast_id);
  if (broadcast == nullptr) return errors::BroadcastNotFound();
  return impl_->View(*broadcast);
}

std::vector<Broadcast> MockService::AllBroadcasts(std::string_view api_key) {
  auto lock = impl_->ReadLock();
  std::vector<BroadcastRecord const*> records;
  for (auto const& [id, broadcast] : impl_->broadcasts) {
    if (api_key.empty() || broadcast->view.api_key == api_key) records.push_back(broadcast.get());
  }
  std::sort(records.begin(), records.end(), [](auto const* a, auto const* b) { return a->sequence > b->sequence; });
  std::vector<Broadcast> out;
  out.reserve(records.size());
  for (auto const* broadcast : records) out.push_back(impl_->View(*broadcast));
  return out;
}

Result<Broadcast> MockService::FailBroadcastOutput(std::string_view broadcast_id, std::string_view output) {
  std::int64_t now = 0;
  auto lock = impl_->WriteLock(now);
  auto* broadcast = impl_->FindBroadcast(broadcast_id);
  if (broadcast == nullptr) return errors::BroadcastNotFound();
  auto& view = broadcast->view;
  if (view.status != BroadcastStatus::kStarted) {
    return errors::Conflict(-1, "Conflict. Only the outputs of a started broadcast can fail.");
  }
  if (output.empty()) {
    if (view.hls) view.hls_status = HlsStatus::kError;
    for (auto& rtmp : view.rtmp) rtmp.status = RtmpStatus::kError;
  } else if (output == "hls") {
    if (!view.hls) return errors::NotFound("Not found. The broadcast has no HLS output.");
    view.hls_status = HlsStatus::kError;
  } else {
    auto rtmp = std::find_if(view.rtmp.begin(), view.rtmp.end(), [&](RtmpOutput const& o) { return o.id == output; });
    if (rtmp == view.rtmp.end()) {
      return errors::NotFound("Not found. The broadcast has no output '" + std::string(output) + "'.");
    }
    rtmp->status = RtmpStatus::kError;
  }
  return impl_->View(*broadcast);
}

}  // namespace opentok_mock
