#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <memory>
#include <string>

#include "opentok/http_transport.h"
#include "rest_client.h"

namespace opentok::conformance {

// Client of the mock server's public control plane (`/_mock/...`). Every call that does
// not get the documented success status throws std::runtime_error with the status and the
// (redacted) body, which fails the calling check with a readable reason.
class ControlPlane {
 public:
  ControlPlane(std::shared_ptr<HttpTransport> transport, std::string base_url);

  // GET /_mock/health answered {"status":"ok"}: the endpoint is a mock server.
  bool Healthy() const;
  // POST /_mock/projects: a fresh, isolated project.
  Credentials CreateProject() const;
  // Mock clock, epoch milliseconds.
  std::int64_t Now() const;
  std::int64_t Advance(std::int64_t seconds) const;
  // Stops mock time from following the wall clock (it then moves only with Advance);
  // returns whether it was already frozen.
  bool Freeze() const;
  void Unfreeze() const;

  struct Connection {
    std::string connection_id;
    std::string role;
    std::string data;
  };
  // POST /_mock/sessions/{sid}/connections with a client token. TryConnect returns the raw
  // response (to check 403s); Connect requires 201.
  HttpResponse TryConnect(std::string const& session_id, std::string const& token) const;
  Connection Connect(std::string const& session_id, std::string const& token) const;
  void Disconnect(std::string const& session_id, std::string const& connection_id) const;
  // Publishes a stream (named `name`, of `video_type` "camera", "screen" or "custom"; empty:
  // the mock's default) and returns its id.
  std::string Publish(std::string const& session_id, std::string const& connection_id,
                      std::string const& name = "conformance", std::string const& video_type = "") const;
  void Unpublish(std::string const& session_id, std::string const& stream_id) const;
  // Makes the project deliver archives to an upload target (status "uploaded").
  void SetUploadTarget(std::string const& api_key) const;
  // PUT /_mock/projects/{key}/callbacks/{group}: where the mock posts the project's callbacks
  // of `group` ("archive", "broadcast", "render", "captions", "sessionMonitoring", "sip").
  void SetCallbackUrl(std::string const& api_key, std::string const& group, std::string const& url) const;
  // Makes one output of a started broadcast fail (`output`: an RTMP output's id or "hls";
  // empty: every output), as a broken RTMP server or CDN would.
  void FailBroadcastOutput(std::string const& broadcast_id, std::string const& output = "") const;

  // Reads of what the mock simulated, as the control plane answers them (JSON objects).
  // GET /_mock/sessions/{sid}: connections (with `kind`), streams (with `audioMuted`),
  // `leftConnections` (with `reason`), `recordingArchiveIds`, `muteAll`.
  nlohmann::json SessionView(std::string const& session_id) const;
  // GET /_mock/sessions/{sid}/connections/{cid}/signals: {"count", "items":[{"type","data","at"}]}.
  nlohmann::json Signals(std::string const& session_id, std::string const& connection_id) const;
  // GET /_mock/sessions/{sid}/connections/{cid}/dtmf: {"count", "items":[{"digits","at"}]}.
  nlohmann::json Dtmf(std::string const& session_id, std::string const& connection_id) const;
  // GET /_mock/sessions/{sid}/sip-calls: the calls in progress, each with its `sip` settings.
  nlohmann::json SipCalls(std::string const& session_id) const;

  // Fault injection (docs/fault-injection.md). AddFault posts a script (JSON, as
  // /_mock/faults takes it) and returns its id.
  std::string AddFault(nlohmann::json const& script) const;
  // PUT /_mock/rate-limits/{project}: {"requests", "window_ms", "operation"}.
  void SetRateLimit(std::string const& project, nlohmann::json const& limit) const;
  void ClearRateLimit(std::string const& project) const;
  // GET /_mock/requests: the mock's request journal, {"items": [{"operation", "status",
  // "apiKey", "fault", ...}]}, oldest first.
  nlohmann::json Requests() const;

 private:
  HttpResponse Call(HttpMethod method, std::string const& path, std::string const& body) const;
  HttpResponse Expect(int status, HttpMethod method, std::string const& path, std::string const& body = "") const;

  std::shared_ptr<HttpTransport> transport_;
  std::string base_url_;
};

}  // namespace opentok::conformance
