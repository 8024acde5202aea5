#pragma once

// A response as the bytes on the wire, with the headers cpp-httplib 0.11.4's server sent
// (the official SDKs were tested against those): `Keep-Alive: timeout=T, max=M` on a
// connection that stays open, `Connection: close` on one that closes, Content-Length
// always, Content-Type text/plain for an untyped body, headers in httplib's order
// (case-insensitive by name). No compression (identity is always acceptable).

#include <httplib.h>

#include <cstddef>
#include <ctime>
#include <string>

namespace opentok_mock::http::serving {

struct ConnectionHeader {
  bool close = false;
  std::time_t keep_alive_timeout_s = 2;
  std::size_t keep_alive_max_count = 100'000;
};

// HEAD answers carry the Content-Length of the GET body but no body.
std::string SerializeResponse(httplib::Request const& req, httplib::Response& res, ConnectionHeader const& connection);

// The serialized answer `wire` cut after half of its body (fault injection's partial answer:
// the client reads the full Content-Length and gets fewer bytes before the close).
void TruncateBody(std::string& wire, httplib::Request const& req, httplib::Response const& res);

// "HTTP/1.1 100 Continue" for `Expect: 100-continue`.
inline constexpr char kContinue[] = "HTTP/1.1 100 Continue\r\n\r\n";

char const* StatusText(int status);

}  // namespace opentok_mock::http::serving
