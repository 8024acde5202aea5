#include "request_parser.h"

#include <algorithm>
#include <cctype>
#include <optional>

namespace opentok_mock::http::serving {
namespace {

// A chunk-size line ("1a2b;ext=value") longer than this is malformed, not slow.
constexpr std::size_t kMaxChunkLine = 1024;

bool IsTokenChar(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool IsToken(std::string_view text) { return !text.empty() && std::all_of(text.begin(), text.end(), IsTokenChar); }

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool EqualsNoCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

std::string_view TrimOws(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// The next line of `bytes` from `pos` without its LF (and CR), or nullopt when no LF has
// arrived yet. `next` is set past the LF.
std::optional<std::string_view> Line(std::string_view bytes, std::size_t pos, std::size_t& next) {
  auto lf = bytes.find('\n', pos);
  if (lf == std::string_view::npos) return std::nullopt;
  next = lf + 1;
  auto line = bytes.substr(pos, lf - pos);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

ParseResult Fail(ParseResult result, int status, std::string message) {
  result.kind = ParseResult::Kind::kError;
  result.status = status;
  result.message = std::move(message);
  return result;
}

// Fills method, target, version, path and params; an error message otherwise.
std::optional<std::pair<int, std::string>> ParseRequestLine(std::string_view line, httplib::Request& req) {
  auto first = line.find(' ');
  auto last = line.rfind(' ');
  if (first == std::string_view::npos || first == last) {
    return std::pair{400, "Bad request. The request line is not METHOD TARGET HTTP-VERSION."};
  }
  auto method = line.substr(0, first);
  auto target = line.substr(first + 1, last - first - 1);
  auto version = line.substr(last + 1);
  if (!IsToken(method)) return std::pair{400, "Bad request. The request method is not a token."};
  bool printable = std::all_of(target.begin(), target.end(), [](char c) {
    auto u = static_cast<unsigned char>(c);
    return u > 0x20 && u != 0x7F;
  });
  if (target.empty() || !printable) return std::pair{400, "Bad request. The request target is empty or has spaces or control characters."};
  if (version != "HTTP/1.1" && version != "HTTP/1.0") {
    return std::pair{version.rfind("HTTP/", 0) == 0 ? 505 : 400, "Bad request. Only HTTP/1.1 and HTTP/1.0 are served."};
  }
  req.method = method;
  req.target = target;
  req.version = version;
  auto question = target.find('?');
  req.path = httplib::detail::decode_url(std::string(target.substr(0, question)), false);
  if (question != std::string_view::npos) {
    httplib::detail::parse_query_text(std::string(target.substr(question + 1)), req.params);
  }
  return std::nullopt;
}

// Content-Length as one number (repeated or comma-separated copies must agree).
std::optional<std::size_t> ContentLength(httplib::Headers const& headers, bool& malformed) {
  std::optional<std::size_t> length;
  auto [begin, end] = headers.equal_range("Content-Length");
  for (auto it = begin; it != end; ++it) {
    std::string_view rest = it->second;
    while (true) {
      auto comma = rest.find(',');
      auto item = TrimOws(rest.substr(0, comma));
      if (item.empty() || item.size() > 18 || !std::all_of(item.begin(), item.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        malformed = true;
        return std::nullopt;
      }
      auto value = static_cast<std::size_t>(std::stoull(std::string(item)));
      if (length && *length != value) {
        malformed = true;
        return std::nullopt;
      }
      length = value;
      if (comma == std::string_view::npos) break;
      rest.remove_prefix(comma + 1);
    }
  }
  return length;
}

// Decodes a chunked body starting at `pos`; kComplete with `consumed` set, kIncomplete, or
// an error.
ParseResult DecodeChunked(std::string_view bytes, std::size_t pos, ParserLimits const& limits, ParseResult result) {
  std::string body;
  while (true) {
    std::size_t next = 0;
    auto line = Line(bytes, pos, next);
    if (!line) {
      // (+1: the CR of a line at the limit may have arrived without its LF.)
      if (bytes.size() - pos > kMaxChunkLine + 1) return Fail(std::move(result), 400, "Bad request. A chunk-size line is too long.");
      return result;
    }
    if (line->size() > kMaxChunkLine) return Fail(std::move(result), 400, "Bad request. A chunk-size line is too long.");
    auto digits = line->substr(0, std::min(line->find(';'), line->size()));
    digits = TrimOws(digits);
    if (digits.empty()) return Fail(std::move(result), 400, "Bad request. A chunk size is missing.");
    std::size_t size = 0;
    for (char c : digits) {
      int digit = HexDigit(c);
      if (digit < 0) return Fail(std::move(result), 400, "Bad request. A chunk size is not hexadecimal.");
      if (size > limits.max_body_bytes) break;  // already too large; no overflow below
      size = size * 16 + static_cast<std::size_t>(digit);
    }
    if (size > limits.max_body_bytes || body.size() + size > limits.max_body_bytes) {
      return Fail(std::move(result), 413, "Request entity too large.");
    }
    pos = next;
    if (size == 0) break;
    if (bytes.size() - pos < size) return result;
    body.append(bytes.substr(pos, size));
    pos += size;
    // The chunk's data ends with CRLF (a bare LF is tolerated).
    std::size_t after = 0;
    auto end = Line(bytes, pos, after);
    if (!end) {
      if (bytes.size() - pos >= 2) return Fail(std::move(result), 400, "Bad request. A chunk does not end with CRLF.");
      return result;
    }
    if (!end->empty()) return Fail(std::move(result), 400, "Bad request. A chunk does not end with CRLF.");
    pos = after;
  }
  // Trailer fields, ignored, up to the empty line.
  std::size_t trailer_bytes = 0;
  while (true) {
    std::size_t next = 0;
    auto line = Line(bytes, pos, next);
    if (!line) {
      if (trailer_bytes + (bytes.size() - pos) > limits.max_header_bytes) {
        return Fail(std::move(result), 431, "Request header fields too large.");
      }
      return result;
    }
    trailer_bytes += next - pos;
    pos = next;
    if (line->empty()) break;
    if (trailer_bytes > limits.max_header_bytes) return Fail(std::move(result), 431, "Request header fields too large.");
  }
  result.request.body = std::move(body);
  result.kind = ParseResult::Kind::kComplete;
  result.consumed = pos;
  return result;
}

}  // namespace

ParseResult ParseRequest(std::string_view bytes, ParserLimits const& limits) {
  ParseResult result;
  // Blank lines before a request are ignored (RFC 9112: some clients send a CRLF after a
  // POST body).
  std::size_t pos = 0;
  while (pos < bytes.size() && (bytes[pos] == '\r' || bytes[pos] == '\n')) ++pos;
  if (pos == bytes.size()) return result;

  std::size_t next = 0;
  auto request_line = Line(bytes, pos, next);
  if (!request_line) {
    // (+1: the CR of a line at the limit may have arrived without its LF.)
    if (bytes.size() - pos > limits.max_request_line + 1) return Fail(std::move(result), 414, "Request URI too long.");
    return result;
  }
  if (request_line->size() > limits.max_request_line) return Fail(std::move(result), 414, "Request URI too long.");
  if (auto error = ParseRequestLine(*request_line, result.request)) {
    return Fail(std::move(result), error->first, error->second);
  }
  pos = next;

  auto& req = result.request;
  std::size_t header_start = pos;
  std::size_t count = 0;
  while (true) {
    auto line = Line(bytes, pos, next);
    if (!line) {
      if (bytes.size() - header_start > limits.max_header_bytes) {
        return Fail(std::move(result), 431, "Request header fields too large.");
      }
      return result;
    }
    if (next - header_start > limits.max_header_bytes) return Fail(std::move(result), 431, "Request header fields too large.");
    pos = next;
    if (line->empty()) break;
    if (++count > limits.max_header_count) return Fail(std::move(result), 431, "Request header fields too large.");
    if (line->front() == ' ' || line->front() == '\t') {
      return Fail(std::move(result), 400, "Bad request. Folded header lines are not accepted.");
    }
    auto colon = line->find(':');
    if (colon == std::string_view::npos || !IsToken(line->substr(0, colon))) {
      return Fail(std::move(result), 400, "Bad request. A header line is not NAME: VALUE.");
    }
    auto value = TrimOws(line->substr(colon + 1));
    if (std::any_of(value.begin(), value.end(), [](char c) { return c == '\0' || c == '\r'; })) {
      return Fail(std::move(result), 400, "Bad request. A header value has a NUL or CR.");
    }
    req.headers.emplace(std::string(line->substr(0, colon)), std::string(value));
  }

  bool malformed = false;
  auto length = ContentLength(req.headers, malformed);
  if (malformed) return Fail(std::move(result), 400, "Bad request. The Content-Length is not one valid number.");
  bool chunked = false;
  if (req.has_header("Transfer-Encoding")) {
    if (length) return Fail(std::move(result), 400, "Bad request. Both Transfer-Encoding and Content-Length are set.");
    if (req.get_header_value_count("Transfer-Encoding") != 1 ||
        !EqualsNoCase(TrimOws(req.get_header_value("Transfer-Encoding")), "chunked")) {
      return Fail(std::move(result), 501, "Only the chunked transfer coding is implemented.");
    }
    chunked = true;
  }
  if (length && *length > limits.max_body_bytes) return Fail(std::move(result), 413, "Request entity too large.");

  result.headers_complete = true;
  result.expects_continue = EqualsNoCase(TrimOws(req.get_header_value("Expect")), "100-continue");
  if (chunked) return DecodeChunked(bytes, pos, limits, std::move(result));
  std::size_t body_size = length.value_or(0);
  if (bytes.size() - pos < body_size) return result;
  req.body.assign(bytes.substr(pos, body_size));
  result.kind = ParseResult::Kind::kComplete;
  result.consumed = pos + body_size;
  return result;
}

bool WantsKeepAlive(httplib::Request const& req) {
  // Keep the header's string alive: TrimOws returns a view into it.
  std::string const header = req.get_header_value("Connection");
  auto connection = TrimOws(header);
  if (EqualsNoCase(connection, "close")) return false;
  if (req.version == "HTTP/1.0") return EqualsNoCase(connection, "keep-alive");
  return true;
}

}  // namespace opentok_mock::http::serving
