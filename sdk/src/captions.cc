// Live captions: /v2/project/{key}/captions.
#include "internal/captions_codec.h"
#include "internal/media_validation.h"
#include "internal/opentok_impl.h"
#include "internal/paths.h"
#include "internal/validation.h"
#include "opentok/opentok.h"

namespace opentok {

std::string OpenTok::StartLiveCaptions(std::string const& session_id, std::string const& token,
                                       LiveCaptionsOptions const& options) const {
  static constexpr char kOperation[] = "StartLiveCaptions";
  internal::ValidateStartLiveCaptions(session_id, token, options);
  HttpResponse response = impl_->rest.Send(kOperation, HttpMethod::kPost, impl_->rest.ProjectPath("/captions"),
                                           internal::EncodeStartCaptionsBody(session_id, token, options),
                                           "application/json");
  return internal::DecodeCaptionsId(kOperation, response);
}

void OpenTok::StopLiveCaptions(std::string const& captions_id) const {
  internal::ValidateId(captions_id, "captions_id must not be empty");
  impl_->rest.Send("StopLiveCaptions", HttpMethod::kPost,
                   impl_->rest.ProjectPath(internal::ResourcePath("captions", captions_id, "/stop")));
}

LiveCaptions OpenTok::GetLiveCaptions(std::string const& captions_id) const {
  static constexpr char kOperation[] = "GetLiveCaptions";
  internal::ValidateId(captions_id, "captions_id must not be empty");
  HttpResponse response = impl_->rest.Send(kOperation, HttpMethod::kGet,
                                           impl_->rest.ProjectPath(internal::ResourcePath("captions", captions_id)));
  return internal::DecodeLiveCaptions(kOperation, response);
}

}  // namespace opentok
