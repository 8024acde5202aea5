// The /_mock/applications part of the control plane: Vonage applications (an id and an RSA
// public key) next to projects, and the REST-token helper both kinds share.

#include <nlohmann/json.hpp>

#include <string>

#include "control_util.h"
#include "opentok_mock/errors.h"
#include "routes.h"

namespace opentok_mock::http {

void SendRestToken(httplib::Request const& req, httplib::Response& res, MockService& service) {
  auto header = service.MintRestAuth(Capture(req, 1));
  if (!header) return SendError(res, header.error());
  // Plain text on request, so that a shell can use it inline: -H "X-OPENTOK-AUTH: $(curl ...)".
  if (HeaderValue(req, "Accept").find("text/plain") != std::string_view::npos) {
    res.status = 200;
    res.set_content(header->jwt, "text/plain");
    return;
  }
  SendJson(res, 200, {{"header", header->name}, {"token", header->prefix + header->jwt}, {"expiresIn", 300}});
}

namespace {

void AddApplication(httplib::Request const& req, httplib::Response& res, MockService& service) {
  std::string id;
  std::string public_key;
  bool ok = ReadBody(req, res, true, [&](JsonFields& fields) -> std::optional<Error> {
    id = fields.String("applicationId").value_or("");
    public_key = fields.String("publicKey").value_or("");
    return std::nullopt;
  });
  if (!ok) return;
  auto application = service.AddApplication(id, public_key);
  if (!application) return SendError(res, application.error());
  nlohmann::json body{{"applicationId", application->application_id}, {"publicKey", application->public_key_pem}};
  // Only a pair the mock generated has a private key to hand out, and only this once.
  if (!application->private_key_pem.empty()) body["privateKey"] = application->private_key_pem;
  SendJson(res, 201, body);
}

void ListApplications(httplib::Request const&, httplib::Response& res, MockService& service) {
  auto items = nlohmann::json::array();
  for (auto const& application : service.Applications()) {
    items.push_back({{"applicationId", application.application_id}, {"publicKey", application.public_key_pem}});
  }
  SendJson(res, 200, {{"count", items.size()}, {"items", std::move(items)}});
}

}  // namespace

void RegisterApplicationControlRoutes(Router& server, MockService& service) {
  server.Post("/_mock/applications", Bind(service, AddApplication));
  server.Get("/_mock/applications", Bind(service, ListApplications));
  server.Get("/_mock/applications/([^/]+)/rest-token", Bind(service, SendRestToken));
}

}  // namespace opentok_mock::http
