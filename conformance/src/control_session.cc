#include "control_session.h"

#include "opentok_common/hmac.h"
#include "opentok_common/random.h"
#include "opentok_common/session_id.h"
#include "opentok_common/url.h"
#include "target.h"

namespace opentok::conformance {
ControlSession::ControlSession(Credentials credentials, MediaMode mode)
    : credentials_(std::move(credentials)),
      client_(CurrentTarget().Client(credentials_)),
      id_(client_.CreateSession("", mode).id) {}

std::string ControlSession::Token(Role role) const {
  return CurrentTarget().TokenClient(credentials_).GenerateToken(id_, role);
}

RestClient ControlSession::Rest() const { return CurrentTarget().Rest(credentials_); }

std::string ControlSession::Path() const { return Rest().ProjectPath() + "/session/" + common::PercentEncode(id_); }

std::string ControlSession::Connect() const { return CurrentTarget().control().Connect(id_, Token()).connection_id; }

std::string ControlSession::Publish(std::string const& connection_id, std::string const& name) const {
  return CurrentTarget().control().Publish(id_, connection_id, name, "camera");
}

nlohmann::json ControlSession::View() const { return CurrentTarget().control().SessionView(id_); }

void ControlSession::Track(MediaKind kind, std::string const& id) const {
  MediaTracker::Instance().Track({kind, credentials_, id_, id});
}

std::string ControlSession::StartCaptions(LiveCaptionsOptions const& options) const {
  std::string captions_id = client_.StartLiveCaptions(id_, Token(Role::kModerator), options);
  Track(MediaKind::kCaptions, captions_id);
  return captions_id;
}

Render ControlSession::StartRender(RenderOptions const& options) const {
  Render render = client_.StartRender(id_, Token(), options);
  Track(MediaKind::kRender, render.id);
  return render;
}

AudioConnector ControlSession::ConnectAudio(WebSocketOptions const& options) const {
  AudioConnector connector = client_.ConnectAudioToWebSocket(id_, Token(), options);
  Track(MediaKind::kAudioConnector, connector.id);
  return connector;
}

SipCall ControlSession::Dial(DialOptions const& options) const {
  SipCall call = client_.Dial(id_, Token(), kSipUri, options);
  Track(MediaKind::kSipCall, call.connection_id);
  return call;
}

void ControlSession::TrackAnswer(MediaKind kind, HttpResponse const& response, char const* id_member) const {
  if (response.status < 200 || response.status >= 300) return;
  auto body = nlohmann::json::parse(response.body, nullptr, false);
  if (body.is_object() && body.contains(id_member) && body[id_member].is_string()) {
    Track(kind, body[id_member].get<std::string>());
  }
}

std::string UnknownId() { return common::FormatUuidV4(common::RandomBytes(16)); }

std::string UnknownSessionId(std::string const& api_key) {
  return common::EncodeSessionId({api_key, "", "1700000000000", common::ToHex(common::RandomBytes(12))});
}

std::optional<nlohmann::json> FindBy(nlohmann::json const& array, char const* member, std::string const& value) {
  if (!array.is_array()) return std::nullopt;
  for (auto const& item : array) {
    if (item.is_object() && item.contains(member) && item[member] == value) return item;
  }
  return std::nullopt;
}

}  // namespace opentok::conformance
