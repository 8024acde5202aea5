// Audio Connector: /v2/project/{key}/connect (a session's audio sent to a WebSocket server).
#include "internal/audio_connector_codec.h"
#include "internal/media_validation.h"
#include "internal/opentok_impl.h"
#include "internal/paths.h"
#include "internal/validation.h"
#include "opentok/opentok.h"

namespace opentok {

AudioConnector OpenTok::ConnectAudioToWebSocket(std::string const& session_id, std::string const& token,
                                                WebSocketOptions const& options) const {
  static constexpr char kOperation[] = "ConnectAudioToWebSocket";
  internal::ValidateConnectAudio(session_id, token, options);
  HttpResponse response = impl_->rest.Send(kOperation, HttpMethod::kPost, impl_->rest.ProjectPath("/connect"),
                                           internal::EncodeConnectAudioBody(session_id, token, options),
                                           "application/json");
  return internal::DecodeAudioConnector(kOperation, response);
}

void OpenTok::DisconnectAudioConnector(std::string const& id) const {
  internal::ValidateId(id, "id must not be empty");
  impl_->rest.Send("DisconnectAudioConnector", HttpMethod::kPost,
                   impl_->rest.ProjectPath(internal::ResourcePath("connect", id, "/stop")));
}

}  // namespace opentok
