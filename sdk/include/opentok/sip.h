#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace opentok {

// Credentials for the SIP endpoint (digest authentication).
struct SipAuth {
  std::string username;
  std::string password;

  bool operator==(SipAuth const&) const = default;
};

// Everything Dial can send beyond the session id, token and SIP URI.
struct DialOptions {
  std::string from;                            // the caller number or SIP address shown to the callee
  std::map<std::string, std::string> headers;  // custom SIP headers (names like "X-Foo")
  std::optional<SipAuth> auth;
  bool secure = false;               // SRTP media
  bool video = false;                // send and receive video (the service defaults to audio only)
  bool observe_force_mute = false;   // the SIP participant honours force-mute
  std::vector<std::string> streams;  // stream ids the callee hears; empty: every stream
};

// A SIP call placed into a session: the SIP participant is a connection of the session
// that publishes the call's audio as a stream.
struct SipCall {
  std::string id;
  std::string connection_id;
  std::string stream_id;

  bool operator==(SipCall const&) const = default;
};

}  // namespace opentok
