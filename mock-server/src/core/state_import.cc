// MockService::ImportState: reads a snapshot ExportState wrote (state_codec.h has the field
// lists), checks that its records fit together, rebuilds the links between them (which
// archives a session is recording, a project's creation-order lists...) from their statuses,
// and only then swaps it in: a bad document changes nothing.

#include <algorithm>
#include <set>

#include "opentok_mock/application_key.h"
#include "opentok_mock/errors.h"
#include "state_codec.h"

namespace opentok_mock {
namespace {

using state::Codec;
using state::Json;
using state::Reader;
using state::StateError;

// Restoring the id generator replays its draws; beyond this a document is refused rather
// than spinning for minutes (the mock makes 16 draws per UUID: 268 million ids).
constexpr std::uint64_t kMaxIdDraws = std::uint64_t{1} << 32;

std::string Index(std::string const& where, std::size_t i) { return where + "[" + std::to_string(i) + "]"; }

// Everything a document holds, read and linked, before it replaces the service's state.
struct Snapshot {
  std::vector<MockClock::Segment> clock;
  std::optional<std::uint64_t> seed;
  std::uint64_t draws = 0;
  std::uint64_t archive_sequence = 0;
  std::uint64_t broadcast_sequence = 0;
  std::uint64_t media_sequence = 0;
  std::uint64_t event_sequence = 0;
  bool audio_connector_tone = false;
  std::vector<Timer> timers;
  std::uint64_t next_timer_sequence = 0;
  StringMap<std::unique_ptr<ProjectRecord>> projects;
  StringMap<std::unique_ptr<SessionRecord>> sessions;
  StringMap<std::unique_ptr<ArchiveRecord>> archives;
  StringMap<std::unique_ptr<BroadcastRecord>> broadcasts;
  StringMap<std::unique_ptr<CaptionsRecord>> captions;
  StringMap<std::unique_ptr<RenderRecord>> renders;
  StringMap<std::unique_ptr<AudioConnectorRecord>> audio_connectors;
};

std::unique_ptr<Credential const> ReadCredential(Reader& reader, std::string const& id) {
  std::string kind;
  reader("kind", kind);
  if (kind == "project") {
    std::string secret;
    reader("api_secret", secret);
    if (secret.empty()) throw StateError(reader.Where("api_secret"), "must not be empty");
    return std::make_unique<ProjectKeys>(id, std::move(secret));
  }
  if (kind != "application") throw StateError(reader.Where("kind"), "must be \"project\" or \"application\"");
  if (!IsApplicationId(id)) throw StateError(reader.Where("id"), "an application id must be a UUID");
  std::string public_pem;
  std::optional<std::string> private_pem;
  reader("public_key_pem", public_pem);
  reader("private_key_pem", private_pem);
  std::string why;
  auto public_key = opentok::common::RsaPublicKey::FromPem(public_pem, &why);
  if (!public_key) throw StateError(reader.Where("public_key_pem"), why);
  std::optional<opentok::common::RsaPrivateKey> private_key;
  if (private_pem) {
    private_key = opentok::common::RsaPrivateKey::FromPem(*private_pem, &why);
    if (!private_key) throw StateError(reader.Where("private_key_pem"), why);
    if (private_key->PublicKeyPem() != public_key->Pem()) {
      throw StateError(reader.Where("private_key_pem"), "is not the private half of public_key_pem");
    }
  }
  return std::make_unique<ApplicationKey>(id, std::move(*public_key), std::move(private_key));
}

void ReadProject(Json const& in, std::string const& where, Snapshot& out) {
  Reader reader(in, where);
  std::string id;
  reader("id", id);
  if (id.empty()) throw StateError(reader.Where("id"), "must not be empty");
  auto project = std::make_unique<ProjectRecord>(ReadCredential(reader, id));
  reader("upload_target", project->upload_target);
  auto const& urls = reader.Member("callback_urls");
  if (!urls.is_object()) throw StateError(reader.Where("callback_urls"), "must be an object");
  for (auto const& [name, url] : urls.items()) {
    auto url_where = reader.Where("callback_urls") + "." + name;
    auto group = ParseCallbackGroup(name);
    if (!group) throw StateError(url_where, "is not a callback group");
    if (!url.is_string() || url.get_ref<std::string const&>().empty()) {
      throw StateError(url_where, "must be a non-empty string");
    }
    project->callback_urls[static_cast<std::size_t>(*group)] = url.get<std::string>();
  }
  reader("callback_registrations", project->callback_registrations);
  reader.Finish();
  if (!out.projects.emplace(id, std::move(project)).second) throw StateError(reader.Where("id"), "is a duplicate");
}

// A list of records keyed by the id `IdOf` gives, each in a session of the same project.
template <typename T, typename IdOf>
void ReadRecords(Json const& in, std::string const& where, StringMap<std::unique_ptr<T>>& out, IdOf id_of,
                 StringMap<std::unique_ptr<SessionRecord>> const& sessions) {
  if (!in.is_array()) throw StateError(where, "must be an array");
  for (std::size_t i = 0; i < in.size(); ++i) {
    auto record = std::make_unique<T>();
    Codec::Decode(in[i], Index(where, i), *record);
    auto const& view = record->view;
    auto session = sessions.find(view.session_id);
    if (session == sessions.end()) throw StateError(Index(where, i) + ".view.session_id", "names no session");
    if (session->second->view.api_key != view.api_key) {
      throw StateError(Index(where, i) + ".view.api_key", "is not the session's project");
    }
    record->session = session->second.get();
    std::string id = id_of(*record);
    if (!out.emplace(std::move(id), std::move(record)).second) throw StateError(Index(where, i), "duplicate id");
  }
}

template <typename T>
std::vector<T*> InSequence(StringMap<std::unique_ptr<T>> const& records) {
  std::vector<T*> out;
  for (auto const& [id, record] : records) out.push_back(record.get());
  std::sort(out.begin(), out.end(), [](T const* a, T const* b) { return a->sequence < b->sequence; });
  return out;
}

// Creation sequences must be unique and already counted, so that records made after the
// import sort after these (the lists are kept in creation order and searched by sequence).
template <typename T>
void CheckSequences(StringMap<std::unique_ptr<T>> const& records, std::string const& family, std::uint64_t last,
                    std::set<std::uint64_t>& seen) {
  for (auto const* record : InSequence(records)) {
    if (record->sequence == 0 || record->sequence > last || !seen.insert(record->sequence).second) {
      throw StateError(family + " " + record->view.id + ".sequence",
                       "must be unique, at least 1 and at most the family's counter in \"sequences\"");
    }
  }
}

void ReadSessions(Json const& in, Snapshot& out) {
  if (!in.is_array()) throw StateError("sessions", "must be an array");
  for (std::size_t i = 0; i < in.size(); ++i) {
    auto session = std::make_unique<SessionRecord>();
    Codec::Decode(in[i], Index("sessions", i), *session);
    if (out.projects.find(session->view.api_key) == out.projects.end()) {
      throw StateError(Index("sessions", i) + ".session.api_key", "names no project");
    }
    std::string id = session->view.session_id;
    if (!out.sessions.emplace(std::move(id), std::move(session)).second) {
      throw StateError(Index("sessions", i) + ".session.session_id", "is a duplicate");
    }
  }
}

// The lists that point into the records, as the lifecycles keep them: creation order, and
// membership by status (recording: started or paused; broadcasting: started; rendering:
// starting or started; a session's Audio Connector calls: connected; captioning: started).
void Link(Snapshot& out) {
  for (auto* archive : InSequence(out.archives)) {
    if (archive->view.status == ArchiveStatus::kDeleted) continue;
    out.projects.at(archive->view.api_key)->archives.push_back(archive);
    archive->session->archives.push_back(archive);
    if (IsRecording(archive->view.status)) archive->session->recording.push_back(archive);
  }
  for (auto* broadcast : InSequence(out.broadcasts)) {
    out.projects.at(broadcast->view.api_key)->broadcasts.push_back(broadcast);
    broadcast->session->broadcasts.push_back(broadcast);
    if (broadcast->view.status == BroadcastStatus::kStarted) broadcast->session->broadcasting.push_back(broadcast);
  }
  for (auto* captions : InSequence(out.captions)) {
    if (captions->view.status != CaptionsStatus::kStarted) continue;
    if (captions->session->captioning != nullptr) {
      throw StateError("captions " + captions->view.id, "a session has one started captions at most");
    }
    captions->session->captioning = captions;
  }
  for (auto* render : InSequence(out.renders)) {
    out.projects.at(render->view.api_key)->renders.push_back(render);
    auto status = render->view.status;
    if (status == RenderStatus::kStarting || status == RenderStatus::kStarted) render->session->rendering.push_back(render);
  }
  for (auto* call : InSequence(out.audio_connectors)) {
    if (call->view.connected) call->session->audio_connectors.push_back(call);
  }
}

Snapshot Read(Json const& document) {
  Snapshot out;
  Reader top(document, "state");
  std::int64_t version = 0;
  top("version", version);
  if (version != state::kFormatVersion) {
    throw StateError("version", "must be " + std::to_string(state::kFormatVersion) + " (this mock's format)");
  }

  Reader clock(top.Member("clock"), "clock");
  clock("history", out.clock);
  clock.Finish();
  if (auto why = MockClock::ValidHistory(out.clock); !why.empty()) throw StateError("clock.history", why);

  Reader ids(top.Member("ids"), "ids");
  ids("seed", out.seed);
  ids("draws", out.draws);
  ids.Finish();
  if (out.draws > kMaxIdDraws) throw StateError("ids.draws", "is over " + std::to_string(kMaxIdDraws));
  if (!out.seed && out.draws != 0) throw StateError("ids.draws", "must be 0 without a seed");

  Reader sequences(top.Member("sequences"), "sequences");
  sequences("archive", out.archive_sequence);
  sequences("broadcast", out.broadcast_sequence);
  sequences("media", out.media_sequence);
  sequences("event", out.event_sequence);
  sequences.Finish();
  top("audio_connector_tone", out.audio_connector_tone);

  Reader timers(top.Member("timers"), "timers");
  timers("next_sequence", out.next_timer_sequence);
  timers("pending", out.timers);
  timers.Finish();
  std::set<std::uint64_t> timer_sequences;
  for (std::size_t i = 0; i < out.timers.size(); ++i) {
    auto sequence = out.timers[i].sequence;
    if (sequence >= out.next_timer_sequence || !timer_sequences.insert(sequence).second) {
      throw StateError(Index("timers.pending", i) + ".sequence", "must be unique and below timers.next_sequence");
    }
  }

  auto const& projects = top.Member("projects");
  if (!projects.is_array()) throw StateError("projects", "must be an array");
  for (std::size_t i = 0; i < projects.size(); ++i) ReadProject(projects[i], Index("projects", i), out);
  ReadSessions(top.Member("sessions"), out);
  auto by_id = [](auto const& record) { return record.view.id; };
  ReadRecords(top.Member("archives"), "archives", out.archives, by_id, out.sessions);
  ReadRecords(top.Member("broadcasts"), "broadcasts", out.broadcasts, by_id, out.sessions);
  ReadRecords(top.Member("captions"), "captions", out.captions, by_id, out.sessions);
  ReadRecords(top.Member("renders"), "renders", out.renders, by_id, out.sessions);
  ReadRecords(top.Member("audio_connectors"), "audio_connectors", out.audio_connectors, by_id, out.sessions);
  top.Finish();

  std::set<std::uint64_t> seen;
  CheckSequences(out.archives, "archive", out.archive_sequence, seen);
  seen.clear();
  CheckSequences(out.broadcasts, "broadcast", out.broadcast_sequence, seen);
  seen.clear();  // captions, renders and Audio Connector calls share one counter
  CheckSequences(out.captions, "captions", out.media_sequence, seen);
  CheckSequences(out.renders, "render", out.media_sequence, seen);
  CheckSequences(out.audio_connectors, "audio connector", out.media_sequence, seen);
  Link(out);
  return out;
}

}  // namespace

Status MockService::Impl::ImportText(std::string_view text) {
  auto document = Json::parse(text, nullptr, false);
  if (document.is_discarded()) return errors::BadRequest("Invalid state: the body is not JSON.");
  Snapshot snapshot;
  try {
    snapshot = Read(document);
  } catch (StateError const& error) {
    return errors::BadRequest(std::string("Invalid state: ") + error.what());
  }

  std::unique_lock lock(mutex);
  // Owners are never destroyed (AuthenticateRest uses their keys outside the lock): the
  // replaced ones are kept, emptied of their links to records that go now.
  for (auto& [id, project] : projects) {
    project->archives.clear();
    project->broadcasts.clear();
    project->renders.clear();
    retired_projects.push_back(std::move(project));
  }
  projects = std::move(snapshot.projects);
  sessions = std::move(snapshot.sessions);
  archives = std::move(snapshot.archives);
  broadcasts = std::move(snapshot.broadcasts);
  captions = std::move(snapshot.captions);
  renders = std::move(snapshot.renders);
  audio_connectors = std::move(snapshot.audio_connectors);
  archive_sequence = snapshot.archive_sequence;
  broadcast_sequence = snapshot.broadcast_sequence;
  media_sequence = snapshot.media_sequence;
  event_sequence = snapshot.event_sequence;
  audio_connector_tone.store(snapshot.audio_connector_tone);
  ids.Restore(snapshot.seed, snapshot.draws);
  clock.Restore(std::move(snapshot.clock));
  timers.Restore(std::move(snapshot.timers), snapshot.next_timer_sequence);
  next_due_ms.store(timers.NextDue().value_or(std::numeric_limits<std::int64_t>::max()));
  return Ok{};
}

Status MockService::ImportState(std::string_view json) { return impl_->ImportText(json); }

}  // namespace opentok_mock
