#include "media_json.h"

#include "json_writer.h"

namespace opentok_mock::http {

namespace {

// `event`: the callback body's "event":"captions" (the status object has none).
void AppendCaptionsJson(std::string& out, Captions const& captions, bool with_event) {
  ObjectWriter json(out);
  json.ApplicationId(captions.api_key);
  json.String("captionId", captions.id);
  json.Integer("createdAt", captions.created_at_ms);
  json.Integer("duration", captions.duration_s);
  if (with_event) json.String("event", "captions");
  json.String("languageCode", captions.language_code);
  json.String("projectId", captions.api_key);
  json.String("provider", "aws-transcribe");  // the only provider the service names
  if (!captions.reason.empty()) json.String("reason", captions.reason);
  json.String("sessionId", captions.session_id);
  json.String("status", ToString(captions.status));
  json.Integer("updatedAt", captions.updated_at_ms);
}

}  // namespace

std::string CaptionsJsonText(Captions const& captions) {
  std::string out;
  out.reserve(320);
  AppendCaptionsJson(out, captions, false);
  return out;
}

std::string CaptionsCallbackJsonText(Captions const& captions) {
  std::string out;
  out.reserve(340);
  AppendCaptionsJson(out, captions, true);
  return out;
}

void AppendRenderJson(std::string& out, Render const& render) {
  ObjectWriter json(out);
  json.ApplicationId(render.api_key);
  if (!render.callback_url.empty()) json.String("callbackUrl", render.callback_url);
  json.Integer("createdAt", render.created_at_ms);
  json.String("event", "render");
  json.String("id", render.id);
  if (render.name) json.String("name", *render.name);
  json.String("projectId", render.api_key);
  if (!render.reason.empty()) json.String("reason", render.reason);
  json.String("resolution", render.resolution);
  json.String("sessionId", render.session_id);
  json.String("status", ToString(render.status));
  if (!render.stream_id.empty()) json.String("streamId", render.stream_id);
  json.Integer("updatedAt", render.updated_at_ms);
  json.String("url", render.url);
}

std::string RenderJsonText(Render const& render) {
  std::string out;
  out.reserve(512);
  AppendRenderJson(out, render);
  return out;
}

std::string RenderPageJsonText(std::int64_t total, std::vector<Render> const& items) {
  return PageJsonText(total, items, 512, AppendRenderJson);
}

}  // namespace opentok_mock::http
