// Signals, moderation and the connections of a session: /v2/project/{key}/session/{sid}/
// signal, connection, stream/{id}/mute and mute.
#include "internal/media_validation.h"
#include "internal/moderation_codec.h"
#include "internal/opentok_impl.h"
#include "internal/paths.h"
#include "internal/validation.h"
#include "opentok/opentok.h"

namespace opentok {
namespace {

// "/session/<sid>/connection/<cid>": the connection-scoped resources.
std::string ConnectionPath(std::string_view session_id, std::string_view connection_id) {
  std::string path = internal::ResourcePath("session", session_id, "/connection");
  internal::AppendSegment(path, connection_id);
  return path;
}

}  // namespace

void OpenTok::Signal(std::string const& session_id, SignalProperties const& signal,
                     std::string const& connection_id) const {
  internal::ValidateSignal(session_id, signal);
  // An empty connection id means every connection, like the .NET SDK's optional argument.
  std::string path = connection_id.empty() ? internal::ResourcePath("session", session_id)
                                           : ConnectionPath(session_id, connection_id);
  impl_->rest.Send("Signal", HttpMethod::kPost, impl_->rest.ProjectPath(path + "/signal"),
                   internal::EncodeSignalBody(signal), "application/json");
}

void OpenTok::ForceDisconnect(std::string const& session_id, std::string const& connection_id) const {
  internal::ValidateId(session_id, "session_id must not be empty");
  // Without it the URL would name the session itself (DELETE .../session/{sid}).
  internal::ValidateId(connection_id, "connection_id must not be empty");
  impl_->rest.Send("ForceDisconnect", HttpMethod::kDelete,
                   impl_->rest.ProjectPath(ConnectionPath(session_id, connection_id)));
}

void OpenTok::ForceMuteStream(std::string const& session_id, std::string const& stream_id) const {
  internal::ValidateId(session_id, "session_id must not be empty");
  internal::ValidateId(stream_id, "stream_id must not be empty");
  std::string path = internal::ResourcePath("session", session_id, "/stream");
  internal::AppendSegment(path, stream_id);
  impl_->rest.Send("ForceMuteStream", HttpMethod::kPost, impl_->rest.ProjectPath(path + "/mute"));
}

void OpenTok::ForceMuteAll(std::string const& session_id, std::vector<std::string> const& excluded_stream_ids) const {
  internal::ValidateForceMuteAll(session_id, excluded_stream_ids);
  impl_->rest.Send("ForceMuteAll", HttpMethod::kPost,
                   impl_->rest.ProjectPath(internal::ResourcePath("session", session_id, "/mute")),
                   internal::EncodeForceMuteBody(true, excluded_stream_ids), "application/json");
}

void OpenTok::DisableForceMute(std::string const& session_id) const {
  internal::ValidateId(session_id, "session_id must not be empty");
  impl_->rest.Send("DisableForceMute", HttpMethod::kPost,
                   impl_->rest.ProjectPath(internal::ResourcePath("session", session_id, "/mute")),
                   internal::EncodeForceMuteBody(false, {}), "application/json");
}

ConnectionList OpenTok::ListConnections(std::string const& session_id) const {
  static constexpr char kOperation[] = "ListConnections";
  internal::ValidateId(session_id, "session_id must not be empty");
  HttpResponse response =
      impl_->rest.Send(kOperation, HttpMethod::kGet,
                       impl_->rest.ProjectPath(internal::ResourcePath("session", session_id, "/connection")));
  return internal::DecodeConnectionList(kOperation, response);
}

}  // namespace opentok
