#include "control_plane.h"

#include <nlohmann/json.hpp>

#include <stdexcept>

#include "opentok_common/url.h"
#include "redaction.h"

namespace opentok::conformance {
namespace {

nlohmann::json ParseObject(HttpResponse const& response) {
  auto json = nlohmann::json::parse(response.body, nullptr, false);
  if (!json.is_object()) throw std::runtime_error("control plane answered a non-object: " + Redact(response.body));
  return json;
}

std::string SessionPath(std::string const& session_id) {
  return "/_mock/sessions/" + common::PercentEncode(session_id);
}

std::string ConnectionPath(std::string const& session_id, std::string const& connection_id) {
  return SessionPath(session_id) + "/connections/" + common::PercentEncode(connection_id);
}

}  // namespace

ControlPlane::ControlPlane(std::shared_ptr<HttpTransport> transport, std::string base_url)
    : transport_(std::move(transport)), base_url_(std::move(base_url)) {}

HttpResponse ControlPlane::Call(HttpMethod method, std::string const& path, std::string const& body) const {
  HttpRequest request{method, base_url_ + path, {{"Accept", "application/json"}}, body};
  if (!body.empty()) request.headers.emplace_back("Content-Type", "application/json");
  return transport_->Send(request);
}

HttpResponse ControlPlane::Expect(int status, HttpMethod method, std::string const& path,
                                  std::string const& body) const {
  HttpResponse response = Call(method, path, body);
  if (response.status != status) {
    throw std::runtime_error("control plane " + path + ": expected " + std::to_string(status) + ", got " +
                             std::to_string(response.status) + " " + Redact(response.body));
  }
  return response;
}

bool ControlPlane::Healthy() const {
  try {
    HttpResponse response = Call(HttpMethod::kGet, "/_mock/health", "");
    if (response.status != 200) return false;
    auto json = nlohmann::json::parse(response.body, nullptr, false);
    return json.is_object() && json.value("status", "") == "ok";
  } catch (std::exception const&) {
    return false;
  }
}

Credentials ControlPlane::CreateProject() const {
  auto json = ParseObject(Expect(201, HttpMethod::kPost, "/_mock/projects", "{}"));
  return {json.at("apiKey").get<std::string>(), json.at("apiSecret").get<std::string>()};
}

std::int64_t ControlPlane::Now() const {
  return ParseObject(Expect(200, HttpMethod::kGet, "/_mock/clock")).at("now").get<std::int64_t>();
}

std::int64_t ControlPlane::Advance(std::int64_t seconds) const {
  nlohmann::json body = {{"seconds", seconds}};
  return ParseObject(Expect(200, HttpMethod::kPost, "/_mock/clock/advance", body.dump())).at("now").get<std::int64_t>();
}

bool ControlPlane::Freeze() const {
  bool was_frozen = ParseObject(Expect(200, HttpMethod::kGet, "/_mock/clock")).value("frozen", false);
  Expect(200, HttpMethod::kPost, "/_mock/clock/freeze", "{}");
  return was_frozen;
}

void ControlPlane::Unfreeze() const { Expect(200, HttpMethod::kPost, "/_mock/clock/unfreeze", "{}"); }

HttpResponse ControlPlane::TryConnect(std::string const& session_id, std::string const& token) const {
  nlohmann::json body = {{"token", token}};
  return Call(HttpMethod::kPost, SessionPath(session_id) + "/connections", body.dump());
}

ControlPlane::Connection ControlPlane::Connect(std::string const& session_id, std::string const& token) const {
  HttpResponse response = TryConnect(session_id, token);
  if (response.status != 201) {
    throw std::runtime_error("control plane connect: expected 201, got " + std::to_string(response.status) + " " +
                             Redact(response.body));
  }
  auto json = ParseObject(response);
  return {json.at("connectionId").get<std::string>(), json.value("role", ""), json.value("data", "")};
}

void ControlPlane::Disconnect(std::string const& session_id, std::string const& connection_id) const {
  Expect(204, HttpMethod::kDelete, ConnectionPath(session_id, connection_id));
}

std::string ControlPlane::Publish(std::string const& session_id, std::string const& connection_id,
                                  std::string const& name, std::string const& video_type) const {
  auto path = ConnectionPath(session_id, connection_id) + "/streams";
  nlohmann::json body = {{"name", name}};
  if (!video_type.empty()) body["videoType"] = video_type;
  return ParseObject(Expect(201, HttpMethod::kPost, path, body.dump())).at("streamId").get<std::string>();
}

void ControlPlane::Unpublish(std::string const& session_id, std::string const& stream_id) const {
  Expect(204, HttpMethod::kDelete, SessionPath(session_id) + "/streams/" + common::PercentEncode(stream_id));
}

void ControlPlane::SetUploadTarget(std::string const& api_key) const {
  Expect(200, HttpMethod::kPut, "/_mock/projects/" + common::PercentEncode(api_key) + "/archive-storage",
         R"({"type":"s3","bucket":"conformance"})");
}

void ControlPlane::SetCallbackUrl(std::string const& api_key, std::string const& group, std::string const& url) const {
  Expect(200, HttpMethod::kPut, "/_mock/projects/" + common::PercentEncode(api_key) + "/callbacks/" + group,
         nlohmann::json{{"url", url}}.dump());
}

void ControlPlane::FailBroadcastOutput(std::string const& broadcast_id, std::string const& output) const {
  std::string body = output.empty() ? "" : nlohmann::json{{"output", output}}.dump();
  Expect(200, HttpMethod::kPost, "/_mock/broadcasts/" + common::PercentEncode(broadcast_id) + "/fail", body);
}

nlohmann::json ControlPlane::SessionView(std::string const& session_id) const {
  return ParseObject(Expect(200, HttpMethod::kGet, SessionPath(session_id)));
}

nlohmann::json ControlPlane::Signals(std::string const& session_id, std::string const& connection_id) const {
  return ParseObject(Expect(200, HttpMethod::kGet, ConnectionPath(session_id, connection_id) + "/signals"));
}

nlohmann::json ControlPlane::Dtmf(std::string const& session_id, std::string const& connection_id) const {
  return ParseObject(Expect(200, HttpMethod::kGet, ConnectionPath(session_id, connection_id) + "/dtmf"));
}

nlohmann::json ControlPlane::SipCalls(std::string const& session_id) const {
  return ParseObject(Expect(200, HttpMethod::kGet, SessionPath(session_id) + "/sip-calls"));
}

std::string ControlPlane::AddFault(nlohmann::json const& script) const {
  return ParseObject(Expect(201, HttpMethod::kPost, "/_mock/faults", script.dump())).at("id").get<std::string>();
}

void ControlPlane::SetRateLimit(std::string const& project, nlohmann::json const& limit) const {
  Expect(200, HttpMethod::kPut, "/_mock/rate-limits/" + common::PercentEncode(project), limit.dump());
}

void ControlPlane::ClearRateLimit(std::string const& project) const {
  Expect(204, HttpMethod::kDelete, "/_mock/rate-limits/" + common::PercentEncode(project));
}

nlohmann::json ControlPlane::Requests() const { return ParseObject(Expect(200, HttpMethod::kGet, "/_mock/requests")); }

}  // namespace opentok::conformance
