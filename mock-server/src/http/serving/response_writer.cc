#include "response_writer.h"

namespace opentok_mock::http::serving {

char const* StatusText(int status) {
  switch (status) {
    case 100: return "Continue";
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 206: return "Partial Content";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 307: return "Temporary Redirect";
    case 308: return "Permanent Redirect";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 410: return "Gone";
    case 411: return "Length Required";
    case 413: return "Payload Too Large";
    case 414: return "URI Too Long";
    case 415: return "Unsupported Media Type";
    case 417: return "Expectation Failed";
    case 422: return "Unprocessable Content";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    case 505: return "HTTP Version Not Supported";
    default: return "Internal Server Error";  // what cpp-httplib prints for codes it does not know
  }
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

}  // namespace opentok_mock::http::serving
