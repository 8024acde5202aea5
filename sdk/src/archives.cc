// OpenTok archive operations: /v2/project/{key}/archive (reference 2.2).
#include "internal/json_codec.h"
#include "internal/opentok_impl.h"
#include "internal/validation.h"
#include "opentok/opentok.h"
#include "opentok_common/url.h"

namespace opentok {
namespace {

constexpr int kListAllCount = 1000;

// "/archive/<id>" + suffix, with the id percent-encoded so it stays one path segment.
std::string ArchivePath(std::string_view archive_id, std::string_view suffix = {}) {
  std::string path = "/archive/";
  path.append(common::PercentEncode(archive_id)).append(suffix);
  return path;
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
  internal::ValidateListArchives(offset, count);
  std::string path = impl_->rest.ProjectPath("/archive");
  path.append("?offset=").append(std::to_string(offset)).append("&count=").append(std::to_string(count));
  if (!session_id.empty()) path.append("&sessionId=").append(common::PercentEncode(session_id));
  HttpResponse response = impl_->rest.Send(kOperation, HttpMethod::kGet, path);
  return internal::DecodeArchiveList(kOperation, response);
}

void OpenTok::DeleteArchive(std::string const& archive_id) const {
  internal::ValidateId(archive_id, "archive_id must not be empty");
  impl_->rest.Send("DeleteArchive", HttpMethod::kDelete, impl_->rest.ProjectPath(ArchivePath(archive_id)));
}

}  // namespace opentok
