#include "archive_scenario.h"

#include <cstdlib>
#include <stdexcept>

#include "archive_tracker.h"
#include "live_poll.h"
#include "opentok_common/random.h"
#include "publisher_session.h"
#include "sdk_status.h"
#include "target.h"

namespace opentok::conformance {
namespace {

// How long a live check waits for an archive to finish processing.
constexpr std::chrono::seconds kLiveProcessingTimeout{300};

std::chrono::seconds EnvSeconds(char const* name, std::chrono::seconds fallback) {
  char const* text = std::getenv(name);
  return text != nullptr && *text != '\0' ? std::chrono::seconds(std::atoll(text)) : fallback;
}

ArchiveState StateOf(ArchiveStatus status) {
  switch (status) {
    case ArchiveStatus::kStarted: return ArchiveState::kStarted;
    case ArchiveStatus::kPaused: return ArchiveState::kPaused;
    case ArchiveStatus::kStopped: return ArchiveState::kStopped;
    case ArchiveStatus::kAvailable: return ArchiveState::kAvailable;
    case ArchiveStatus::kUploaded: return ArchiveState::kUploaded;
    case ArchiveStatus::kExpired: return ArchiveState::kExpired;
    case ArchiveStatus::kDeleted: return ArchiveState::kDeleted;
    case ArchiveStatus::kFailed:
    case ArchiveStatus::kUnknown: break;
  }
  throw std::runtime_error("archive has status '" + std::string(ToString(status)) + "', outside the lifecycle table");
}

void Advance(std::chrono::seconds seconds) { CurrentTarget().control().Advance(seconds.count() + 1); }

}  // namespace

MockArchiveTimings MockTimings() {
  // Defaults are the mock's documented defaults; a standalone mock started with other
  // values is described to the suite through the environment.
  return MockArchiveTimings{
      .processing_delay = EnvSeconds("OPENTOK_CONFORMANCE_ARCHIVE_PROCESSING_SECONDS", std::chrono::seconds(5)),
      .max_duration = EnvSeconds("OPENTOK_CONFORMANCE_ARCHIVE_MAX_DURATION", std::chrono::seconds(7200)),
  };
}

std::string ArchiveScenario::Build(ArchiveState state) {
  std::string why = CurrentTarget().has_control_plane() ? BuildOnMock(state) : BuildOnLive(state);
  if (!why.empty() || state == ArchiveState::kNone) return why;
  ArchiveState reached = Observe(archive_id_);
  if (reached != state) {
    throw std::runtime_error("could not bring an archive to '" + std::string(Name(state)) + "': it is '" +
                             std::string(Name(reached)) + "'");
  }
  return "";
}

Archive ArchiveScenario::StartTrackedArchive() const {
  Archive archive = client_->StartArchive(session_id_);
  ArchiveTracker::Instance().Track(credentials_, archive.id);
  return archive;
}

std::string ArchiveScenario::BuildOnMock(ArchiveState state) {
  Target const& target = CurrentTarget();
  ControlPlane const& control = target.control();
  MockArchiveTimings timings = MockTimings();
  credentials_ = target.NewCredentials();
  if (state == ArchiveState::kUploaded) control.SetUploadTarget(credentials_.api_key);
  client_.emplace(target.Client(credentials_));
  session_id_ = client_->CreateSession("", MediaMode::kRouted).id;
  connection_id_ = control.Connect(session_id_, target.TokenClient(credentials_).GenerateToken(session_id_)).connection_id;
  stream_id_ = control.Publish(session_id_, connection_id_);
  if (state == ArchiveState::kNone) {
    archive_id_ = common::FormatUuidV4(common::RandomBytes(16));
    return "";
  }
  archive_id_ = StartTrackedArchive().id;
  if (state == ArchiveState::kStarted) return "";
  if (state == ArchiveState::kPaused) {
    control.Unpublish(session_id_, stream_id_);
    stream_id_.clear();
    return "";
  }
  client_->StopArchive(archive_id_);
  if (state == ArchiveState::kStopped) return "";
  Advance(timings.processing_delay);
  if (state == ArchiveState::kExpired) Advance(timings.retention);
  if (state == ArchiveState::kDeleted) client_->DeleteArchive(archive_id_);
  return "";
}

std::string ArchiveScenario::BuildOnLive(ArchiveState state) {
  if (state == ArchiveState::kPaused) return "needs the mock's control plane to unpublish a stream";
  if (state == ArchiveState::kUploaded) return "needs the mock's control plane to configure an upload target";
  if (state == ArchiveState::kExpired) return "needs the mock clock to pass the 72 h retention";
  std::string why;
  auto session = LivePublisherSession(&why);
  if (!session) return why;
  Target const& target = CurrentTarget();
  credentials_ = target.credentials();
  client_.emplace(target.Client());
  session_id_ = *session;
  if (state == ArchiveState::kNone) {
    archive_id_ = common::FormatUuidV4(common::RandomBytes(16));
    return "";
  }
  archive_id_ = StartTrackedArchive().id;
  if (state == ArchiveState::kStarted) return "";
  client_->StopArchive(archive_id_);
  if (state == ArchiveState::kStopped) return "";
  if (!PollUntil([&] { return Observe(archive_id_) != ArchiveState::kStopped; }, kLiveProcessingTimeout)) {
    return "the live archive did not finish processing within " + std::to_string(kLiveProcessingTimeout.count()) + " s";
  }
  if (state == ArchiveState::kDeleted) client_->DeleteArchive(archive_id_);
  return "";
}

std::string ArchiveScenario::Apply(ArchiveOperation operation, Outcome& outcome) {
  switch (operation) {
    case ArchiveOperation::kStart:
      outcome.status = StatusOf([&] { outcome.started_archive_id = StartTrackedArchive().id; });
      return "";
    case ArchiveOperation::kStop: outcome.status = StatusOf([&] { client_->StopArchive(archive_id_); }); return "";
    case ArchiveOperation::kGet: outcome.status = StatusOf([&] { client_->GetArchive(archive_id_); }); return "";
    case ArchiveOperation::kList:
      outcome.status = StatusOf([&] { client_->ListArchives(0, 1000, session_id_); });
      return "";
    case ArchiveOperation::kDelete: outcome.status = StatusOf([&] { client_->DeleteArchive(archive_id_); }); return "";
    default: return ApplyEvent(operation);
  }
}

std::string ArchiveScenario::ApplyEvent(ArchiveOperation operation) {
  if (!CurrentTarget().has_control_plane()) {
    bool clock = operation != ArchiveOperation::kPublish && operation != ArchiveOperation::kUnpublish;
    return clock ? "needs the mock clock to trigger a timed transition"
                 : "needs the mock's control plane to drive a simulated client";
  }
  ControlPlane const& control = CurrentTarget().control();
  MockArchiveTimings timings = MockTimings();
  switch (operation) {
    case ArchiveOperation::kPublish: stream_id_ = control.Publish(session_id_, connection_id_); break;
    case ArchiveOperation::kUnpublish:
      if (!stream_id_.empty()) control.Unpublish(session_id_, stream_id_);
      stream_id_.clear();
      break;
    case ArchiveOperation::kMaxDuration: Advance(timings.max_duration); break;
    case ArchiveOperation::kLastClientLeaves:
      control.Disconnect(session_id_, connection_id_);
      Advance(timings.last_client_grace);
      break;
    case ArchiveOperation::kProcessingDone: Advance(timings.processing_delay); break;
    case ArchiveOperation::kRetentionExpiry: Advance(timings.retention); break;
    default: throw std::logic_error("not an event: " + std::string(Name(operation)));
  }
  return "";
}

ArchiveState ArchiveScenario::Observe(std::string const& id, Archive* archive) const {
  try {
    Archive current = client_->GetArchive(id);
    if (archive != nullptr) *archive = current;
    return StateOf(current.status);
  } catch (NotFoundException const&) {
    return ArchiveState::kNone;
  }
}

std::optional<ArchiveState> ArchiveScenario::ObserveInList(std::string const& id) const {
  for (Archive const& archive : client_->ListArchives(0, 1000, session_id_).items) {
    if (archive.id == id) return StateOf(archive.status);
  }
  return std::nullopt;
}

}  // namespace opentok::conformance
