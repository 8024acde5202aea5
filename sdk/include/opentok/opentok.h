#pragma once

// The OpenTok (Vonage Video) server SDK for C++. Mirrors the .NET SDK's OpenTok class:
// sessions, client tokens, archives, live-streaming broadcasts, layouts, stream selection,
// the streams and connections of a session, signals and moderation, SIP calls, live
// captions, Experience Composer renders and the Audio Connector, with errors reported as
// exceptions (errors.h). ParseCallback (callbacks.h) reads the service's webhook bodies.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "opentok/application_credentials.h"
#include "opentok/archive.h"
#include "opentok/audio_connector.h"
#include "opentok/broadcast.h"
#include "opentok/callbacks.h"
#include "opentok/captions.h"
#include "opentok/client_options.h"
#include "opentok/clock.h"
#include "opentok/errors.h"
#include "opentok/http_transport.h"
#include "opentok/moderation.h"
#include "opentok/render.h"
#include "opentok/session.h"
#include "opentok/sip.h"
#include "opentok/stream.h"
#include "opentok/token.h"
#include "opentok/types.h"
#include "opentok/version.h"

namespace opentok {

// A client of one OpenTok project (API key and secret) or of one Vonage application
// (application id and RSA private key).
//
// Thread safety: all methods are const and may be called concurrently from many threads
// on one object. Copies are cheap and share the connection.
class OpenTok {
 public:
  // The API key is numeric, like the .NET SDK's `int apiKey`; the string overloads accept
  // it as text (it must still be a positive decimal number). Throws ArgumentException for
  // a bad key, an empty secret or unusable options.
  OpenTok(std::int64_t api_key, std::string api_secret);
  OpenTok(std::int64_t api_key, std::string api_secret, std::string api_url);
  OpenTok(std::int64_t api_key, std::string api_secret, ClientOptions options);
  OpenTok(std::string_view api_key, std::string api_secret);
  OpenTok(std::string_view api_key, std::string api_secret, std::string api_url);
  OpenTok(std::string_view api_key, std::string api_secret, ClientOptions options);
  // A client of a Vonage application: REST requests carry an RS256 JWT in
  // `Authorization: Bearer`, client tokens are RS256 JWTs, and paths use the application
  // id. The default URL is kVonageApiUrl. Throws ArgumentException for an application id
  // that is not a UUID, an unreadable key file, text that is not a PEM private key, a key
  // that is not RSA, or unusable options (including token_format kT1).
  explicit OpenTok(ApplicationCredentials credentials);
  OpenTok(ApplicationCredentials credentials, std::string api_url);
  OpenTok(ApplicationCredentials credentials, ClientOptions options);
  ~OpenTok();
  OpenTok(OpenTok const&);
  OpenTok& operator=(OpenTok const&);
  OpenTok(OpenTok&&) noexcept;
  OpenTok& operator=(OpenTok&&) noexcept;

  // The project's credentials; 0 and "" for an application.
  std::int64_t api_key() const noexcept;
  std::string const& api_secret() const noexcept;
  // The application id as given; "" for a project.
  std::string const& application_id() const noexcept;
  // The id in REST paths (/v2/project/{id}) and in this client's session ids: the API key
  // as text, or the application id.
  std::string const& project_id() const noexcept;
  std::string const& api_url() const noexcept;

  // POST /session/create. `location` must be an IPv4 literal or empty; kAlways needs
  // kRouted. Validation happens before any I/O.
  Session CreateSession(std::string const& location = "", MediaMode media_mode = MediaMode::kRelayed,
                        ArchiveMode archive_mode = ArchiveMode::kManual) const;
  Session CreateSession(SessionOptions const& options) const;

  // A client token for `session_id` (no network call). The session id must belong to this
  // API key or application. `expire_time` is in seconds since the Unix epoch (0: 24 hours
  // from now). Applications mint RS256 JWTs; TokenFormat::kT1 is refused for them.
  std::string GenerateToken(std::string const& session_id, Role role = Role::kPublisher,
                            std::int64_t expire_time = 0, std::string const& data = "",
                            std::vector<std::string> const& initial_layout_class_list = {}) const;
  std::string GenerateToken(std::string const& session_id, TokenOptions const& options) const;

  // POST /v2/project/{key}/archive. Both has_audio and has_video false, or a resolution
  // with individual output, is rejected before any I/O.
  Archive StartArchive(std::string const& session_id, std::string const& name = "", bool has_video = true,
                       bool has_audio = true, OutputMode output_mode = OutputMode::kComposed) const;
  Archive StartArchive(std::string const& session_id, StartArchiveOptions const& options) const;

  // POST /v2/project/{key}/archive/{id}/stop
  Archive StopArchive(std::string const& archive_id) const;
  // GET /v2/project/{key}/archive/{id}
  Archive GetArchive(std::string const& archive_id) const;
  // GET /v2/project/{key}/archive: the newest 1000 archives.
  ArchiveList ListArchives() const;
  // One page: `offset` 0 is the most recently started archive; `count` is 1-1000. A
  // non-empty `session_id` lists only that session's archives.
  ArchiveList ListArchives(int offset, int count, std::string const& session_id = "") const;
  // DELETE /v2/project/{key}/archive/{id}
  void DeleteArchive(std::string const& archive_id) const;
  // PUT /v2/project/{key}/archive/{id}/layout: the layout of a composed archive.
  void SetArchiveLayout(std::string const& archive_id, ArchiveLayout const& layout) const;
  // PATCH /v2/project/{key}/archive/{id}/streams, for archives with StreamMode::kManual.
  // Adding a stream that is already included changes its has_audio/has_video.
  void AddStreamToArchive(std::string const& archive_id, std::string const& stream_id, bool has_audio = true,
                          bool has_video = true) const;
  void RemoveStreamFromArchive(std::string const& archive_id, std::string const& stream_id) const;

  // POST /v2/project/{key}/broadcast. Needs at least one output (HLS or 1-5 RTMP
  // destinations); dvr and low_latency are mutually exclusive. Validation happens before
  // any I/O.
  Broadcast StartBroadcast(std::string const& session_id, StartBroadcastOptions const& options) const;
  // POST /v2/project/{key}/broadcast/{id}/stop
  Broadcast StopBroadcast(std::string const& broadcast_id) const;
  // GET /v2/project/{key}/broadcast/{id}
  Broadcast GetBroadcast(std::string const& broadcast_id) const;
  // GET /v2/project/{key}/broadcast: the newest 1000 broadcasts.
  BroadcastList ListBroadcasts() const;
  // One page, newest first; `count` is 1-1000; a non-empty `session_id` filters.
  BroadcastList ListBroadcasts(int offset, int count, std::string const& session_id = "") const;
  // PUT /v2/project/{key}/broadcast/{id}/layout
  void SetBroadcastLayout(std::string const& broadcast_id, BroadcastLayout const& layout) const;
  // PATCH /v2/project/{key}/broadcast/{id}/streams, for broadcasts with StreamMode::kManual.
  void AddStreamToBroadcast(std::string const& broadcast_id, std::string const& stream_id, bool has_audio = true,
                            bool has_video = true) const;
  void RemoveStreamFromBroadcast(std::string const& broadcast_id, std::string const& stream_id) const;

  // GET /v2/project/{key}/session/{sid}/stream/{id}
  Stream GetStream(std::string const& session_id, std::string const& stream_id) const;
  // GET /v2/project/{key}/session/{sid}/stream
  StreamList ListStreams(std::string const& session_id) const;
  // PUT /v2/project/{key}/session/{sid}/stream: the layout classes of several streams at
  // once (class names for custom layout stylesheets).
  void SetStreamClassLists(std::string const& session_id, std::vector<StreamProperties> const& streams) const;

  // POST /v2/project/{key}/session/{sid}/signal, or .../connection/{cid}/signal when
  // `connection_id` is given: a signal to every client of the session or to one. The
  // type is at most 128 bytes, the data at most 8192 bytes, both valid UTF-8.
  void Signal(std::string const& session_id, SignalProperties const& signal,
              std::string const& connection_id = "") const;
  // DELETE /v2/project/{key}/session/{sid}/connection/{cid}: disconnects a client.
  void ForceDisconnect(std::string const& session_id, std::string const& connection_id) const;
  // POST /v2/project/{key}/session/{sid}/stream/{id}/mute: mutes one stream's audio.
  void ForceMuteStream(std::string const& session_id, std::string const& stream_id) const;
  // POST /v2/project/{key}/session/{sid}/mute {"active": true}: mutes every stream but the
  // excluded ones, and keeps muting streams published later until DisableForceMute.
  void ForceMuteAll(std::string const& session_id, std::vector<std::string> const& excluded_stream_ids = {}) const;
  // POST /v2/project/{key}/session/{sid}/mute {"active": false}: streams published from
  // now on are no longer muted (muted streams stay muted).
  void DisableForceMute(std::string const& session_id) const;
  // GET /v2/project/{key}/session/{sid}/connection
  ConnectionList ListConnections(std::string const& session_id) const;

  // POST /v2/project/{key}/dial: calls a SIP endpoint into a routed session. `token` is a
  // client token of the session (the SIP participant connects with it); `sip_uri` starts
  // with "sip:" or "sips:".
  SipCall Dial(std::string const& session_id, std::string const& token, std::string const& sip_uri,
               DialOptions const& options = {}) const;
  // POST /v2/project/{key}/session/{sid}/play-dtmf, or .../connection/{cid}/play-dtmf when
  // `connection_id` is given: DTMF digits (0-9, *, #, and p for a 500 ms pause) to every
  // SIP participant of the session or to one.
  void PlayDTMF(std::string const& session_id, std::string const& digits,
                std::string const& connection_id = "") const;

  // POST /v2/project/{key}/captions: starts live captions of a routed session (one at a
  // time per session); returns the captions id.
  std::string StartLiveCaptions(std::string const& session_id, std::string const& token,
                                LiveCaptionsOptions const& options = {}) const;
  // POST /v2/project/{key}/captions/{id}/stop
  void StopLiveCaptions(std::string const& captions_id) const;
  // GET /v2/project/{key}/captions/{id}
  LiveCaptions GetLiveCaptions(std::string const& captions_id) const;

  // POST /v2/project/{key}/render: starts an Experience Composer render of a web page into
  // the session. The answer's status is usually kStarting.
  Render StartRender(std::string const& session_id, std::string const& token, RenderOptions const& options) const;
  // DELETE /v2/project/{key}/render/{id}
  void StopRender(std::string const& render_id) const;
  // GET /v2/project/{key}/render/{id}
  Render GetRender(std::string const& render_id) const;
  // GET /v2/project/{key}/render: one page, newest first; `count` is 1-1000.
  RenderList ListRenders(int offset = 0, int count = 50) const;

  // POST /v2/project/{key}/connect: sends the audio of a routed session's streams to a
  // WebSocket server (Audio Connector).
  AudioConnector ConnectAudioToWebSocket(std::string const& session_id, std::string const& token,
                                         WebSocketOptions const& options) const;
  // POST /v2/project/{key}/connect/{id}/stop: `id` is the AudioConnector's id or its
  // connection id.
  void DisconnectAudioConnector(std::string const& id) const;

 private:
  struct Impl;
  std::shared_ptr<Impl const> impl_;
};

}  // namespace opentok
