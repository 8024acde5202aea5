#include <string>

#include "http_util.h"
#include "opentok_mock/errors.h"
#include "routes.h"

namespace opentok_mock::http {
namespace {

std::string DefaultMessage(int status) {
  switch (status) {
    case 400: return "Bad request.";
    case 404: return "Not found. The requested resource does not exist.";
    case 405: return "Method not allowed.";
    case 413: return "Request entity too large.";
    case 414: return "Request URI too long.";
    default: return "Request failed.";
  }
}

}  // namespace

void InstallHandlers(httplib::Server& server, MockService& service) {
  // Reject malformed percent-escapes anywhere in the target before routing, so that no
  // handler ever sees a half-decoded id.
  server.set_pre_routing_handler([](httplib::Request const& req, httplib::Response& res) {
    if (HasBadPercentEncoding(req.target)) {
      SendError(res, errors::BadRequest("Bad request. The request target has a malformed percent-encoding."));
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });

  // cpp-httplib calls this for every status >= 400, including answers whose JSON error body
  // a route already wrote: only fill in bodies that are still empty (unknown route, 413...).
  server.set_error_handler(httplib::Server::HandlerWithResponse([&service](httplib::Request const& req,
                                                                         httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    SendError(res, Error{res.status, -1, DefaultMessage(res.status)});
    if (req.path.rfind("/_mock", 0) != 0) {
      // REST requests that no route took are journaled too: a wrong path from an SDK is the
      // first thing to look for when an integration fails.
      JournalEntry entry = NewJournalEntry(req, service);
      entry.status = res.status;
      entry.operation = res.status == 404 ? "unmatched" : "rejected";
      entry.auth_verdict = "none";
      service.journal().Record(std::move(entry));
    }
    return httplib::Server::HandlerResponse::Handled;
  }));

  // Without this, cpp-httplib 0.11.4 answers 500 with e.what() in an EXCEPTION_WHAT header.
  server.set_exception_handler([](httplib::Request const&, httplib::Response& res, std::exception_ptr) {
    SendError(res, Error{500, -1, "Internal server error."});
  });
}

}  // namespace opentok_mock::http
