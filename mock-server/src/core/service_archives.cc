#include <algorithm>
#include <array>

#include "opentok_common/api_rules.h"
#include "opentok_common/base64.h"
#include "opentok_common/session_id.h"
#include "opentok_mock/errors.h"
#include "service_impl.h"

namespace opentok_mock {
namespace {

namespace rules = opentok::common::rules;

// File size model: a plausible MP4 bitrate so that `size` grows with `duration`.
constexpr std::int64_t kContainerBytes = 4096;
constexpr std::int64_t kVideoBytesPerSecond = 125'000;  // 1 Mbit/s
constexpr std::int64_t kAudioBytesPerSecond = 16'000;   // 128 kbit/s

void RemoveFromIndex(std::vector<ArchiveRecord*>& index, ArchiveRecord const* archive) {
  // Indexes are sorted by creation sequence, so removal is a binary search plus a shift.
  auto it = std::lower_bound(index.begin(), index.end(), archive->sequence,
                             [](ArchiveRecord const* a, std::uint64_t sequence) { return a->sequence < sequence; });
  if (it != index.end() && *it == archive) index.erase(it);
}

std::optional<Error> ValidateLayout(ArchiveLayout const& layout) {
  switch (rules::CheckLayout(layout.type, !layout.stylesheet.empty(), layout.screenshare_type)) {
    case rules::LayoutProblem::kNone:
      return std::nullopt;
    case rules::LayoutProblem::kBadType:
      return errors::BadRequest("Bad request. Invalid layout type '" + layout.type + "'.");
    case rules::LayoutProblem::kStylesheetMismatch:
      return errors::BadRequest("Bad request. A stylesheet is required for, and only allowed with, the custom layout.");
    case rules::LayoutProblem::kScreenshareNeedsBestFit:
      return errors::BadRequest("Bad request. screenshareType requires the bestFit layout.");
    case rules::LayoutProblem::kBadScreenshareType:
      return errors::BadRequest("Bad request. Invalid screenshareType '" + layout.screenshare_type + "'.");
  }
  return std::nullopt;
}

std::optional<Error> ValidateStart(StartArchiveRequest const& request) {
  if (request.session_id.empty()) return errors::BadRequest("Bad request. The sessionId is missing.");
  if (!request.has_audio && !request.has_video) {
    return errors::BadRequest("Bad request. An archive must have audio, video or both (hasAudio and hasVideo are false).");
  }
  bool composed = request.output_mode == OutputMode::kComposed;
  if (!request.resolution.empty()) {
    if (!composed) return errors::BadRequest("Bad request. Resolution is not supported for individual output mode.");
    if (!IsValidResolution(request.resolution)) {
      return errors::BadRequest("Bad request. Invalid resolution '" + request.resolution + "'.");
    }
  }
  if (request.max_bitrate && request.quantization_parameter) {
    return errors::BadRequest("Bad request. maxBitrate and quantizationParameter are mutually exclusive.");
  }
  if ((request.max_bitrate || request.quantization_parameter) && !composed) {
    return errors::BadRequest("Bad request. maxBitrate and quantizationParameter apply to composed archives only.");
  }
  if (request.max_bitrate && !rules::kBitrate.Contains(*request.max_bitrate)) {
    return errors::BadRequest("Bad request. maxBitrate must be between 100000 and 6000000.");
  }
  if (request.quantization_parameter && !rules::kQuantizationParameter.Contains(*request.quantization_parameter)) {
    return errors::BadRequest("Bad request. quantizationParameter must be between 15 and 40.");
  }
  if (request.layout) {
    if (auto error = ValidateLayout(*request.layout)) return error;
  }
  return std::nullopt;
}

}  // namespace

// ---------------------------------------------------------------------------------------
// The lifecycle engine

bool MockService::Impl::Apply(ArchiveRecord& archive, ArchiveEvent event, std::int64_t at_ms) {
  auto transition = FindArchiveTransition(archive.view.status, event);
  if (!transition) return false;
  if (archive.view.status == ArchiveStatus::kStarted) archive.recorded_ms += at_ms - archive.recording_since_ms;
  archive.view.status = transition->to;
  if (!transition->reason.empty()) archive.view.reason = std::string(transition->reason);
  archive.view.updated_at_ms = at_ms;
  ++archive.epoch;
  OnEnter(archive, at_ms);
  return true;
}

// Side effects of arriving in a status: bookkeeping and the timers that status starts.
void MockService::Impl::OnEnter(ArchiveRecord& archive, std::int64_t at_ms) {
  auto& view = archive.view;
  switch (view.status) {
    case ArchiveStatus::kStarted:
      archive.recording_since_ms = at_ms;
      Schedule(TimerKind::kArchiveMaxDuration, view.id, archive.epoch,
               at_ms + options.archive_max_duration_s * 1000 - archive.recorded_ms);
      break;
    case ArchiveStatus::kPaused:
      break;
    case ArchiveStatus::kStopped: {
      view.duration_s = (archive.recorded_ms + 500) / 1000;
      std::int64_t rate = (view.has_video ? kVideoBytesPerSecond : 0) + (view.has_audio ? kAudioBytesPerSecond : 0);
      view.size = kContainerBytes + view.duration_s * rate;
      view.streams.clear();
      std::erase(archive.session->recording, &archive);
      Schedule(TimerKind::kArchiveProcessed, view.id, archive.epoch, at_ms + options.archive_processing_delay_s * 1000);
      break;
    }
    case ArchiveStatus::kAvailable:
      Schedule(TimerKind::kArchiveRetention, view.id, archive.epoch, at_ms + options.archive_retention_s * 1000);
      [[fallthrough]];
    case ArchiveStatus::kUploaded: {
      auto* project = FindProject(view.api_key);
      view.sha256sum = opentok::common::Base64Encode(project->keys.jwt_signer.Sign(view.id));
      break;
    }
    case ArchiveStatus::kFailed:
      view.streams.clear();
      std::erase(archive.session->recording, &archive);
      break;
    case ArchiveStatus::kDeleted:
      RemoveFromIndex(FindProject(view.api_key)->archives, &archive);
      RemoveFromIndex(archive.session->archives, &archive);
      break;
    case ArchiveStatus::kExpired:
      break;
  }
}

void MockService::Impl::HandleTimer(Timer const& timer) {
  if (timer.kind == TimerKind::kSessionEnded) {
    auto* session = FindSession(timer.target);
    if (session == nullptr || session->presence_epoch != timer.epoch || !session->connections.empty()) return;
    auto recording = session->recording;  // Apply edits the list
    for (auto* archive : recording) Apply(*archive, ArchiveEvent::kSessionEnded, timer.due_ms);
    return;
  }
  auto* archive = FindArchive(timer.target);
  if (archive == nullptr || archive->epoch != timer.epoch) return;
  switch (timer.kind) {
    case TimerKind::kArchiveMaxDuration:
      Apply(*archive, ArchiveEvent::kMaxDuration, timer.due_ms);
      break;
    case TimerKind::kArchiveProcessed: {
      bool has_target = FindProject(archive->view.api_key)->upload_target.has_value();
      Apply(*archive, has_target ? ArchiveEvent::kProcessedToTarget : ArchiveEvent::kProcessedToCloud, timer.due_ms);
      break;
    }
    case TimerKind::kArchiveRetention:
      Apply(*archive, ArchiveEvent::kRetentionElapsed, timer.due_ms);
      break;
    case TimerKind::kSessionEnded:
      break;
  }
}

void MockService::Impl::OnPublishersChanged(SessionRecord& session, bool had_publishers, std::int64_t now_ms) {
  bool has_publishers = !session.streams.empty();
  if (had_publishers != has_publishers) {
    auto recording = session.recording;  // Apply may edit the list
    auto event = has_publishers ? ArchiveEvent::kPublisherJoined : ArchiveEvent::kPublishersGone;
    for (auto* archive : recording) Apply(*archive, event, now_ms);
  }
  // archiveMode=always: a publish starts the session's automatic (untagged) archive.
  if (has_publishers && session.view.settings.archive_mode == ArchiveMode::kAlways &&
      std::none_of(session.recording.begin(), session.recording.end(),
                   [](ArchiveRecord const* a) { return a->view.multi_archive_tag.empty(); })) {
    StartArchiveRequest request;
    request.session_id = session.view.session_id;
    request.name = session.view.settings.archive_name;
    request.resolution = session.view.settings.archive_resolution;
    CreateArchive(*FindProject(session.view.api_key), session, request, now_ms);
  }
}

Result<Archive> MockService::Impl::CreateArchive(ProjectRecord& project, SessionRecord& session,
                                                 StartArchiveRequest const& request, std::int64_t now_ms) {
  if (session.view.settings.media_mode != MediaMode::kRouted) return errors::RelayedSession();
  if (session.connections.empty()) return errors::NoClients();
  if (std::any_of(session.recording.begin(), session.recording.end(), [&](ArchiveRecord const* a) {
        return a->view.multi_archive_tag == request.multi_archive_tag;
      })) {
    return errors::AlreadyRecording();
  }
  auto record = std::make_unique<ArchiveRecord>();
  record->sequence = ++archive_sequence;
  record->session = &session;
  auto& view = record->view;
  view.id = ids.Uuid();
  view.status = ArchiveStatus::kStarted;
  view.name = request.name;
  view.session_id = session.view.session_id;
  view.api_key = project.keys.api_key;
  view.created_at_ms = view.updated_at_ms = now_ms;
  view.output_mode = request.output_mode;
  view.stream_mode = request.stream_mode;
  view.has_audio = request.has_audio;
  view.has_video = request.has_video;
  if (request.output_mode == OutputMode::kComposed) {
    view.resolution = request.resolution.empty() ? kDefaultResolution : request.resolution;
    view.layout = request.layout;
  }
  view.multi_archive_tag = request.multi_archive_tag;
  view.max_bitrate = request.max_bitrate;
  view.quantization_parameter = request.quantization_parameter;
  view.has_transcription = request.has_transcription;

  ArchiveRecord& archive = *record;
  archives.emplace(view.id, std::move(record));
  project.archives.push_back(&archive);
  session.archives.push_back(&archive);
  session.recording.push_back(&archive);
  OnEnter(archive, now_ms);
  Archive answer = View(archive);  // the start answer says `started` whatever comes next
  if (session.streams.empty()) Apply(archive, ArchiveEvent::kPublishersGone, now_ms);
  return answer;
}

Archive MockService::Impl::View(ArchiveRecord const& archive) const {
  Archive view = archive.view;
  if (view.status == ArchiveStatus::kAvailable) {
    // Appended into one reserved string: every GET and every listed archive builds this.
    std::string url;
    url.reserve(public_base_url.size() + 64);
    url.append(public_base_url).append("/_mock/archives/").append(view.id).append("/download");
    view.url = std::move(url);
  }
  return view;
}

// ---------------------------------------------------------------------------------------
// Public archive operations

Result<Archive> MockService::StartArchive(std::string_view api_key, StartArchiveRequest const& request) {
  if (auto error = ValidateStart(request)) return *error;
  std::int64_t now = 0;
  auto lock = impl_->WriteLock(now);
  auto* project = impl_->FindProject(api_key);
  if (project == nullptr) return errors::ProjectNotFound();
  auto* session = impl_->FindSession(request.session_id);
  if (session == nullptr || session->view.api_key != api_key) {
    // An id that does not even decode is malformed (400); a well-formed one is unknown (404).
    if (!opentok::common::DecodeSessionId(request.session_id)) {
      return errors::BadRequest("Bad request. The sessionId is invalid.");
    }
    return errors::SessionNotFound();
  }
  return impl_->CreateArchive(*project, *session, request, now);
}

Result<Archive> MockService::StopArchive(std::string_view api_key, std::string_view archive_id) {
  std::int64_t now = 0;
  auto lock = impl_->WriteLock(now);
  auto* archive = impl_->FindArchive(archive_id);
  if (archive == nullptr || archive->view.api_key != api_key) return errors::ArchiveNotFound();
  if (!impl_->Apply(*archive, ArchiveEvent::kUserStop, now)) return errors::StopNotRecording();
  return impl_->View(*archive);
}

Result<Archive> MockService::GetArchive(std::string_view api_key, std::string_view archive_id) {
  auto lock = impl_->ReadLock();
  auto* archive = impl_->FindArchive(archive_id);
  if (archive == nullptr || archive->view.api_key != api_key) return errors::ArchiveNotFound();
  return impl_->View(*archive);
}

Result<ArchivePage> MockService::ListArchives(std::string_view api_key, ListArchivesQuery const& query) {
  if (query.offset < 0) return errors::BadRequest("Bad request. offset must not be negative.");
  if (query.count < 0 || query.count > 1000) return errors::BadRequest("Bad request. count must be between 0 and 1000.");
  auto lock = impl_->ReadLock();
  auto* project = impl_->FindProject(api_key);
  if (project == nullptr) return errors::ProjectNotFound();
  static std::vector<ArchiveRecord*> const kNone;
  std::vector<ArchiveRecord*> const* index = &project->archives;
  if (!query.session_id.empty()) {
    auto* session = impl_->FindSession(query.session_id);
    index = session != nullptr && session->view.api_key == api_key ? &session->archives : &kNone;
  }
  // Newest first: walk the creation-ordered index backwards from `offset`.
  ArchivePage page;
  auto total = static_cast<std::int64_t>(index->size());
  page.total = total;
  for (std::int64_t i = total - 1 - query.offset; i >= 0 && static_cast<std::int64_t>(page.items.size()) < query.count;
       --i) {
    page.items.push_back(impl_->View(*(*index)[static_cast<std::size_t>(i)]));
  }
  return page;
}

Status MockService::DeleteArchive(std::string_view api_key, std::string_view archive_id) {
  std::int64_t now = 0;
  auto lock = impl_->WriteLock(now);
  auto* archive = impl_->FindArchive(archive_id);
  if (archive == nullptr || archive->view.api_key != api_key) return errors::ArchiveNotFound();
  if (!impl_->Apply(*archive, ArchiveEvent::kDelete, now)) return errors::DeleteNotDeletable();
  return Ok{};
}

Result<Archive> MockService::FindArchive(std::string_view archive_id) {
  auto lock = impl_->ReadLock();
  auto* archive = impl_->FindArchive(archive_id);
  if (archive == nullptr) return errors::ArchiveNotFound();
  return impl_->View(*archive);
}

Result<Archive> MockService::FailArchive(std::string_view archive_id, std::string reason) {
  std::int64_t now = 0;
  auto lock = impl_->WriteLock(now);
  auto* archive = impl_->FindArchive(archive_id);
  if (archive == nullptr) return errors::ArchiveNotFound();
  if (!impl_->Apply(*archive, ArchiveEvent::kSystemFailure, now)) {
    return errors::Conflict(-1, "Only a started, paused or stopped archive can fail.");
  }
  if (!reason.empty()) archive->view.reason = std::move(reason);
  return impl_->View(*archive);
}

}  // namespace opentok_mock
