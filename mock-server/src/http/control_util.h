#pragma once

// What the /_mock control-plane route files share: handlers bound to the service and strict
// JSON bodies.

#include <functional>
#include <optional>
#include <string>

#include "http_util.h"

namespace opentok_mock::http {

using ControlHandler = std::function<void(httplib::Request const&, httplib::Response&, MockService&)>;

inline httplib::Server::Handler Bind(MockService& service, ControlHandler handler) {
  return [&service, handler = std::move(handler)](httplib::Request const& req, httplib::Response& res) {
    handler(req, res, service);
  };
}

// Parses the JSON body and hands its fields to `read`; answers 400 (and returns false) on
// malformed JSON, a wrong type, an unknown member or an error `read` reports.
template <typename Read>
bool ReadBody(httplib::Request const& req, httplib::Response& res, bool empty_is_object, Read read) {
  auto json = ParseJsonObject(req.body, empty_is_object);
  if (!json) {
    SendError(res, json.error());
    return false;
  }
  JsonFields fields(*json, "");
  std::optional<Error> error = read(fields);
  if (!error) error = fields.Finish();
  if (error) {
    SendError(res, *error);
    return false;
  }
  return true;
}

inline std::string Capture(httplib::Request const& req, int group) { return req.matches[group].str(); }

// GET /_mock/{projects,applications}/{id}/rest-token: a fresh REST auth header for the owner
// captured first, as {"header","token","expiresIn"}, or the bare JWT with Accept: text/plain.
void SendRestToken(httplib::Request const& req, httplib::Response& res, MockService& service);

}  // namespace opentok_mock::http
