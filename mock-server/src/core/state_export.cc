// MockService::ExportState: the whole state as a versioned JSON document (state_codec.h has
// the field lists; docs/state-snapshots.md describes the format).

#include <algorithm>

#include "opentok_mock/application_key.h"
#include "state_codec.h"

namespace opentok_mock {

std::string_view ToString(TimerKind kind) {
  switch (kind) {
    case TimerKind::kArchiveMaxDuration: return "archiveMaxDuration";
    case TimerKind::kArchiveProcessed: return "archiveProcessed";
    case TimerKind::kArchiveRetention: return "archiveRetention";
    case TimerKind::kSessionEnded: return "sessionEnded";
    case TimerKind::kBroadcastMaxDuration: return "broadcastMaxDuration";
    case TimerKind::kCaptionsMaxDuration: return "captionsMaxDuration";
    case TimerKind::kRenderLoaded: return "renderLoaded";
    case TimerKind::kRenderMaxDuration: return "renderMaxDuration";
  }
  return "unknown";
}

namespace state {
namespace {

// Records of a map in a stable order: by creation sequence where they have one, else by id.
template <typename T, typename Less>
std::vector<T const*> Sorted(StringMap<std::unique_ptr<T>> const& records, Less less) {
  std::vector<T const*> out;
  out.reserve(records.size());
  for (auto const& [id, record] : records) out.push_back(record.get());
  std::sort(out.begin(), out.end(), less);
  return out;
}

template <typename T>
Json BySequence(StringMap<std::unique_ptr<T>> const& records) {
  Json out = Json::array();
  for (auto const* record : Sorted(records, [](T const* a, T const* b) { return a->sequence < b->sequence; })) {
    out.push_back(Codec::Encode(*record));
  }
  return out;
}

Json ProjectJson(std::string const& id, ProjectRecord const& project) {
  Json out = Json::object();
  out["id"] = id;
  auto const& credential = *project.credential;
  out["kind"] = std::string(ToString(credential.kind()));
  if (auto const* keys = dynamic_cast<ProjectKeys const*>(&credential)) {
    out["api_secret"] = keys->api_secret;
  } else if (auto const* key = dynamic_cast<ApplicationKey const*>(&credential)) {
    out["public_key_pem"] = key->public_key_pem();
    out["private_key_pem"] = Codec::Encode(key->private_key_pem());
  }
  out["upload_target"] = Codec::Encode(project.upload_target);
  Json urls = Json::object();
  for (auto group : kAllCallbackGroups) {
    auto const& url = project.callback_urls[static_cast<std::size_t>(group)];
    if (!url.empty()) urls[std::string(ToString(group))] = url;
  }
  out["callback_urls"] = std::move(urls);
  out["callback_registrations"] = Codec::Encode(project.callback_registrations);
  return out;
}

}  // namespace

}  // namespace state

std::string MockService::Impl::ExportText() const {
  using namespace state;
  auto const& impl = *this;
  Json out = Json::object();
  out["version"] = kFormatVersion;
  out["clock"] = {{"history", Codec::Encode(impl.clock.History())}};
  out["ids"] = {{"seed", Codec::Encode(impl.ids.seed())}, {"draws", impl.ids.draws()}};
  out["sequences"] = {{"archive", impl.archive_sequence},
                      {"broadcast", impl.broadcast_sequence},
                      {"media", impl.media_sequence},
                      {"event", impl.event_sequence}};
  out["audio_connector_tone"] = impl.audio_connector_tone.load();
  out["timers"] = {{"next_sequence", impl.timers.next_sequence()}, {"pending", Codec::Encode(impl.timers.Pending())}};

  Json projects = Json::array();
  auto by_id = [](auto const& a, auto const& b) { return a.first < b.first; };
  std::vector<std::pair<std::string_view, ProjectRecord const*>> owners;
  for (auto const& [id, project] : impl.projects) owners.emplace_back(id, project.get());
  std::sort(owners.begin(), owners.end(), by_id);
  for (auto const& [id, project] : owners) projects.push_back(ProjectJson(std::string(id), *project));
  out["projects"] = std::move(projects);

  Json sessions = Json::array();
  auto session_order = [](SessionRecord const* a, SessionRecord const* b) {
    return a->view.session_id < b->view.session_id;
  };
  for (auto const* session : Sorted(impl.sessions, session_order)) sessions.push_back(Codec::Encode(*session));
  out["sessions"] = std::move(sessions);
  out["archives"] = BySequence(impl.archives);
  out["broadcasts"] = BySequence(impl.broadcasts);
  out["captions"] = BySequence(impl.captions);
  out["renders"] = BySequence(impl.renders);
  out["audio_connectors"] = BySequence(impl.audio_connectors);
  return out.dump(2) + "\n";
}

std::string MockService::ExportState() {
  auto lock = impl_->ReadLock();
  return impl_->ExportText();
}

}  // namespace opentok_mock
