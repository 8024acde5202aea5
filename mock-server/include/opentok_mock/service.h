#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "opentok_mock/clock.h"
#include "opentok_mock/journal.h"
#include "opentok_mock/media_model.h"
#include "opentok_mock/model.h"
#include "opentok_mock/rest_auth.h"
#include "opentok_mock/result.h"
#include "opentok_mock/service_events.h"
#include "opentok_mock/session_control.h"

namespace opentok_mock {

struct ServiceOptions {
  // Deterministic ids (with a frozen clock, session ids repeat too). nullopt: OpenSSL random.
  std::optional<std::uint64_t> seed;
  // Archives stop with reason "maximum duration exceeded" after this much recorded time.
  std::int64_t archive_max_duration_s = 7200;
  // Time from `stopped` to `available`/`uploaded` (0: at the next operation).
  std::int64_t archive_processing_delay_s = 5;
  // Time from `available` to `expired` (cloud retention).
  std::int64_t archive_retention_s = 72 * 60 * 60;
  // A session's recording archives stop ("session ended") this long after the last client left.
  std::int64_t session_end_grace_s = 60;
  // Tolerated clock skew for REST auth JWTs (`exp` and `iat`, wall clock).
  std::int64_t auth_leeway_s = 300;
  // Journal size (oldest dropped first); 0 disables journaling.
  std::size_t journal_capacity = 10'000;
  // Start with the mock clock frozen at the current wall time.
  bool frozen_clock = false;
  // The "real" time source (tests inject one to move wall time without sleeping).
  MockClock::WallSource wall_clock = SystemWallMs;
  // Whether a render's page loads (called at the start, outside the service's lock). Empty:
  // every URL loads. The HTTP layer fetches loopback URLs with it; the core has no HTTP.
  std::function<bool(std::string const& url)> url_loadable;
  // What the Audio Connector's WebSocket streamer sends while a call has streams: silence,
  // or a 440 Hz test tone (--audio-connector-tone; the control plane changes it).
  bool audio_connector_tone = false;
};

// The mock OpenTok service: all state and rules, no HTTP. Thread-safe: one reader/writer
// lock guards the state; reads (get/list) share it. Every operation first fires the timers
// that came due as mock time passed (lazily; nothing runs in the background), in time order
// and stamped with their due time. Errors are the service's: HTTP status, OpenTok code and
// message (see Error).
class MockService {
 public:
  explicit MockService(ServiceOptions options = {});
  ~MockService();
  MockService(MockService const&) = delete;
  MockService& operator=(MockService const&) = delete;

  ServiceOptions const& options() const;

  // --- Projects (never removed; Reset keeps them) ---------------------------------------
  // Empty key: a fresh 8-digit key; empty secret: 40 random hex characters. Keys are
  // positive decimal numbers that fit in 32 bits (the .NET SDK parses them as int).
  Result<ProjectCredentials> AddProject(std::string api_key = {}, std::string api_secret = {});
  std::vector<ProjectCredentials> Projects() const;
  // An upload target makes processed archives `uploaded` (url null) instead of `available`.
  // `description` is opaque to the service (the control plane stores its JSON there).
  Status SetArchiveUploadTarget(std::string_view api_key, std::optional<std::string> description);
  Result<std::optional<std::string>> ArchiveUploadTarget(std::string_view api_key) const;

  // --- Vonage applications (never removed; Reset keeps them) ----------------------------
  // They sit next to projects, under the same ids space: every project-scoped operation below
  // takes an application id as its `api_key` too. Empty id: a fresh UUID; empty key: a fresh
  // RSA-2048 pair (generated outside the lock; about a second), whose private key is in the
  // answer. 400 for an id that is not a UUID or a key that is not an RSA public key in PEM;
  // 409 for an id that exists.
  Result<ApplicationCredentials> AddApplication(std::string application_id = {}, std::string public_key_pem = {});
  // Without private keys.
  std::vector<ApplicationCredentials> Applications() const;

  // --- REST auth (wall clock) -------------------------------------------------------------
  RestAuthVerdict AuthenticateRest(RestAuthHeaders const& headers, std::string_view path_api_key) const;
  // A fresh REST auth header for a project (X-OPENTOK-AUTH, HS256) or an application
  // (Authorization: Bearer, RS256), valid 5 minutes: a control-plane helper for curl users.
  // 404 for an unknown id; 409 for an application whose private key the mock does not hold.
  Result<RestAuthHeader> MintRestAuth(std::string_view id) const;

  // --- Sessions ---------------------------------------------------------------------------
  Result<Session> CreateSession(std::string_view api_key, SessionSettings const& settings);
  Result<SessionSnapshot> GetSession(std::string_view session_id);

  // --- Simulated clients (the control plane) ----------------------------------------------
  // Connects a client with a client token (JWT or T1), verified as the real service would.
  Result<Connection> Connect(std::string_view session_id, std::string_view token);
  Status Disconnect(std::string_view session_id, std::string_view connection_id,
                    DisconnectReason reason = DisconnectReason::kClientDisconnected);
  Result<Stream> Publish(std::string_view session_id, std::string_view connection_id, PublishSettings const& settings);
  Status Unpublish(std::string_view session_id, std::string_view stream_id);

  // --- Streams (REST, project-scoped) -----------------------------------------------------
  Result<std::vector<Stream>> ListStreams(std::string_view api_key, std::string_view session_id);
  Result<Stream> GetStream(std::string_view api_key, std::string_view session_id, std::string_view stream_id);
  // PUT .../session/{sid}/stream: all or nothing. A rejected request changes no stream, and
  // its message names the item ("items[2]: ...").
  Status SetStreamClassLists(std::string_view api_key, std::string_view session_id,
                             std::vector<StreamClassListUpdate> const& items);
  // The PHP SDK's updateStream: one stream's class list.
  Status SetStreamClassList(std::string_view api_key, std::string_view session_id, std::string_view stream_id,
                            std::vector<std::string> layout_class_list);

  // --- Archives (REST, project-scoped) ----------------------------------------------------
  // The answer always says `started`; if nobody publishes, the archive is `paused` from the
  // next read on.
  Result<Archive> StartArchive(std::string_view api_key, StartArchiveRequest const& request);
  Result<Archive> StopArchive(std::string_view api_key, std::string_view archive_id);
  Result<Archive> GetArchive(std::string_view api_key, std::string_view archive_id);
  Result<ArchivePage> ListArchives(std::string_view api_key, ListArchivesQuery const& query);
  Status DeleteArchive(std::string_view api_key, std::string_view archive_id);
  // Composed archives in progress (started or paused) only.
  Result<Archive> SetArchiveLayout(std::string_view api_key, std::string_view archive_id, Layout const& layout);
  Result<Layout> GetArchiveLayout(std::string_view api_key, std::string_view archive_id);
  // Manual stream mode (405 for auto), archives in progress only (409). Adding needs a stream
  // published in the session; adding a selected stream again updates its audio and video.
  Status ChangeArchiveStreams(std::string_view api_key, std::string_view archive_id,
                              StreamSelectionChange const& change);
  // Control plane: any project's archive, and a simulated recording failure.
  Result<Archive> FindArchive(std::string_view archive_id);
  Result<Archive> FailArchive(std::string_view archive_id, std::string reason = {});

  // --- Live-streaming broadcasts (REST, project-scoped) -----------------------------------
  // Started broadcasts stop at their maxDuration (mock time since the start) and 60 s after
  // the last client left the session. The outputs are `connecting` in the start answer and
  // then follow the session's publishers: live while somebody publishes, then ready (HLS) or
  // offline (RTMP).
  Result<Broadcast> StartBroadcast(std::string_view api_key, StartBroadcastRequest const& request);
  // 404 for an unknown or already stopped broadcast.
  Result<Broadcast> StopBroadcast(std::string_view api_key, std::string_view broadcast_id);
  Result<Broadcast> GetBroadcast(std::string_view api_key, std::string_view broadcast_id);
  Result<BroadcastPage> ListBroadcasts(std::string_view api_key, ListBroadcastsQuery const& query);
  Result<Broadcast> SetBroadcastLayout(std::string_view api_key, std::string_view broadcast_id, Layout const& layout);
  Result<Layout> GetBroadcastLayout(std::string_view api_key, std::string_view broadcast_id);
  Status ChangeBroadcastStreams(std::string_view api_key, std::string_view broadcast_id,
                                StreamSelectionChange const& change);
  // Control plane: any project's broadcasts (all projects when `api_key` is empty), newest
  // first; and a simulated output failure (`output`: an RTMP output id or "hls"; empty:
  // every output). The broadcast stays started.
  Result<Broadcast> FindBroadcast(std::string_view broadcast_id);
  std::vector<Broadcast> AllBroadcasts(std::string_view api_key = {});
  Result<Broadcast> FailBroadcastOutput(std::string_view broadcast_id, std::string_view output = {});

  // --- Signals, moderation, connections (REST, project-scoped) ---------------------------
  // Empty `connection_id`: every client connection of the session (404 when none is
  // connected). 400 (code 15202) without data; 413 for a type over 128 or data over 8192 bytes.
  Status Signal(std::string_view api_key, std::string_view session_id, SignalRequest const& signal,
                std::string_view connection_id = {});
  // The connection leaves with reason forceDisconnected (a SIP call ends), with every
  // consequence of a client leaving (its streams go, archives pause, the session may end).
  Status ForceDisconnect(std::string_view api_key, std::string_view session_id, std::string_view connection_id);
  // Mutes the stream's audio (a SIP call's stream only if it observes force mute).
  Status ForceMuteStream(std::string_view api_key, std::string_view session_id, std::string_view stream_id);
  // `active`: mutes every stream but the excluded ones, and keeps muting streams published
  // later until a call with `active` false (which mutes nothing and unmutes nothing).
  Status ForceMuteAll(std::string_view api_key, std::string_view session_id, MuteAllState const& request);
  Result<std::vector<Connection>> ListConnections(std::string_view api_key, std::string_view session_id);

  // --- SIP (REST, project-scoped) ---------------------------------------------------------
  // The token is a client token for the session, verified like Connect's. The call joins as a
  // connection of kind sip publishing one stream.
  Result<SipCall> Dial(std::string_view api_key, DialRequest const& request);
  // Empty `connection_id`: every SIP connection of the session.
  Status PlayDtmf(std::string_view api_key, std::string_view session_id, std::string_view digits,
                  std::string_view connection_id = {});
  // Control plane: what a connection (present or recently left) received, and the session's
  // SIP calls in progress.
  Result<ConnectionActivity> GetConnectionActivity(std::string_view session_id, std::string_view connection_id);
  Result<std::vector<SipCall>> SipCalls(std::string_view session_id);

  // --- Live captions (REST, project-scoped) ----------------------------------------------
  // One per session (409, code 60003, while one is started); routed sessions only; the token
  // is a client token of the session, verified like Connect's. Started captions stop at
  // their maxDuration (mock time since the start).
  Result<Captions> StartCaptions(std::string_view api_key, StartCaptionsRequest const& request);
  // 404 for unknown or already stopped captions.
  Status StopCaptions(std::string_view api_key, std::string_view captions_id);
  Result<Captions> GetCaptions(std::string_view api_key, std::string_view captions_id);
  // Control plane: any project's captions (all projects when `api_key` is empty), newest
  // first, and a simulated failure.
  std::vector<Captions> AllCaptions(std::string_view api_key = {});
  Result<Captions> FindCaptions(std::string_view captions_id);
  Result<Captions> FailCaptions(std::string_view captions_id);

  // --- Experience Composer renders (REST, project-scoped) ---------------------------------
  // The answer says `starting`; 2 s of mock time later the render is `started`, with a
  // connection (kind render) publishing one stream in the session, or `failed` ("Could not
  // load URL") when ServiceOptions::url_loadable said no. It stops at its maxDuration.
  Result<Render> StartRender(std::string_view api_key, StartRenderRequest const& request);
  // 404 for an unknown or already stopped render; its connection leaves the session.
  Result<Render> StopRender(std::string_view api_key, std::string_view render_id);
  Result<Render> GetRender(std::string_view api_key, std::string_view render_id);
  Result<RenderPage> ListRenders(std::string_view api_key, ListQuery const& query);
  // Control plane: any project's renders, newest first, and a simulated failure.
  std::vector<Render> AllRenders(std::string_view api_key = {});
  Result<Render> FindRender(std::string_view render_id);
  Result<Render> FailRender(std::string_view render_id);

  // --- Audio Connector (REST, project-scoped) ---------------------------------------------
  // Adds a connection (kind websocket) subscribed to the requested streams, or to every
  // stream of the session (also later ones) when none are requested. The core opens no
  // WebSocket: it emits an AudioConnectorEvent when a call connects, when the streams it
  // receives change and when it ends, and the HTTP layer's streamer opens the WebSocket.
  Result<AudioConnector> ConnectAudio(std::string_view api_key, ConnectAudioRequest const& request);
  // `id`: the call id or its connection id. The connection leaves the session; 404 when
  // neither names a connected call.
  Status DisconnectAudio(std::string_view api_key, std::string_view id);
  // Control plane: any project's calls, newest first (also ended ones).
  std::vector<AudioConnector> AllAudioConnectors(std::string_view api_key = {});
  Result<AudioConnector> FindAudioConnector(std::string_view id);
  // The WebSocket streamer's reports (never from an event subscriber: they take the lock).
  // 404 for an unknown call. Its link's state and counters, as the control plane shows them:
  Status UpdateAudioConnectorLink(std::string_view id, AudioConnectorLink const& link);
  // The WebSocket could not be opened, dropped, or the receiver closed it: `link` is kept and
  // a call still connected ends, its connection leaving with reason networkDisconnected.
  Status EndAudioConnectorLink(std::string_view id, AudioConnectorLink const& link);
  // Explicit readiness for tests of WebSocket receivers: waits until call `id`'s view (link
  // state and counters, `connected`) satisfies `done`, re-checking whenever the streamer
  // reports; returns that view, or the last one seen after `timeout` (404 for an unknown call).
  Result<AudioConnector> WaitForAudioConnector(std::string_view id,
                                               std::function<bool(AudioConnector const&)> const& done,
                                               std::chrono::milliseconds timeout);
  // ServiceOptions::audio_connector_tone, changed at run time (Reset keeps it).
  void SetAudioConnectorTone(bool tone);
  bool AudioConnectorTone() const;

  // --- Service events ---------------------------------------------------------------------
  // Every status change of archives, broadcasts, renders, captions and SIP calls, session
  // monitoring and Audio Connector calls, in order (see service_events.h for the subscriber's
  // rules). Returns an id for UnsubscribeEvents; subscriptions survive Reset.
  std::uint64_t SubscribeEvents(ServiceEventSubscriber subscriber);
  void UnsubscribeEvents(std::uint64_t id);
  // For a ticker that lets timer-driven changes (an archive becoming available, maximum
  // durations) happen without waiting for the next operation: the mock time at which the
  // earliest pending timer is due (nullopt: none), and firing every timer due by now.
  std::optional<std::int64_t> NextTimerDueMs() const;
  void FireDueTimers();

  // --- Callback configuration (project configuration: Reset keeps it) --------------------
  // The project's URL for a group of events (the account portal's setting; the control plane
  // and --callback-url). 400 for a URL that is not http(s):// with a host or is over 2048
  // characters; 404 for an unknown project. Setting replaces; clearing an unset one is fine.
  Status SetCallbackUrl(std::string_view api_key, CallbackGroup group, std::string url);
  Status ClearCallbackUrl(std::string_view api_key, CallbackGroup group);
  // The groups that have a URL, in CallbackGroup order.
  Result<std::vector<std::pair<CallbackGroup, std::string>>> CallbackUrls(std::string_view api_key) const;
  // Legacy REST registrations (POST/GET/DELETE /v2/project/{key}/callback). 400 for a group
  // and event pair CallbackRegistration does not list or a bad URL; registering a pair again
  // replaces its URL (same id, new updatedAt). Creation order.
  Result<CallbackRegistration> RegisterCallback(std::string_view api_key, std::string group, std::string event,
                                                std::string url);
  Result<std::vector<CallbackRegistration>> ListCallbacks(std::string_view api_key) const;
  // 404 for an unknown id (or another project's).
  Status UnregisterCallback(std::string_view api_key, std::string_view id);

  // --- Clock ------------------------------------------------------------------------------
  std::int64_t NowMs() const;
  std::int64_t WallMs() const;
  bool ClockFrozen() const;
  // Moves mock time forward and fires every timer due in the interval, in time order,
  // before returning the new time. Negative durations are rejected (400).
  Result<std::int64_t> AdvanceClock(std::chrono::milliseconds by);
  std::int64_t FreezeClock();
  std::int64_t UnfreezeClock();

  // --- Administration ---------------------------------------------------------------------
  // Drops sessions, connections, streams, archives, broadcasts, timers and the journal; keeps the
  // projects (with their upload targets and callback configuration), event subscriptions and
  // the clock; re-applies the seed.
  void Reset();
  RequestJournal& journal();
  // Base of archive download and broadcast HLS URLs ("http://127.0.0.1:PORT"); set once the
  // server is bound.
  void SetPublicBaseUrl(std::string base_url);
  std::size_t PendingTimers() const;

  // --- State snapshots (docs/state-snapshots.md) -----------------------------------------
  // The whole state as a versioned JSON document: projects and applications with their
  // secrets and keys (a snapshot is a test fixture: keep it out of logs and repositories you
  // publish), sessions, everything in them, archives, broadcasts and the media services,
  // their bookkeeping, pending timers, the clock and the id generator. Not state: the journal,
  // event subscriptions and the options. Fires due timers first, like every read.
  std::string ExportState();
  // Replaces the whole state with a document ExportState wrote (any mock, any time): all or
  // nothing. A bad document is a 400 naming the member ("sessions[0].connections[1].role:
  // unknown value 'boss'") and changes nothing. Export, import into a fresh service and
  // export again gives the same text.
  Status ImportState(std::string_view json);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace opentok_mock
