// The serving layer's HTTP/1.1 request parser (src/http/serving/request_parser.h), a pure
// function over the bytes a connection has received so far.
//
// Input: a limits byte (odd: small limits, so that the 413/414/431 paths are reached with
// short inputs), then the bytes of one or more pipelined requests.
// Invariants: no exception; an error is one of the documented statuses with a message; a
// complete request consumes at least one byte and no more than it was given, respects the
// limits, and parses the same from exactly its own bytes; every strict prefix of a complete
// request is incomplete (what the server sees while the request arrives), never complete.

#include <cstddef>
#include <cstdint>
#include <string>

#include "checks.h"
#include "fuzz_input.h"
#include "serving/request_parser.h"

namespace {

namespace serving = opentok_mock::http::serving;
using opentok_fuzz::Check;

void CheckPrefix(std::string_view bytes, std::size_t length, serving::ParserLimits const& limits) {
  auto prefix = serving::ParseRequest(bytes.substr(0, length), limits);
  Check(!prefix.complete(), "a strict prefix of a complete request is complete", bytes.substr(0, length));
}

// Parses one request at the front of `bytes`; returns what it consumed (0: stop).
std::size_t ParseOne(std::string_view bytes, serving::ParserLimits const& limits, unsigned prefix_pick) {
  auto result = serving::ParseRequest(bytes, limits);
  if (result.error()) {
    auto status = result.status;
    Check(status == 400 || status == 413 || status == 414 || status == 431 || status == 501 || status == 505,
          "the parser failed with an undocumented status", std::to_string(status));
    Check(!result.message.empty(), "the parser failed without a message", bytes);
    return 0;
  }
  if (!result.complete()) return 0;
  auto consumed = result.consumed;
  Check(consumed > 0 && consumed <= bytes.size(), "a complete request consumed a wrong length", bytes);
  auto const& req = result.request;
  Check(!req.method.empty(), "a complete request has no method", bytes);
  Check(req.body.size() <= limits.max_body_bytes, "a complete request's body exceeds the limit", bytes);
  Check(req.headers.size() <= limits.max_header_count, "a complete request has too many headers", bytes);
  auto again = serving::ParseRequest(bytes.substr(0, consumed), limits);
  Check(again.complete() && again.consumed == consumed && again.request.body == req.body &&
            again.request.target == req.target,
        "a complete request parses differently from exactly its own bytes", bytes.substr(0, consumed));
  CheckPrefix(bytes, consumed - 1, limits);
  CheckPrefix(bytes, prefix_pick % consumed, limits);
  return consumed;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  opentok_fuzz::FuzzInput input(data, size);
  auto flags = input.Byte();
  serving::ParserLimits limits;
  if (flags & 1) limits = {.max_request_line = 64, .max_header_bytes = 256, .max_header_count = 8, .max_body_bytes = 128};
  auto bytes = input.Rest();
  // Pipelined requests one after the other, as the connection server takes them.
  for (int i = 0; i < 8 && !bytes.empty(); ++i) {
    auto consumed = ParseOne(bytes, limits, flags >> 1);
    if (consumed == 0) break;
    bytes.remove_prefix(consumed);
  }
  return 0;
}
