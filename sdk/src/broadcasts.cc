// OpenTok live-streaming broadcast operations: /v2/project/{key}/broadcast, with the
// layout and the stream selection of a running broadcast.
#include "internal/broadcast_codec.h"
#include "internal/layout_codec.h"
#include "internal/opentok_impl.h"
#include "internal/paths.h"
#include "internal/validation.h"
#include "opentok/opentok.h"

namespace opentok {
namespace {

constexpr char kBroadcasts[] = "broadcast";
constexpr int kListAllCount = 1000;

std::string BroadcastPath(std::string_view broadcast_id, std::string_view suffix = {}) {
  return internal::ResourcePath(kBroadcasts, broadcast_id, suffix);
}

}  // namespace

Broadcast OpenTok::StartBroadcast(std::string const& session_id, StartBroadcastOptions const& options) const {
  static constexpr char kOperation[] = "StartBroadcast";
  internal::ValidateStartBroadcastOptions(session_id, options);
  HttpResponse response = impl_->rest.Send(kOperation, HttpMethod::kPost, impl_->rest.ProjectPath("/broadcast"),
                                           internal::EncodeStartBroadcastBody(session_id, options), "application/json");
  return internal::DecodeBroadcast(kOperation, response);
}

Broadcast OpenTok::StopBroadcast(std::string const& broadcast_id) const {
  static constexpr char kOperation[] = "StopBroadcast";
  internal::ValidateId(broadcast_id, "broadcast_id must not be empty");
  HttpResponse response =
      impl_->rest.Send(kOperation, HttpMethod::kPost, impl_->rest.ProjectPath(BroadcastPath(broadcast_id, "/stop")));
  return internal::DecodeBroadcast(kOperation, response);
}

Broadcast OpenTok::GetBroadcast(std::string const& broadcast_id) const {
  static constexpr char kOperation[] = "GetBroadcast";
  internal::ValidateId(broadcast_id, "broadcast_id must not be empty");
  HttpResponse response =
      impl_->rest.Send(kOperation, HttpMethod::kGet, impl_->rest.ProjectPath(BroadcastPath(broadcast_id)));
  return internal::DecodeBroadcast(kOperation, response);
}

BroadcastList OpenTok::ListBroadcasts() const { return ListBroadcasts(0, kListAllCount); }

BroadcastList OpenTok::ListBroadcasts(int offset, int count, std::string const& session_id) const {
  static constexpr char kOperation[] = "ListBroadcasts";
  internal::ValidateListPage(offset, count);
  HttpResponse response = impl_->rest.Send(
      kOperation, HttpMethod::kGet, impl_->rest.ProjectPath(internal::PagePath(kBroadcasts, offset, count, session_id)));
  return internal::DecodeBroadcastList(kOperation, response);
}

void OpenTok::SetBroadcastLayout(std::string const& broadcast_id, BroadcastLayout const& layout) const {
  internal::ValidateId(broadcast_id, "broadcast_id must not be empty");
  internal::ValidateLayout(layout);
  // The answer (the broadcast) is not decoded: the call returns nothing, like the .NET SDK's.
  impl_->rest.Send("SetBroadcastLayout", HttpMethod::kPut,
                   impl_->rest.ProjectPath(BroadcastPath(broadcast_id, "/layout")), internal::EncodeLayoutBody(layout),
                   "application/json");
}

void OpenTok::AddStreamToBroadcast(std::string const& broadcast_id, std::string const& stream_id, bool has_audio,
                                   bool has_video) const {
  internal::ValidateId(broadcast_id, "broadcast_id must not be empty");
  internal::ValidateId(stream_id, "stream_id must not be empty");
  impl_->rest.Send("AddStreamToBroadcast", HttpMethod::kPatch,
                   impl_->rest.ProjectPath(BroadcastPath(broadcast_id, "/streams")),
                   internal::EncodeAddStreamBody(stream_id, has_audio, has_video), "application/json");
}

void OpenTok::RemoveStreamFromBroadcast(std::string const& broadcast_id, std::string const& stream_id) const {
  internal::ValidateId(broadcast_id, "broadcast_id must not be empty");
  internal::ValidateId(stream_id, "stream_id must not be empty");
  impl_->rest.Send("RemoveStreamFromBroadcast", HttpMethod::kPatch,
                   impl_->rest.ProjectPath(BroadcastPath(broadcast_id, "/streams")),
                   internal::EncodeRemoveStreamBody(stream_id), "application/json");
}

}  // namespace opentok
