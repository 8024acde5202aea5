#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

#include "media_tracker.h"
#include "opentok/opentok.h"
#include "rest_client.h"

namespace opentok::conformance {

// What the session-control and media-service checks start from: a new session of
// `credentials` (the fixture's OwnProject(): a project of its own on a mock, so lists and
// counts are exact; the configured project on live). Everything it starts (captions, renders, Audio Connector connections, SIP
// calls) is handed to the MediaTracker before anything else can fail.
class ControlSession {
 public:
  explicit ControlSession(Credentials credentials, MediaMode mode = MediaMode::kRouted);

  Credentials const& credentials() const { return credentials_; }
  std::string const& id() const { return id_; }
  OpenTok const& client() const { return client_; }
  // A client token of this session, minted on the target's clock.
  std::string Token(Role role = Role::kPublisher) const;
  RestClient Rest() const;
  // "/v2/project/<key>/session/<sid>", for wire-level requests.
  std::string Path() const;

  // Simulated clients, through the control plane (callers require it first).
  std::string Connect() const;  // a new client's connection id
  std::string Publish(std::string const& connection_id, std::string const& name = "conformance") const;
  nlohmann::json View() const;  // GET /_mock/sessions/{sid}

  // Tracked starts through the SDK.
  std::string StartCaptions(LiveCaptionsOptions const& options = {}) const;
  Render StartRender(RenderOptions const& options) const;
  AudioConnector ConnectAudio(WebSocketOptions const& options) const;
  SipCall Dial(DialOptions const& options = {}) const;
  // Tracks what a wire-level start answered when it started something: a 2xx whose JSON
  // body has `id_member` (a SIP call is tracked by its "connectionId").
  void TrackAnswer(MediaKind kind, HttpResponse const& response, char const* id_member) const;

 private:
  void Track(MediaKind kind, std::string const& id) const;

  Credentials credentials_;
  OpenTok client_;
  std::string id_;
};

// Where the suite's media services point: nothing is ever contacted on a mock, and on live
// these are reserved example domains (a render loads a public page).
inline constexpr char kSipUri[] = "sip:conformance@sip.example.com";
inline constexpr char kRenderUrl[] = "https://example.com/conformance";
inline constexpr char kWebSocketUri[] = "wss://example.com/conformance-audio";

// A random lowercase UUID: an id no service issued.
std::string UnknownId();
// A well-formed session id of `api_key` that the service never issued.
std::string UnknownSessionId(std::string const& api_key);
// A copy of the element of a JSON array whose `member` equals `value`; nullopt when none
// does (a copy, so that it may outlive a control-plane answer read in the same expression).
std::optional<nlohmann::json> FindBy(nlohmann::json const& array, char const* member, std::string const& value);

}  // namespace opentok::conformance
