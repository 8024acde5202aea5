// Experience Composer renders: /v2/project/{key}/render.
#include "internal/media_validation.h"
#include "internal/opentok_impl.h"
#include "internal/paths.h"
#include "internal/render_codec.h"
#include "internal/validation.h"
#include "opentok/opentok.h"

namespace opentok {
namespace {

constexpr char kRenders[] = "render";

}  // namespace

Render OpenTok::StartRender(std::string const& session_id, std::string const& token,
                            RenderOptions const& options) const {
  static constexpr char kOperation[] = "StartRender";
  internal::ValidateStartRender(session_id, token, options);
  HttpResponse response = impl_->rest.Send(kOperation, HttpMethod::kPost, impl_->rest.ProjectPath("/render"),
                                           internal::EncodeStartRenderBody(session_id, token, options),
                                           "application/json");
  return internal::DecodeRender(kOperation, response);
}

void OpenTok::StopRender(std::string const& render_id) const {
  internal::ValidateId(render_id, "render_id must not be empty");
  // 200 or 204 (the service's answer varies by client); both are success.
  impl_->rest.Send("StopRender", HttpMethod::kDelete,
                   impl_->rest.ProjectPath(internal::ResourcePath(kRenders, render_id)));
}

Render OpenTok::GetRender(std::string const& render_id) const {
  static constexpr char kOperation[] = "GetRender";
  internal::ValidateId(render_id, "render_id must not be empty");
  HttpResponse response = impl_->rest.Send(kOperation, HttpMethod::kGet,
                                           impl_->rest.ProjectPath(internal::ResourcePath(kRenders, render_id)));
  return internal::DecodeRender(kOperation, response);
}

RenderList OpenTok::ListRenders(int offset, int count) const {
  static constexpr char kOperation[] = "ListRenders";
  internal::ValidateListPage(offset, count);
  HttpResponse response = impl_->rest.Send(kOperation, HttpMethod::kGet,
                                           impl_->rest.ProjectPath(internal::PagePath(kRenders, offset, count, {})));
  return internal::DecodeRenderList(kOperation, response);
}

}  // namespace opentok
