// OpenTok::CreateSession: POST /session/create.
#include "internal/json_codec.h"
#include "internal/opentok_impl.h"
#include "internal/validation.h"
#include "opentok/opentok.h"
#include "opentok_common/url.h"

namespace opentok {

Session OpenTok::CreateSession(std::string const& location, MediaMode media_mode, ArchiveMode archive_mode) const {
  SessionOptions options;
  options.location = location;
  options.media_mode = media_mode;
  options.archive_mode = archive_mode;
  return CreateSession(options);
}

Session OpenTok::CreateSession(SessionOptions const& options) const {
  static constexpr char kOperation[] = "CreateSession";
  internal::ValidateSessionOptions(options);

  bool routed = options.media_mode == MediaMode::kRouted;
  common::FormFields form{{"archiveMode", std::string(ToString(options.archive_mode))},
                          {"p2p.preference", routed ? "disabled" : "enabled"}};
  if (!options.location.empty()) form.emplace_back("location", options.location);
  if (!options.archive_name.empty()) form.emplace_back("archiveName", options.archive_name);
  if (!options.archive_resolution.empty()) form.emplace_back("archiveResolution", options.archive_resolution);
  if (options.e2ee) form.emplace_back("e2ee", "true");

  HttpResponse response = impl_->rest.Send(kOperation, HttpMethod::kPost, "/session/create", common::FormEncode(form),
                                           "application/x-www-form-urlencoded");
  Session session;
  session.id = internal::DecodeCreatedSessionId(kOperation, response);
  session.location = options.location;
  session.media_mode = options.media_mode;
  session.archive_mode = options.archive_mode;
  session.e2ee = options.e2ee;
  return session;
}

}  // namespace opentok
