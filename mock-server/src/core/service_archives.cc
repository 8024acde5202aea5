#include <algorithm>
#include <array>

#include "opentok_common/api_rules.h"
#include "opentok_common/base64.h"
#include "opentok_common/hmac.h"
#include "opentok_mock/errors.h"
#include "paging.h"
#include "request_rules.h"
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

// Side effects of arriving in a status: bookkeeping, the timers that status starts and the
// status change's service event.
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
      // A stable placeholder: there is no file to hash.
      opentok::common::HmacSigner checksum(opentok::common::HmacAlgorithm::kSha256, view.api_key);
      view.sha256sum = opentok::common::Base64Encode(checksum.Sign(view.id));
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
  EmitServiceEvent(view.api_key, at_ms, View(archive));
}

void MockService::Impl::HandleArchiveTimer(Timer const& timer) {
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
    default:
      break;
  }
}

void MockService::Impl::ArchivesOnSessionEvent(SessionEvent const& event) {
  auto& session = event.session;
  auto recording = session.recording;  // Apply edits the list
  switch (event.kind) {
    case SessionEventKind::kStreamPublished:
      if (session.streams.size() == 1) {  // the first publisher
        for (auto* archive : recording) Apply(*archive, ArchiveEvent::kPublisherJoined, event.at_ms);
      }
      // archiveMode=always: a publish starts the session's automatic (untagged) archive.
      if (session.view.settings.archive_mode == ArchiveMode::kAlways &&
          std::none_of(recording.begin(), recording.end(),
                       [](ArchiveRecord const* a) { return a->view.multi_archive_tag.empty(); })) {
        StartArchiveRequest request;
        request.session_id = session.view.session_id;
        request.name = session.view.settings.archive_name;
        request.resolution = session.view.settings.archive_resolution;
        CreateArchive(*FindProject(session.view.api_key), session, request, event.at_ms);
      }
      break;
    case SessionEventKind::kStreamUnpublished:
      for (auto* archive : recording) RemoveFromSelection(archive->view.streams, event.stream->stream_id);
      if (session.streams.empty()) {
        for (auto* archive : recording) Apply(*archive, ArchiveEvent::kPublishersGone, event.at_ms);
      }
      break;
    case SessionEventKind::kSessionEnded:
      for (auto* archive : recording) Apply(*archive, ArchiveEvent::kSessionEnded, event.at_ms);
      break;
    case SessionEventKind::kClientLeft:
      break;
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
  view.api_key = project.credential->id();
  view.created_at_ms = view.updated_at_ms = now_ms;
  view.output_mode = request.output_mode;
  view.stream_mode = request.stream_mode;
  view.has_audio = request.has_audio;
  view.has_video = request.has_video;
  if (request.output_mode == OutputMode::kComposed) {
    view.resolution = request.resolution.empty() ? kDefaultResolution : request.resolution;
    view.layout = request.layout.value_or(Layout{});  // shown as the current layout
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

Result<ArchiveRecord*> MockService::Impl::ProjectArchive(std::string_view api_key,
                                                         std::string_view archive_id) const {
  auto* archive = FindArchive(archive_id);
  if (archive == nullptr || archive->view.api_key != api_key) return errors::ArchiveNotFound();
  return archive;
}

// ---------------------------------------------------------------------------------------
// Public archive operations

Result<Archive> MockService::StartArchive(std::string_view api_key, StartArchiveRequest const& request) {
  if (auto error = ValidateStart(request)) return *error;
  std::int64_t now = 0;
  auto lock = impl_->WriteLock(now);
  auto* project = impl_->FindProject(api_key);
  if (project == nullptr) return errors::ProjectNotFound();
  auto session = impl_->SessionForStart(api_key, request.session_id);
  if (!session) return session.error();
  return impl_->CreateArchive(*project, **session, request, now);
}

Result<Archive> MockService::StopArchive(std::string_view api_key, std::string_view archive_id) {
  std::int64_t now = 0;
  auto lock = impl_->WriteLock(now);
  auto archive = impl_->ProjectArchive(api_key, archive_id);
  if (!archive) return archive.error();
  if (!impl_->Apply(**archive, ArchiveEvent::kUserStop, now)) return errors::StopNotRecording();
  return impl_->View(**archive);
}

Result<Archive> MockService::GetArchive(std::string_view api_key, std::string_view archive_id) {
  auto lock = impl_->ReadLock();
  auto archive = impl_->ProjectArchive(api_key, archive_id);
  if (!archive) return archive.error();
  return impl_->View(**archive);
}

Result<ArchivePage> MockService::ListArchives(std::string_view api_key, ListArchivesQuery const& query) {
  if (auto error = ValidateListQuery(query)) return *error;
  auto lock = impl_->ReadLock();
  auto* project = impl_->FindProject(api_key);
  if (project == nullptr) return errors::ProjectNotFound();
  static std::vector<ArchiveRecord*> const kNone;
  std::vector<ArchiveRecord*> const* index = &project->archives;
  if (!query.session_id.empty()) {
    auto* session = impl_->FindSession(query.session_id);
    index = session != nullptr && session->view.api_key == api_key ? &session->archives : &kNone;
  }
  ArchivePage page;
  page.total = NewestFirstPage(*index, query, page.items, [&](ArchiveRecord const& a) { return impl_->View(a); });
  return page;
}

Status MockService::DeleteArchive(std::string_view api_key, std::string_view archive_id) {
  std::int64_t now = 0;
  auto lock = impl_->WriteLock(now);
  auto archive = impl_->ProjectArchive(api_key, archive_id);
  if (!archive) return archive.error();
  if (!impl_->Apply(**archive, ArchiveEvent::kDelete, now)) return errors::DeleteNotDeletable();
  return Ok{};
}

Result<Archive> MockService::SetArchiveLayout(std::string_view api_key, std::string_view archive_id,
                                              Layout const& layout) {
  if (auto error = ValidateLayout(layout)) return *error;
  std::int64_t now = 0;
  auto lock = impl_->WriteLock(now);
  auto archive = impl_->ProjectArchive(api_key, archive_id);
  if (!archive) return archive.error();
  auto& view = (*archive)->view;
  if (view.output_mode != OutputMode::kComposed) return errors::IndividualArchiveLayout();
  if (!IsRecording(view.status)) return errors::ArchiveNotRecording();
  view.layout = layout;
  return impl_->View(**archive);
}

Result<Layout> MockService::GetArchiveLayout(std::string_view api_key, std::string_view archive_id) {
  auto lock = impl_->ReadLock();
  auto archive = impl_->ProjectArchive(api_key, archive_id);
  if (!archive) return archive.error();
  auto const& layout = (*archive)->view.layout;
  if (!layout) return errors::NotFound("Not found. An individual archive has no layout.");
  return *layout;
}

Status MockService::ChangeArchiveStreams(std::string_view api_key, std::string_view archive_id,
                                         StreamSelectionChange const& change) {
  std::int64_t now = 0;
  auto lock = impl_->WriteLock(now);
  auto archive = impl_->ProjectArchive(api_key, archive_id);
  if (!archive) return archive.error();
  auto& view = (*archive)->view;
  if (view.stream_mode != StreamMode::kManual) return errors::AutoStreamMode("archive");
  if (!IsRecording(view.status)) return errors::ArchiveNotRecording();
  return ApplySelectionChange(view.streams, (*archive)->session->streams, change);
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
