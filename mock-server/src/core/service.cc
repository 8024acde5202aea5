#include <algorithm>
#include <charconv>
#include <limits>

#include "opentok_common/session_id.h"
#include "opentok_mock/client_token.h"
#include "opentok_mock/errors.h"
#include "request_rules.h"
#include "service_impl.h"

namespace opentok_mock {
namespace {

constexpr std::size_t kGeneratedKeyDigits = 8;
constexpr std::size_t kGeneratedSecretLength = 40;
constexpr std::size_t kMaxSecretLength = 256;
constexpr std::int64_t kMaxArchiveNameLength = 80;
constexpr std::int64_t kRestTokenLifetimeS = 300;

bool IsProjectKey(std::string_view key) {
  if (key.empty() || key.size() > 10 || key[0] == '0') return false;
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(key.data(), key.data() + key.size(), value);
  if (error != std::errc() || end != key.data() + key.size()) return false;
  return value > 0 && value <= std::numeric_limits<std::int32_t>::max();
}

std::optional<Error> ValidateSessionSettings(SessionSettings const& settings) {
  bool routed = settings.media_mode == MediaMode::kRouted;
  bool always = settings.archive_mode == ArchiveMode::kAlways;
  if (always && !routed) {
    return errors::BadRequest("A session with always archive mode must also have the routed media mode.");
  }
  if (settings.e2ee && !routed) return errors::BadRequest("End-to-end encryption requires the routed media mode.");
  if (settings.e2ee && always) {
    return errors::BadRequest("End-to-end encryption is not supported with always archive mode.");
  }
  if (!settings.location.empty() && !IsIpv4(settings.location)) {
    return errors::BadRequest("Invalid location: must be an IPv4 address.");
  }
  if (!settings.archive_resolution.empty() && !IsValidResolution(settings.archive_resolution)) {
    return errors::BadRequest("Invalid archiveResolution: " + settings.archive_resolution);
  }
  // Characters, not bytes: the SDKs count the name's characters (1-80).
  if (CharacterCount(settings.archive_name) > kMaxArchiveNameLength) {
    return errors::BadRequest("archiveName must be at most 80 characters.");
  }
  if ((!settings.archive_name.empty() || !settings.archive_resolution.empty()) && !always) {
    return errors::BadRequest("archiveName and archiveResolution are only allowed with always archive mode.");
  }
  return std::nullopt;
}

template <typename T, typename Id>
auto FindById(std::vector<T>& items, Id T::*id, std::string_view wanted) {
  return std::find_if(items.begin(), items.end(), [&](T const& item) { return item.*id == wanted; });
}

}  // namespace

// ---------------------------------------------------------------------------------------
// Impl: locking and lookups

MockService::Impl::Impl(ServiceOptions opts)
    : options(std::move(opts)), clock(options.wall_clock), journal(options.journal_capacity), ids(options.seed) {
  if (options.frozen_clock) clock.Freeze();
  events.Subscribe([this](SessionEvent const& event) { MonitoringOnSessionEvent(event); });
  events.Subscribe([this](SessionEvent const& event) { ArchivesOnSessionEvent(event); });
  events.Subscribe([this](SessionEvent const& event) { BroadcastsOnSessionEvent(event); });
  events.Subscribe([this](SessionEvent const& event) { ModerationOnSessionEvent(event); });
  events.Subscribe([this](SessionEvent const& event) { SipOnSessionEvent(event); });
  events.Subscribe([this](SessionEvent const& event) { RendersOnSessionEvent(event); });
  events.Subscribe([this](SessionEvent const& event) { AudioConnectorsOnSessionEvent(event); });
  events.Subscribe([this](SessionEvent const& event) { SessionDestroyedOnSessionEvent(event); });
}

std::unique_lock<std::shared_mutex> MockService::Impl::WriteLock(std::int64_t& now_ms) {
  std::unique_lock lock(mutex);
  now_ms = clock.NowMs();
  FireDueTimers(now_ms);
  return lock;
}

std::shared_lock<std::shared_mutex> MockService::Impl::ReadLock() {
  if (clock.NowMs() >= next_due_ms.load()) {
    std::unique_lock lock(mutex);
    FireDueTimers(clock.NowMs());
  }
  return std::shared_lock(mutex);
}

void MockService::Impl::FireDueTimers(std::int64_t now_ms) {
  while (auto timer = timers.PopDue(now_ms)) HandleTimer(*timer);
  next_due_ms.store(timers.NextDue().value_or(std::numeric_limits<std::int64_t>::max()));
}

void MockService::Impl::HandleTimer(Timer const& timer) {
  switch (timer.kind) {
    case TimerKind::kSessionEnded: {
      auto* session = FindSession(timer.target);
      if (session == nullptr || session->presence_epoch != timer.epoch || !session->connections.empty()) return;
      events.Emit({SessionEventKind::kSessionEnded, *session, timer.due_ms});
      return;
    }
    case TimerKind::kArchiveMaxDuration:
    case TimerKind::kArchiveProcessed:
    case TimerKind::kArchiveRetention:
      return HandleArchiveTimer(timer);
    case TimerKind::kBroadcastMaxDuration:
      return HandleBroadcastTimer(timer);
    case TimerKind::kCaptionsMaxDuration:
      return HandleCaptionsTimer(timer);
    case TimerKind::kRenderLoaded:
    case TimerKind::kRenderMaxDuration:
      return HandleRenderTimer(timer);
  }
}

void MockService::Impl::Schedule(TimerKind kind, std::string target, std::uint64_t epoch, std::int64_t due_ms) {
  timers.Schedule(Timer{due_ms, kind, std::move(target), epoch, 0});
  if (due_ms < next_due_ms.load()) next_due_ms.store(due_ms);
}

ProjectRecord* MockService::Impl::FindProject(std::string_view api_key) const {
  auto it = projects.find(api_key);
  return it == projects.end() ? nullptr : it->second.get();
}

SessionRecord* MockService::Impl::FindSession(std::string_view session_id) const {
  auto it = sessions.find(session_id);
  return it == sessions.end() ? nullptr : it->second.get();
}

ArchiveRecord* MockService::Impl::FindArchive(std::string_view archive_id) const {
  auto it = archives.find(archive_id);
  return it == archives.end() ? nullptr : it->second.get();
}

BroadcastRecord* MockService::Impl::FindBroadcast(std::string_view broadcast_id) const {
  auto it = broadcasts.find(broadcast_id);
  return it == broadcasts.end() ? nullptr : it->second.get();
}

Result<SessionRecord*> MockService::Impl::SessionForStart(std::string_view api_key,
                                                          std::string const& session_id) const {
  auto* session = FindSession(session_id);
  if (session != nullptr && session->view.api_key == api_key) return session;
  // An id that does not even decode is malformed (400); a well-formed one is unknown (404).
  if (!opentok::common::DecodeSessionId(session_id)) return errors::BadRequest("Bad request. The sessionId is invalid.");
  return errors::SessionNotFound();
}

Result<SessionRecord*> MockService::Impl::ProjectSession(std::string_view api_key,
                                                        std::string_view session_id) const {
  auto* session = FindSession(session_id);
  if (session == nullptr || session->view.api_key != api_key) return errors::SessionNotFound();
  return session;
}

Result<ClientTokenClaims> MockService::Impl::VerifyTokenFor(SessionRecord const& session, std::string_view token,
                                                            std::int64_t now_ms) const {
  // Issue stamps are wall time (SDKs read the system clock): placed on the mock time line.
  TokenClock token_clock{now_ms / 1000, [this](std::int64_t issued_s) { return clock.TokenIssueSecond(issued_s); }};
  auto claims = VerifyClientToken(token, Lookup(), token_clock);
  if (!claims) return claims.error();
  // A token of the other kind is refused whoever signed it: say so rather than "another project".
  auto owner_kind = FindProject(session.view.api_key)->credential->kind();
  if (claims->credential_kind != owner_kind) {
    return errors::Forbidden("Invalid token: the session belongs to " + std::string(DescribeOwner(owner_kind)) +
                             ", which accepts only " + std::string(DescribeTokens(owner_kind)) + ", not " +
                             std::string(DescribeTokens(claims->credential_kind)));
  }
  if (claims->api_key != session.view.api_key) {
    return errors::Forbidden("Invalid token: it was issued by another project than the session's");
  }
  if (claims->session_id != session.view.session_id) {
    return errors::Forbidden("Invalid token: it was issued for another session");
  }
  return claims;
}

Connection& MockService::Impl::AddConnection(SessionRecord& session, Connection connection) {
  session.connections.push_back(std::move(connection));
  ++session.presence_epoch;  // cancels a pending "session ended" timer
  MonitoringOnJoin(session, session.connections.back());
  return session.connections.back();
}

Status MockService::Impl::RemoveConnection(SessionRecord& session, std::string_view connection_id,
                                           DisconnectReason reason, std::int64_t now_ms) {
  auto connection = FindById(session.connections, &Connection::connection_id, connection_id);
  if (connection == session.connections.end()) return errors::ConnectionNotFound();
  Connection left = std::move(*connection);  // `connection_id` may view into it: use left's from here
  session.connections.erase(connection);
  // Its streams go first, one event each, as if the client had unpublished them.
  for (auto it = FindById(session.streams, &Stream::connection_id, left.connection_id); it != session.streams.end();
       it = FindById(session.streams, &Stream::connection_id, left.connection_id)) {
    Stream gone = std::move(*it);
    session.streams.erase(it);
    events.Emit({SessionEventKind::kStreamUnpublished, session, now_ms, &gone, &left, reason});
  }
  ++session.presence_epoch;
  events.Emit({SessionEventKind::kClientLeft, session, now_ms, nullptr, &left, reason});
  if (session.connections.empty() && (!session.recording.empty() || !session.broadcasting.empty())) {
    Schedule(TimerKind::kSessionEnded, session.view.session_id, session.presence_epoch,
             now_ms + options.session_end_grace_s * 1000);
  }
  return Ok{};
}

Stream MockService::Impl::PublishStream(SessionRecord& session, Connection const& connection,
                                        PublishSettings const& settings, std::int64_t now_ms) {
  Stream stream{ids.Uuid(),
                session.view.session_id,
                connection.connection_id,
                settings.name,
                settings.video_type,
                settings.has_audio,
                settings.has_video,
                connection.initial_layout_class_list,
                now_ms};
  std::string stream_id = stream.stream_id;
  session.streams.push_back(std::move(stream));
  events.Emit({SessionEventKind::kStreamPublished, session, now_ms, &session.streams.back()});
  return *FindById(session.streams, &Stream::stream_id, stream_id);
}

ProjectLookup MockService::Impl::Lookup() const {
  return [this](std::string_view id) -> Credential const* {
    auto* project = FindProject(id);
    return project == nullptr ? nullptr : project->credential.get();
  };
}

// ---------------------------------------------------------------------------------------
// Projects and auth

MockService::MockService(ServiceOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
MockService::~MockService() = default;

ServiceOptions const& MockService::options() const { return impl_->options; }

Result<ProjectCredentials> MockService::AddProject(std::string api_key, std::string api_secret) {
  std::unique_lock lock(impl_->mutex);
  if (api_key.empty()) {
    do {
      api_key = impl_->ids.NumericKey(kGeneratedKeyDigits);
    } while (impl_->FindProject(api_key) != nullptr);
  }
  if (!IsProjectKey(api_key)) {
    return errors::BadRequest("Invalid apiKey '" + api_key + "': use a positive decimal number below 2^31.");
  }
  if (impl_->FindProject(api_key) != nullptr) return errors::Conflict(-1, "Project " + api_key + " already exists.");
  if (api_secret.empty()) api_secret = impl_->ids.Hex(kGeneratedSecretLength);
  if (api_secret.size() > kMaxSecretLength) return errors::BadRequest("apiSecret is longer than 256 characters.");
  impl_->projects.emplace(api_key, std::make_unique<ProjectRecord>(std::make_unique<ProjectKeys>(api_key, api_secret)));
  return ProjectCredentials{std::move(api_key), std::move(api_secret)};
}

std::vector<ProjectCredentials> MockService::Projects() const {
  std::shared_lock lock(impl_->mutex);
  std::vector<ProjectCredentials> out;
  for (auto const& [key, project] : impl_->projects) {
    if (auto const* keys = dynamic_cast<ProjectKeys const*>(project->credential.get())) {
      out.push_back({key, keys->api_secret});
    }
  }
  std::sort(out.begin(), out.end(), [](auto const& a, auto const& b) { return a.api_key < b.api_key; });
  return out;
}

Status MockService::SetArchiveUploadTarget(std::string_view api_key, std::optional<std::string> description) {
  std::unique_lock lock(impl_->mutex);
  auto* project = impl_->FindProject(api_key);
  if (project == nullptr) return errors::ProjectNotFound();
  project->upload_target = std::move(description);
  return Ok{};
}

Result<std::optional<std::string>> MockService::ArchiveUploadTarget(std::string_view api_key) const {
  std::shared_lock lock(impl_->mutex);
  auto* project = impl_->FindProject(api_key);
  if (project == nullptr) return errors::ProjectNotFound();
  return project->upload_target;
}

RestAuthVerdict MockService::AuthenticateRest(RestAuthHeaders const& headers, std::string_view path_api_key) const {
  // Projects are never destroyed, so the keys found under the lock stay valid after it:
  // the HMAC runs outside the critical section.
  auto lookup = [this](std::string_view id) -> Credential const* {
    std::shared_lock lock(impl_->mutex);
    auto* project = impl_->FindProject(id);
    return project == nullptr ? nullptr : project->credential.get();
  };
  return VerifyRestAuth(headers, path_api_key, lookup, impl_->clock.WallMs() / 1000, impl_->options.auth_leeway_s);
}

Result<RestAuthHeader> MockService::MintRestAuth(std::string_view id) const {
  Credential const* owner = nullptr;
  {
    std::shared_lock lock(impl_->mutex);
    auto* project = impl_->FindProject(id);
    if (project == nullptr) return errors::ProjectNotFound();
    owner = project->credential.get();
  }
  auto header = owner->MintRestAuth(impl_->clock.WallMs() / 1000, kRestTokenLifetimeS);
  if (!header) {
    return errors::Conflict(-1, "The mock has only the public key of application " + std::string(id) +
                                    ": sign REST tokens with its private key yourself.");
  }
  return *header;
}

// ---------------------------------------------------------------------------------------
// Sessions, clients and streams

Result<Session> MockService::CreateSession(std::string_view api_key, SessionSettings const& settings) {
  if (auto error = ValidateSessionSettings(settings)) return *error;
  std::int64_t now = 0;
  auto lock = impl_->WriteLock(now);
  if (impl_->FindProject(api_key) == nullptr) return errors::ProjectNotFound();
  std::string session_id;
  // Re-roll until the payload has no '_' (the .NET SDK splits on it).
  do {
    session_id = opentok::common::EncodeSessionId(
        {std::string(api_key), settings.location, std::to_string(now), impl_->ids.Alphanumeric(24)});
  } while (!opentok::common::IsPortableSessionId(session_id) || impl_->FindSession(session_id) != nullptr);
  auto record = std::make_unique<SessionRecord>();
  record->view = Session{session_id, std::string(api_key), settings, now};
  Session view = record->view;
  impl_->sessions.emplace(std::move(session_id), std::move(record));
  return view;
}

Result<SessionSnapshot> MockService::GetSession(std::string_view session_id) {
  auto lock = impl_->ReadLock();
  auto* session = impl_->FindSession(session_id);
  if (session == nullptr) return errors::SessionNotFound();
  SessionSnapshot snapshot{session->view, session->connections, session->streams, {}, {}, {}, session->mute_all};
  snapshot.left_connections.assign(session->left.begin(), session->left.end());
  for (auto* archive : session->recording) snapshot.recording_archive_ids.push_back(archive->view.id);
  for (auto* broadcast : session->broadcasting) snapshot.started_broadcast_ids.push_back(broadcast->view.id);
  return snapshot;
}

Result<Connection> MockService::Connect(std::string_view session_id, std::string_view token) {
  std::int64_t now = 0;
  auto lock = impl_->WriteLock(now);
  auto* session = impl_->FindSession(session_id);
  if (session == nullptr) return errors::SessionNotFound();
  auto claims = impl_->VerifyTokenFor(*session, token, now);
  if (!claims) return claims.error();
  return impl_->AddConnection(*session, Connection{impl_->ids.Uuid(),
                                                   session->view.session_id,
                                                   claims->role,
                                                   std::move(claims->connection_data),
                                                   claims->format,
                                                   std::move(claims->initial_layout_class_list),
                                                   now});
}

Status MockService::Disconnect(std::string_view session_id, std::string_view connection_id,
                               DisconnectReason reason) {
  std::int64_t now = 0;
  auto lock = impl_->WriteLock(now);
  auto* session = impl_->FindSession(session_id);
  if (session == nullptr) return errors::SessionNotFound();
  return impl_->RemoveConnection(*session, connection_id, reason, now);
}

Result<Stream> MockService::Publish(std::string_view session_id, std::string_view connection_id,
                                    PublishSettings const& settings) {
  std::int64_t now = 0;
  auto lock = impl_->WriteLock(now);
  auto* session = impl_->FindSession(session_id);
  if (session == nullptr) return errors::SessionNotFound();
  auto connection = FindById(session->connections, &Connection::connection_id, connection_id);
  if (connection == session->connections.end()) return errors::ConnectionNotFound();
  if (connection->role == Role::kSubscriber) {
    return errors::Forbidden("A client whose token has the subscriber role cannot publish.");
  }
  return impl_->PublishStream(*session, *connection, settings, now);
}

Status MockService::Unpublish(std::string_view session_id, std::string_view stream_id) {
  std::int64_t now = 0;
  auto lock = impl_->WriteLock(now);
  auto* session = impl_->FindSession(session_id);
  if (session == nullptr) return errors::SessionNotFound();
  auto stream = FindById(session->streams, &Stream::stream_id, stream_id);
  if (stream == session->streams.end()) return errors::StreamNotFound();
  Stream gone = std::move(*stream);
  session->streams.erase(stream);
  impl_->events.Emit({SessionEventKind::kStreamUnpublished, *session, now, &gone});
  return Ok{};
}

// ---------------------------------------------------------------------------------------
// Clock and administration

std::int64_t MockService::NowMs() const { return impl_->clock.NowMs(); }
std::int64_t MockService::WallMs() const { return impl_->clock.WallMs(); }
bool MockService::ClockFrozen() const { return impl_->clock.frozen(); }

Result<std::int64_t> MockService::AdvanceClock(std::chrono::milliseconds by) {
  if (by.count() < 0) return errors::BadRequest("The clock only moves forward: seconds must not be negative.");
  std::unique_lock lock(impl_->mutex);
  // Fire what was due before the jump first, then everything inside the interval, each
  // stamped with its own due time (FireDueTimers pops them in time order).
  impl_->FireDueTimers(impl_->clock.NowMs());
  impl_->clock.Advance(by.count());
  auto now = impl_->clock.NowMs();
  impl_->FireDueTimers(now);
  return now;
}

std::int64_t MockService::FreezeClock() {
  std::unique_lock lock(impl_->mutex);
  impl_->FireDueTimers(impl_->clock.NowMs());
  impl_->clock.Freeze();
  return impl_->clock.NowMs();
}

std::int64_t MockService::UnfreezeClock() {
  std::unique_lock lock(impl_->mutex);
  impl_->clock.Unfreeze();
  return impl_->clock.NowMs();
}

void MockService::Reset() {
  std::unique_lock lock(impl_->mutex);
  impl_->sessions.clear();
  impl_->archives.clear();
  impl_->broadcasts.clear();
  impl_->captions.clear();
  impl_->renders.clear();
  impl_->audio_connectors.clear();
  impl_->timers.Clear();
  impl_->next_due_ms.store(std::numeric_limits<std::int64_t>::max());
  for (auto& [key, project] : impl_->projects) {
    project->archives.clear();
    project->broadcasts.clear();
    project->renders.clear();
  }
  impl_->ids.Reseed();
  impl_->journal.Clear();
}

RequestJournal& MockService::journal() { return impl_->journal; }

void MockService::SetPublicBaseUrl(std::string base_url) {
  std::unique_lock lock(impl_->mutex);
  impl_->public_base_url = std::move(base_url);
}

std::size_t MockService::PendingTimers() const {
  std::shared_lock lock(impl_->mutex);
  return impl_->timers.size();
}

}  // namespace opentok_mock
