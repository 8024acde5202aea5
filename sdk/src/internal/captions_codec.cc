#include "internal/captions_codec.h"

#include "internal/json_read.h"

namespace opentok::internal {
namespace {

// The start answer spells the id "captionsId", the status answer "captionId"; either is
// read from either answer so that a service aligning the two spellings breaks nothing.
std::string GetCaptionsId(Json const& object) {
  std::string id = GetString(object, "captionsId");
  if (id.empty()) id = GetString(object, "captionId");
  if (id.empty()) throw ShapeError("the answer has no 'captionsId'");
  return id;
}

}  // namespace

LiveCaptions ParseLiveCaptions(Json const& object) {
  if (!object.is_object()) throw ShapeError("the captions status is not a JSON object");
  LiveCaptions captions;
  captions.id = GetCaptionsId(object);
  captions.session_id = GetString(object, "sessionId");
  captions.status_name = GetString(object, "status");
  captions.status = ParseCaptionsStatus(captions.status_name).value_or(CaptionsStatus::kUnknown);
  captions.language_code = GetString(object, "languageCode");
  captions.provider = GetString(object, "provider");
  captions.reason = GetString(object, "reason");
  captions.duration = GetInteger(object, "duration");
  captions.created_at = GetMillisTime(object, "createdAt");
  captions.updated_at = GetMillisTime(object, "updatedAt");
  return captions;
}

std::string EncodeStartCaptionsBody(std::string_view session_id, std::string_view token,
                                    LiveCaptionsOptions const& options) {
  OrderedJson body;
  body["sessionId"] = session_id;
  body["token"] = token;
  if (!options.language_code.empty()) body["languageCode"] = options.language_code;
  if (options.max_duration) body["maxDuration"] = *options.max_duration;
  body["partialCaptions"] = options.partial_captions;
  if (!options.status_callback_url.empty()) body["statusCallbackUrl"] = options.status_callback_url;
  return DumpRequestBody(body, "live captions options");
}

std::string DecodeCaptionsId(std::string_view operation, HttpResponse const& response) {
  return DecodeJson(operation, response, [](Json const& body) {
    if (!body.is_object()) throw ShapeError("the answer is not a JSON object");
    return GetCaptionsId(body);
  });
}

LiveCaptions DecodeLiveCaptions(std::string_view operation, HttpResponse const& response) {
  return DecodeJson(operation, response, [](Json const& body) { return ParseLiveCaptions(body); });
}

}  // namespace opentok::internal
