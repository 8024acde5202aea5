// Stream reads and layout class lists (REST, project-scoped).

#include <algorithm>

#include "opentok_mock/errors.h"
#include "service_impl.h"

namespace opentok_mock {
namespace {

Stream* FindStream(SessionRecord& session, std::string_view stream_id) {
  auto it = std::find_if(session.streams.begin(), session.streams.end(),
                         [&](Stream const& stream) { return stream.stream_id == stream_id; });
  return it == session.streams.end() ? nullptr : &*it;
}

}  // namespace

Result<std::vector<Stream>> MockService::ListStreams(std::string_view api_key, std::string_view session_id) {
  auto lock = impl_->ReadLock();
  auto* session = impl_->FindSession(session_id);
  // The real service only knows a session once a client has connected (OpenTok-PHP-SDK #267).
  if (session == nullptr || session->view.api_key != api_key || session->connections.empty()) {
    return errors::SessionNotFound();
  }
  return session->streams;
}

Result<Stream> MockService::GetStream(std::string_view api_key, std::string_view session_id,
                                      std::string_view stream_id) {
  auto lock = impl_->ReadLock();
  auto* session = impl_->FindSession(session_id);
  if (session == nullptr || session->view.api_key != api_key) return errors::SessionNotFound();
  auto* stream = FindStream(*session, stream_id);
  if (stream == nullptr) return errors::StreamNotFound();
  return *stream;
}

Status MockService::SetStreamClassLists(std::string_view api_key, std::string_view session_id,
                                        std::vector<StreamClassListUpdate> const& items) {
  if (items.empty()) return errors::BadRequest("Bad request. items must hold at least one stream.");
  std::int64_t now = 0;
  auto lock = impl_->WriteLock(now);
  auto* session = impl_->FindSession(session_id);
  if (session == nullptr || session->view.api_key != api_key) return errors::SessionNotFound();
  // Check every item before changing any stream: a rejected request changes nothing.
  std::vector<Stream*> targets;
  targets.reserve(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    auto where = "Bad request. items[" + std::to_string(i) + "]: ";
    if (items[i].stream_id.empty()) return errors::BadRequest(where + "'id' is required.");
    auto* stream = FindStream(*session, items[i].stream_id);
    if (stream == nullptr) {
      return errors::BadRequest(where + "the stream '" + items[i].stream_id + "' is not published in the session.");
    }
    targets.push_back(stream);
  }
  for (std::size_t i = 0; i < items.size(); ++i) targets[i]->layout_class_list = items[i].layout_class_list;
  return Ok{};
}

Status MockService::SetStreamClassList(std::string_view api_key, std::string_view session_id,
                                       std::string_view stream_id, std::vector<std::string> layout_class_list) {
  std::int64_t now = 0;
  auto lock = impl_->WriteLock(now);
  auto* session = impl_->FindSession(session_id);
  if (session == nullptr || session->view.api_key != api_key) return errors::SessionNotFound();
  auto* stream = FindStream(*session, stream_id);
  if (stream == nullptr) return errors::StreamNotFound();
  stream->layout_class_list = std::move(layout_class_list);
  return Ok{};
}

}  // namespace opentok_mock
