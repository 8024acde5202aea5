#include "composition.h"

#include "archive_tracker.h"
#include "broadcast_tracker.h"
#include "opentok_common/url.h"
#include "target.h"

namespace opentok::conformance {

std::string_view Name(CompositionKind kind) { return kind == CompositionKind::kArchive ? "archive" : "broadcast"; }

Composition::Composition(CompositionKind kind, PublishingSession const& session, StreamMode mode)
    : kind_(kind), credentials_(session.credentials), client_(CurrentTarget().Client(session.credentials)) {
  if (kind == CompositionKind::kArchive) {
    id_ = client_.StartArchive(session.session_id, StartArchiveOptions{.stream_mode = mode}).id;
    ArchiveTracker::Instance().Track(credentials_, id_);
  } else {
    id_ = StartTrackedBroadcast(client_, credentials_, session.session_id, SuiteBroadcastOptions(mode)).id;
  }
}

std::string Composition::ResourcePath() const {
  return "/v2/project/" + credentials_.api_key + "/" + std::string(Name(kind_)) + "/" + common::PercentEncode(id_);
}

RestClient Composition::Rest() const { return CurrentTarget().Rest(credentials_); }

void Composition::SetLayout(Layout const& layout) const {
  if (kind_ == CompositionKind::kArchive) {
    client_.SetArchiveLayout(id_, layout);
  } else {
    client_.SetBroadcastLayout(id_, layout);
  }
}

void Composition::AddStream(std::string const& stream_id, bool has_audio, bool has_video) const {
  if (kind_ == CompositionKind::kArchive) {
    client_.AddStreamToArchive(id_, stream_id, has_audio, has_video);
  } else {
    client_.AddStreamToBroadcast(id_, stream_id, has_audio, has_video);
  }
}

void Composition::RemoveStream(std::string const& stream_id) const {
  if (kind_ == CompositionKind::kArchive) {
    client_.RemoveStreamFromArchive(id_, stream_id);
  } else {
    client_.RemoveStreamFromBroadcast(id_, stream_id);
  }
}

std::vector<SelectedStream> Composition::Streams() const {
  return kind_ == CompositionKind::kArchive ? client_.GetArchive(id_).streams : client_.GetBroadcast(id_).streams;
}

void Composition::Stop() const {
  if (kind_ == CompositionKind::kArchive) {
    client_.StopArchive(id_);
  } else {
    client_.StopBroadcast(id_);
  }
}

}  // namespace opentok::conformance
