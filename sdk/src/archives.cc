// OpenTok archive operations: /v2/project/{key}/archive, with the layout and the stream
// selection of a recording archive.
#include "internal/json_codec.h"
#include "internal/layout_codec.h"
#include "internal/opentok_impl.h"
#include "internal/paths.h"
#include "internal/validation.h"
#include "opentok/opentok.h"

namespace opentok {
namespace {

constexpr char kArchives[] = "archive";
constexpr int kListAllCount = 1000;

std::string ArchivePath(std::string_view archive_id, std::string_view suffix = {}) {
  return internal::ResourcePath(kArchives, archive_id, suffix);
}

}  // namespace

Archive OpenTok::StartArchive(std::string const& session_id, std::string const& name, bool has_video, bool has_audio,
                              OutputMode output_mode) const {
  StartArchiveOptions options;
  options.name = name;
  options.has_video = has_video;
  options.has_audio = has_audio;
  options.output_mode = output_mode;
  return StartArchive(session_id, options);
}

Archive OpenTok::StartArchive(std::string const& session_id, StartArchiveOptions const& options) const {
  static constexpr char kOperation[] = "StartArchive";
  internal::ValidateStartArchiveOptions(session_id, options);
  HttpResponse response = impl_->rest.Send(kOperation, HttpMethod::kPost, impl_->rest.ProjectPath("/archive"),
                                           internal::EncodeStartArchiveBody(session_id, options), "application/json");
  return internal::DecodeArchive(kOperation, response);
}

Archive OpenTok::StopArchive(std::string const& archive_id) const {
  static constexpr char kOperation[] = "StopArchive";
  internal::ValidateId(archive_id, "archive_id must not be empty");
  HttpResponse response =
      impl_->rest.Send(kOperation, HttpMethod::kPost, impl_->rest.ProjectPath(ArchivePath(archive_id, "/stop")));
  return internal::DecodeArchive(kOperation, response);
}

Archive OpenTok::GetArchive(std::string const& archive_id) const {
  static constexpr char kOperation[] = "GetArchive";
  internal::ValidateId(archive_id, "archive_id must not be empty");
  HttpResponse response = impl_->rest.Send(kOperation, HttpMethod::kGet, impl_->rest.ProjectPath(ArchivePath(archive_id)));
  return internal::DecodeArchive(kOperation, response);
}

ArchiveList OpenTok::ListArchives() const { return ListArchives(0, kListAllCount); }

ArchiveList OpenTok::ListArchives(int offset, int count, std::string const& session_id) const {
  static constexpr char kOperation[] = "ListArchives";
  internal::ValidateListPage(offset, count);
  HttpResponse response = impl_->rest.Send(kOperation, HttpMethod::kGet,
                                           impl_->rest.ProjectPath(internal::PagePath(kArchives, offset, count, session_id)));
  return internal::DecodeArchiveList(kOperation, response);
}

void OpenTok::DeleteArchive(std::string const& archive_id) const {
  internal::ValidateId(archive_id, "archive_id must not be empty");
  impl_->rest.Send("DeleteArchive", HttpMethod::kDelete, impl_->rest.ProjectPath(ArchivePath(archive_id)));
}

void OpenTok::SetArchiveLayout(std::string const& archive_id, ArchiveLayout const& layout) const {
  internal::ValidateId(archive_id, "archive_id must not be empty");
  internal::ValidateLayout(layout);
  // The answer (the archive) is not decoded: the call returns nothing, like the .NET SDK's.
  impl_->rest.Send("SetArchiveLayout", HttpMethod::kPut, impl_->rest.ProjectPath(ArchivePath(archive_id, "/layout")),
                   internal::EncodeLayoutBody(layout), "application/json");
}

void OpenTok::AddStreamToArchive(std::string const& archive_id, std::string const& stream_id, bool has_audio,
                                 bool has_video) const {
  internal::ValidateId(archive_id, "archive_id must not be empty");
  internal::ValidateId(stream_id, "stream_id must not be empty");
  impl_->rest.Send("AddStreamToArchive", HttpMethod::kPatch, impl_->rest.ProjectPath(ArchivePath(archive_id, "/streams")),
                   internal::EncodeAddStreamBody(stream_id, has_audio, has_video), "application/json");
}

void OpenTok::RemoveStreamFromArchive(std::string const& archive_id, std::string const& stream_id) const {
  internal::ValidateId(archive_id, "archive_id must not be empty");
  internal::ValidateId(stream_id, "stream_id must not be empty");
  impl_->rest.Send("RemoveStreamFromArchive", HttpMethod::kPatch,
                   impl_->rest.ProjectPath(ArchivePath(archive_id, "/streams")),
                   internal::EncodeRemoveStreamBody(stream_id), "application/json");
}

}  // namespace opentok
