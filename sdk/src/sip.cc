// SIP interconnect: /v2/project/{key}/dial and the DTMF digits played into SIP calls
// (/v2/project/{key}/session/{sid}[/connection/{cid}]/play-dtmf).
#include "internal/media_validation.h"
#include "internal/opentok_impl.h"
#include "internal/paths.h"
#include "internal/sip_codec.h"
#include "opentok/opentok.h"

namespace opentok {

SipCall OpenTok::Dial(std::string const& session_id, std::string const& token, std::string const& sip_uri,
                      DialOptions const& options) const {
  static constexpr char kOperation[] = "Dial";
  internal::ValidateDial(session_id, token, sip_uri, options);
  HttpResponse response = impl_->rest.Send(kOperation, HttpMethod::kPost, impl_->rest.ProjectPath("/dial"),
                                           internal::EncodeDialBody(session_id, token, sip_uri, options),
                                           "application/json");
  return internal::DecodeSipCall(kOperation, response);
}

void OpenTok::PlayDTMF(std::string const& session_id, std::string const& digits,
                       std::string const& connection_id) const {
  internal::ValidateDtmf(session_id, digits);
  // An empty connection id means every SIP participant of the session.
  std::string path = internal::ResourcePath("session", session_id);
  if (!connection_id.empty()) {
    path += "/connection";
    internal::AppendSegment(path, connection_id);
  }
  impl_->rest.Send("PlayDTMF", HttpMethod::kPost, impl_->rest.ProjectPath(path + "/play-dtmf"),
                   internal::EncodeDtmfBody(digits), "application/json");
}

}  // namespace opentok
