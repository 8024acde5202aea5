#include "internal/render_codec.h"

#include "internal/json_read.h"

namespace opentok::internal {
Render ParseRender(Json const& object) {
  if (!object.is_object()) throw ShapeError("a render is not a JSON object");
  Render render;
  render.id = GetString(object, "id");
  if (render.id.empty()) throw ShapeError("the render has no 'id'");
  render.session_id = GetString(object, "sessionId");
  // Renders carry the project id as a string ("123456"), or a Vonage application id.
  render.project_id = GetIdText(object, {"projectId", "applicationId"});
  render.status_name = GetString(object, "status");
  render.status = ParseRenderStatus(render.status_name).value_or(RenderStatus::kUnknown);
  render.url = GetString(object, "url");
  render.resolution = GetString(object, "resolution");
  render.stream_id = GetString(object, "streamId");
  render.reason = GetString(object, "reason");
  render.name = GetString(object, "name");
  render.callback_url = GetString(object, "callbackUrl");
  render.created_at = GetMillisTime(object, "createdAt");
  render.updated_at = GetMillisTime(object, "updatedAt");
  return render;
}

namespace {

RenderList ParseRenderList(Json const& object) {
  RenderList list;
  list.total_count = ParseListPage(object, "render list", list.items, ParseRender);
  return list;
}

}  // namespace

std::string EncodeStartRenderBody(std::string_view session_id, std::string_view token, RenderOptions const& options) {
  OrderedJson body;
  body["sessionId"] = session_id;
  body["token"] = token;
  body["url"] = options.url;
  if (options.max_duration) body["maxDuration"] = *options.max_duration;
  if (!options.resolution.empty()) body["resolution"] = options.resolution;
  if (!options.name.empty()) body["properties"] = {{"name", options.name}};
  if (!options.status_callback_url.empty()) body["statusCallbackUrl"] = options.status_callback_url;
  return DumpRequestBody(body, "render options");
}

Render DecodeRender(std::string_view operation, HttpResponse const& response) {
  return DecodeJson(operation, response, [](Json const& body) { return ParseRender(body); });
}

RenderList DecodeRenderList(std::string_view operation, HttpResponse const& response) {
  return DecodeJson(operation, response, [](Json const& body) { return ParseRenderList(body); });
}

}  // namespace opentok::internal
