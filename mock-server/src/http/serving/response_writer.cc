#include "response_writer.h"

#include "opentok_common/http_status.h"

namespace opentok_mock::http::serving {

char const* StatusText(int status) {
  auto phrase = opentok::common::ReasonPhrase(status);
  // cpp-httplib printed this for codes it did not know; the phrases are string literals.
  return phrase.empty() ? "Internal Server Error" : phrase.data();
}

std::string SerializeResponse(httplib::Request const& req, httplib::Response& res, ConnectionHeader const& connection) {
  if (res.status < 100 || res.status > 999) res.status = 500;
  // Headers a handler set are replaced, as cpp-httplib's set_header after routing did.
  res.headers.erase("Connection");
  res.headers.erase("Keep-Alive");
  if (connection.close) {
    res.set_header("Connection", "close");
  } else {
    res.set_header("Keep-Alive", "timeout=" + std::to_string(connection.keep_alive_timeout_s) +
                                     ", max=" + std::to_string(connection.keep_alive_max_count));
  }
  if (!res.has_header("Content-Type") && !res.body.empty()) res.set_header("Content-Type", "text/plain");
  if (!res.has_header("Content-Length")) res.set_header("Content-Length", std::to_string(res.body.size()));
  bool head = req.method == "HEAD";
  if (head && !res.has_header("Accept-Ranges")) res.set_header("Accept-Ranges", "bytes");

  std::string out;
  out.reserve(128 + res.body.size() + res.headers.size() * 48);
  out += "HTTP/1.1 ";
  out += std::to_string(res.status);
  out += ' ';
  out += StatusText(res.status);
  out += "\r\n";
  for (auto const& [name, value] : res.headers) {
    out += name;
    out += ": ";
    out += value;
    out += "\r\n";
  }
  out += "\r\n";
  if (!head) out += res.body;
  return out;
}

void TruncateBody(std::string& wire, httplib::Request const& req, httplib::Response const& res) {
  std::size_t body = req.method == "HEAD" ? 0 : res.body.size();
  wire.resize(wire.size() - body + body / 2);
}

}  // namespace opentok_mock::http::serving
