#pragma once

// One HTTP/1.1 request out of the bytes a connection has received so far: a pure function
// (no sockets, no state between calls), so that it can be unit-tested and fuzzed and the
// connection server can call it again each time more bytes arrive.
//
// Framing follows RFC 9112: a body is exactly Content-Length bytes, or chunked
// (Transfer-Encoding: chunked, decoded here); with neither, the body is empty, so a bodyless
// POST (`curl -X POST URL`) is complete as soon as its headers are.

#include <httplib.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace opentok_mock::http::serving {

struct ParserLimits {
  std::size_t max_request_line = 8192;     // longer: 414
  std::size_t max_header_bytes = 64 * 1024;  // the whole header section; larger: 431
  std::size_t max_header_count = 100;      // more header fields: 431
  std::size_t max_body_bytes = 1 << 20;    // larger (declared or decoded): 413
};

struct ParseResult {
  enum class Kind { kIncomplete, kComplete, kError };
  Kind kind = Kind::kIncomplete;
  // kComplete: the bytes of this request (with any blank lines before it); the next
  // pipelined request starts there.
  std::size_t consumed = 0;
  // kComplete: the whole request (method, target, version, path decoded, params decoded,
  // headers, body). kIncomplete and kError: what was parsed so far (method, target and path
  // once the request line is complete), for an error answer and its journal entry.
  httplib::Request request;
  // kIncomplete: the headers are complete and only the body is missing.
  bool headers_complete = false;
  // kIncomplete with headers_complete: the client sent `Expect: 100-continue` and waits
  // for an interim 100 answer before sending its body.
  bool expects_continue = false;
  // kError: the status to answer (400, 413, 414, 431, 501, 505) and what was wrong.
  int status = 0;
  std::string message;

  bool complete() const { return kind == Kind::kComplete; }
  bool error() const { return kind == Kind::kError; }
};

ParseResult ParseRequest(std::string_view bytes, ParserLimits const& limits);

// Whether the connection stays open after answering `req` (HTTP/1.1 unless
// `Connection: close`; HTTP/1.0 only with `Connection: keep-alive`).
bool WantsKeepAlive(httplib::Request const& req);

}  // namespace opentok_mock::http::serving
