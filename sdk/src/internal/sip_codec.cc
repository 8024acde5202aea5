#include "internal/sip_codec.h"

#include "internal/json_read.h"

namespace opentok::internal {
namespace {

SipCall ParseSipCall(Json const& object) {
  if (!object.is_object()) throw ShapeError("the SIP call is not a JSON object");
  SipCall call;
  call.id = GetString(object, "id");
  if (call.id.empty()) throw ShapeError("the SIP call has no 'id'");
  call.connection_id = GetString(object, "connectionId");
  call.stream_id = GetString(object, "streamId");
  return call;
}

OrderedJson EncodeSip(std::string_view sip_uri, DialOptions const& options) {
  OrderedJson sip;
  sip["uri"] = sip_uri;
  if (!options.from.empty()) sip["from"] = options.from;
  if (!options.headers.empty()) sip["headers"] = options.headers;
  if (options.auth) sip["auth"] = {{"username", options.auth->username}, {"password", options.auth->password}};
  sip["secure"] = options.secure;
  sip["video"] = options.video;
  sip["observeForceMute"] = options.observe_force_mute;
  if (!options.streams.empty()) sip["streams"] = options.streams;
  return sip;
}

}  // namespace

std::string EncodeDialBody(std::string_view session_id, std::string_view token, std::string_view sip_uri,
                           DialOptions const& options) {
  OrderedJson body;
  body["sessionId"] = session_id;
  body["token"] = token;
  body["sip"] = EncodeSip(sip_uri, options);
  return DumpRequestBody(body, "dial arguments");
}

std::string EncodeDtmfBody(std::string_view digits) {
  OrderedJson body;
  body["digits"] = digits;
  return DumpRequestBody(body, "digits");
}

SipCall DecodeSipCall(std::string_view operation, HttpResponse const& response) {
  return DecodeJson(operation, response, [](Json const& body) { return ParseSipCall(body); });
}

}  // namespace opentok::internal
