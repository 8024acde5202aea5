#pragma once

// JSON of SIP calls: the POST .../dial body and answer, and the play-dtmf body (lenient
// reading, see json_read.h).

#include <string>
#include <string_view>

#include "opentok/http_transport.h"
#include "opentok/sip.h"

namespace opentok::internal {

// {"sessionId", "token", "sip": {"uri", "from"?, "headers"?, "auth"?, "secure", "video",
// "observeForceMute", "streams"?}}: the booleans are always sent, like the Java SDK does;
// empty strings, maps and lists are omitted (as the Vonage Node SDK strips them).
std::string EncodeDialBody(std::string_view session_id, std::string_view token, std::string_view sip_uri,
                           DialOptions const& options);
// {"digits"}
std::string EncodeDtmfBody(std::string_view digits);

SipCall DecodeSipCall(std::string_view operation, HttpResponse const& response);

}  // namespace opentok::internal
