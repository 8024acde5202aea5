#pragma once

// Private state of MockService, shared by its implementation files.

#include <array>
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "opentok_mock/archive_transitions.h"
#include "opentok_mock/broadcast_transitions.h"
#include "opentok_mock/captions_transitions.h"
#include "opentok_mock/client_token.h"
#include "opentok_mock/credentials.h"
#include "opentok_mock/ids.h"
#include "opentok_mock/render_transitions.h"
#include "opentok_mock/service.h"
#include "opentok_mock/service_events.h"
#include "opentok_mock/timer_queue.h"
#include "media_records.h"
#include "session_events.h"

namespace opentok_mock {

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const noexcept { return std::hash<std::string_view>{}(text); }
};
template <typename T>
using StringMap = std::unordered_map<std::string, T, StringHash, std::equal_to<>>;

struct SessionRecord;

struct ArchiveRecord {
  Archive view;                  // what GET shows (url and duration are filled as it moves)
  std::uint64_t sequence = 0;    // creation order: the list indexes are sorted by it
  std::int64_t recorded_ms = 0;  // time spent `started` before the current stint
  std::int64_t recording_since_ms = 0;
  std::uint64_t epoch = 0;  // bumped on every transition; older timers are stale
  SessionRecord* session = nullptr;
};

struct BroadcastRecord {
  Broadcast view;                // what GET shows (the HLS url is filled in views)
  std::uint64_t sequence = 0;    // creation order: the list indexes are sorted by it
  std::uint64_t epoch = 0;       // bumped on every transition; older timers are stale
  SessionRecord* session = nullptr;
};

// A project or a Vonage application: everything under /v2/project/{id} is the same for both;
// only the credential (how tokens and requests are verified) differs.
struct ProjectRecord {
  explicit ProjectRecord(std::unique_ptr<Credential const> owner) : credential(std::move(owner)) {}
  std::unique_ptr<Credential const> credential;
  std::optional<std::string> upload_target;
  std::vector<ArchiveRecord*> archives;  // creation order; deleted archives removed
  std::vector<BroadcastRecord*> broadcasts;  // creation order
  std::vector<RenderRecord*> renders;        // creation order
  // Callback configuration (service_callbacks.cc; Reset keeps it): a URL per group (empty:
  // none), indexed by CallbackGroup, and the legacy REST registrations in creation order.
  std::array<std::string, std::size(kAllCallbackGroups)> callback_urls;
  std::vector<CallbackRegistration> callback_registrations;
};

struct SessionRecord {
  Session view;
  std::vector<Connection> connections;
  std::vector<Stream> streams;
  std::vector<ArchiveRecord*> archives;   // creation order; deleted archives removed
  std::vector<ArchiveRecord*> recording;  // started or paused
  std::vector<BroadcastRecord*> broadcasts;  // creation order
  std::vector<BroadcastRecord*> broadcasting;  // started
  std::uint64_t presence_epoch = 0;       // bumped when clients come or go
  // Media services (service_captions.cc, service_renders.cc, service_audio_connector.cc).
  CaptionsRecord* captioning = nullptr;                 // the started captions: one per session
  std::vector<RenderRecord*> rendering;                 // starting or started renders
  std::vector<AudioConnectorRecord*> audio_connectors;  // connected WebSockets
  // Session control (service_moderation.cc, service_signals.cc, service_sip.cc).
  MuteAllState mute_all;
  std::deque<LeftConnection> left;  // the most recent kMaxLeftConnections, oldest first
  StringMap<ConnectionActivity> activity;  // by connection id: present and recently left ones
  std::vector<SipCall> sip_calls;          // calls in progress
};

struct MockService::Impl {
  explicit Impl(ServiceOptions opts);

  // Locking: `mutex` guards everything below except `clock` (self-synchronised), `journal`
  // (own lock) and `next_due_ms` (atomic: lets readers skip the write lock when no timer
  // is due).
  ServiceOptions options;
  MockClock clock;
  RequestJournal journal;
  mutable std::shared_mutex mutex;
  std::atomic<std::int64_t> next_due_ms{std::numeric_limits<std::int64_t>::max()};

  IdGenerator ids;
  StringMap<std::unique_ptr<ProjectRecord>> projects;
  // Owners that ImportState replaced: kept, because owners are never destroyed (their keys
  // are used outside the lock).
  std::vector<std::unique_ptr<ProjectRecord>> retired_projects;
  StringMap<std::unique_ptr<SessionRecord>> sessions;
  StringMap<std::unique_ptr<ArchiveRecord>> archives;
  StringMap<std::unique_ptr<BroadcastRecord>> broadcasts;
  StringMap<std::unique_ptr<CaptionsRecord>> captions;
  StringMap<std::unique_ptr<RenderRecord>> renders;
  StringMap<std::unique_ptr<AudioConnectorRecord>> audio_connectors;
  std::uint64_t media_sequence = 0;  // creation order of captions, renders and Audio Connector calls
  std::atomic<bool> audio_connector_tone{options.audio_connector_tone};  // read by the streamer without the lock
  // Bumped after every link report, so WaitForAudioConnector wakes instead of polling.
  std::mutex link_mutex;
  std::condition_variable link_reported;
  std::uint64_t link_reports = 0;
  void NotifyLinkReported();
  TimerQueue timers;
  SessionEvents events;  // archives and broadcasts subscribe in the constructor
  std::uint64_t archive_sequence = 0;
  std::uint64_t broadcast_sequence = 0;
  std::string public_base_url = "http://127.0.0.1";

  // Service events (service_callbacks.cc): subscribers with their ids, in subscription order.
  std::vector<std::pair<std::uint64_t, ServiceEventSubscriber>> event_subscribers;
  std::uint64_t next_subscriber_id = 0;
  std::uint64_t event_sequence = 0;  // the last emitted event's; Reset does not restart it

  // --- Locking helpers --------------------------------------------------------------------
  // Takes the write lock, fires due timers and returns the current mock time.
  std::unique_lock<std::shared_mutex> WriteLock(std::int64_t& now_ms);
  // Fires due timers if any (briefly taking the write lock), then takes the read lock.
  std::shared_lock<std::shared_mutex> ReadLock();
  void FireDueTimers(std::int64_t now_ms);  // write lock held
  void Schedule(TimerKind kind, std::string target, std::uint64_t epoch, std::int64_t due_ms);

  // --- Service events (write lock held) ---------------------------------------------------
  // The one way to emit a ServiceEvent: stamps it (next sequence, `api_key`, mock time
  // `at_ms`), resolves its callback URLs (`extra_urls` first: a request's statusCallbackUrl;
  // then the project's URL for the event's group and its matching legacy registrations; each
  // URL once) and hands it to every subscriber in order. Call it after the change is made,
  // from the single place where it is made (a lifecycle's Apply, AddConnection, ...).
  void EmitServiceEvent(std::string api_key, std::int64_t at_ms, ServiceEventPayload payload,
                        std::vector<std::string> extra_urls = {});

  // --- Lookups (lock held) ----------------------------------------------------------------
  ProjectRecord* FindProject(std::string_view api_key) const;
  SessionRecord* FindSession(std::string_view session_id) const;
  ArchiveRecord* FindArchive(std::string_view archive_id) const;
  BroadcastRecord* FindBroadcast(std::string_view broadcast_id) const;
  ProjectLookup Lookup() const;
  // The project's session `session_id` for a start request: 400 for an id that does not even
  // decode, 404 for an unknown one (or another project's).
  Result<SessionRecord*> SessionForStart(std::string_view api_key, std::string const& session_id) const;
  // The project's session, or 404 (REST calls on a session by path).
  Result<SessionRecord*> ProjectSession(std::string_view api_key, std::string_view session_id) const;
  // Verifies a client token for `session` as a connecting client's (403 when it does not fit).
  Result<ClientTokenClaims> VerifyTokenFor(SessionRecord const& session, std::string_view token,
                                           std::int64_t now_ms) const;

  // --- Clients and streams (write lock held) ----------------------------------------------
  // Every way into and out of a session goes through these, so that the session events are
  // emitted once each whoever joins (clients, SIP calls, renders, WebSockets).
  Connection& AddConnection(SessionRecord& session, Connection connection);
  // Unpublishes the connection's streams, removes it and emits kClientLeft with `reason`;
  // 404 when it is not connected.
  Status RemoveConnection(SessionRecord& session, std::string_view connection_id, DisconnectReason reason,
                          std::int64_t now_ms);
  // Adds the connection's stream and emits kStreamPublished; returns it as the subscribers
  // left it (force-muted, for instance).
  Stream PublishStream(SessionRecord& session, Connection const& connection, PublishSettings const& settings,
                       std::int64_t now_ms);

  // --- Session monitoring (service_monitoring.cc; write lock held) -----------------------
  // sessionCreated (the first client) and connectionCreated.
  void MonitoringOnJoin(SessionRecord const& session, Connection const& connection);
  // streamCreated, streamDestroyed, connectionDestroyed: subscribed first, so that they
  // precede what other families do about the same change (an archive pausing).
  void MonitoringOnSessionEvent(SessionEvent const& event);
  // sessionDestroyed when the last client left: subscribed last, so that it follows
  // everything that leaving caused (a SIP call ending, a render stopping).
  void SessionDestroyedOnSessionEvent(SessionEvent const& event);
  void EmitMonitoring(SessionRecord const& session, std::int64_t at_ms, MonitoringEvent event);

  // --- Session control (write lock held) --------------------------------------------------
  // Mutes new streams while a mute-all is active; records who left and why.
  void ModerationOnSessionEvent(SessionEvent const& event);
  // A SIP call ends when its connection leaves.
  void SipOnSessionEvent(SessionEvent const& event);
  // What `connection_id` received (signals, DTMF), created on first use.
  ConnectionActivity& ActivityOf(SessionRecord& session, std::string const& connection_id);

  // --- Archive lifecycle (write lock held) ------------------------------------------------
  // Applies `event` through kArchiveTransitions; false when the table has no such row.
  bool Apply(ArchiveRecord& archive, ArchiveEvent event, std::int64_t at_ms);
  void OnEnter(ArchiveRecord& archive, std::int64_t at_ms);
  void HandleTimer(Timer const& timer);
  void HandleArchiveTimer(Timer const& timer);
  Result<Archive> CreateArchive(ProjectRecord& project, SessionRecord& session, StartArchiveRequest const& request,
                                std::int64_t now_ms);
  // Archives follow the session: pause/resume with its publishers, auto-start if always-
  // archived, drop unpublished streams from selections, stop when the session ends.
  void ArchivesOnSessionEvent(SessionEvent const& event);
  Archive View(ArchiveRecord const& archive) const;
  // An archive of the project, or 404.
  Result<ArchiveRecord*> ProjectArchive(std::string_view api_key, std::string_view archive_id) const;

  // --- Broadcast lifecycle (write lock held) ----------------------------------------------
  bool Apply(BroadcastRecord& broadcast, BroadcastEvent event, std::int64_t at_ms);
  void HandleBroadcastTimer(Timer const& timer);
  Result<Broadcast> CreateBroadcast(ProjectRecord& project, SessionRecord& session,
                                    StartBroadcastRequest const& request, std::int64_t now_ms);
  // Broadcasts follow the session: outputs go live and offline with its publishers,
  // unpublished streams leave selections, and they stop when the session ends.
  void BroadcastsOnSessionEvent(SessionEvent const& event);
  Broadcast View(BroadcastRecord const& broadcast) const;
  Result<BroadcastRecord*> ProjectBroadcast(std::string_view api_key, std::string_view broadcast_id) const;

  // --- Live captions (write lock held) ----------------------------------------------------
  bool Apply(CaptionsRecord& captions, CaptionsEvent event, std::int64_t at_ms);
  void HandleCaptionsTimer(Timer const& timer);
  Captions View(CaptionsRecord const& captions, std::int64_t now_ms) const;

  // --- Renders (write lock held) ----------------------------------------------------------
  // Applies `event` through kRenderTransitions; entering `started` joins the session (a
  // connection publishing one stream), leaving it leaves the session.
  bool Apply(RenderRecord& render, RenderEvent event, std::int64_t at_ms);
  // Its status change, to its statusCallbackUrl and the project's render URL.
  void EmitRenderEvent(RenderRecord const& render, std::int64_t at_ms);
  void HandleRenderTimer(Timer const& timer);
  // The checks of a render start that need the state: session, token, media mode.
  Result<RenderStart> CheckRenderStart(std::string_view api_key, StartRenderRequest const& request,
                                       std::int64_t now_ms) const;
  // A render whose connection is disconnected by anyone else stops.
  void RendersOnSessionEvent(SessionEvent const& event);
  Result<RenderRecord*> ProjectRender(std::string_view api_key, std::string_view render_id) const;

  // --- Audio Connector (write lock held) --------------------------------------------------
  // WebSockets subscribe to new streams (when they take every stream), lose unpublished
  // ones, and end when their connection leaves.
  void AudioConnectorsOnSessionEvent(SessionEvent const& event);
  AudioConnector View(AudioConnectorRecord const& call) const;
  // AudioConnectorEvent for the call as it is now (with its headers' values).
  void EmitAudioConnectorEvent(AudioConnectorRecord const& call, std::int64_t at_ms);

  // --- State snapshots (state_export.cc, state_import.cc) --------------------------------
  std::string ExportText() const;  // lock held
  // Reads a whole document before touching anything, then swaps it in under the write lock.
  Status ImportText(std::string_view text);
};

}  // namespace opentok_mock
