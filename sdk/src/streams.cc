// OpenTok stream operations: /v2/project/{key}/session/{sid}/stream (the streams published
// in a session and their layout classes).
#include "internal/opentok_impl.h"
#include "internal/paths.h"
#include "internal/stream_codec.h"
#include "internal/validation.h"
#include "opentok/opentok.h"

namespace opentok {
namespace {

std::string StreamsPath(std::string_view session_id) { return internal::ResourcePath("session", session_id, "/stream"); }

}  // namespace

Stream OpenTok::GetStream(std::string const& session_id, std::string const& stream_id) const {
  static constexpr char kOperation[] = "GetStream";
  internal::ValidateId(session_id, "session_id must not be empty");
  internal::ValidateId(stream_id, "stream_id must not be empty");
  std::string path = StreamsPath(session_id);
  internal::AppendSegment(path, stream_id);
  HttpResponse response = impl_->rest.Send(kOperation, HttpMethod::kGet, impl_->rest.ProjectPath(path));
  return internal::DecodeStream(kOperation, response);
}

StreamList OpenTok::ListStreams(std::string const& session_id) const {
  static constexpr char kOperation[] = "ListStreams";
  internal::ValidateId(session_id, "session_id must not be empty");
  HttpResponse response = impl_->rest.Send(kOperation, HttpMethod::kGet, impl_->rest.ProjectPath(StreamsPath(session_id)));
  return internal::DecodeStreamList(kOperation, response);
}

void OpenTok::SetStreamClassLists(std::string const& session_id, std::vector<StreamProperties> const& streams) const {
  internal::ValidateStreamClassLists(session_id, streams);
  impl_->rest.Send("SetStreamClassLists", HttpMethod::kPut, impl_->rest.ProjectPath(StreamsPath(session_id)),
                   internal::EncodeStreamClassListsBody(streams), "application/json");
}

}  // namespace opentok
