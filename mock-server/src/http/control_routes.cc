#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <string>

#include "archive_json.h"
#include "control_util.h"
#include "opentok_mock/errors.h"
#include "routes.h"

namespace opentok_mock::http {
namespace {

nlohmann::json ClockJson(MockService& service) {
  return {{"now", service.NowMs()}, {"frozen", service.ClockFrozen()}};
}

// --- Health, reset, journal ------------------------------------------------------------

void Health(httplib::Request const&, httplib::Response& res, MockService&) { SendJson(res, 200, {{"status", "ok"}}); }

void Reset(httplib::Response& res, MockService& service, std::function<void()> const& on_reset) {
  if (on_reset) on_reset();
  service.Reset();
  SendNoContent(res);
}

void ListRequests(httplib::Request const&, httplib::Response& res, MockService& service) {
  nlohmann::json items = nlohmann::json::array();
  for (auto const& entry : service.journal().Snapshot()) items.push_back(JournalEntryToJson(entry));
  SendJson(res, 200, {{"items", std::move(items)}});
}

void ClearRequests(httplib::Request const&, httplib::Response& res, MockService& service) {
  service.journal().Clear();
  SendNoContent(res);
}

// --- Projects --------------------------------------------------------------------------

void AddProject(httplib::Request const& req, httplib::Response& res, MockService& service) {
  std::string key;
  std::string secret;
  bool ok = ReadBody(req, res, true, [&](JsonFields& fields) -> std::optional<Error> {
    key = fields.StringOrInteger("apiKey").value_or("");
    secret = fields.String("apiSecret").value_or("");
    return std::nullopt;
  });
  if (!ok) return;
  auto project = service.AddProject(key, secret);
  if (!project) return SendError(res, project.error());
  SendJson(res, 201, {{"apiKey", project->api_key}, {"apiSecret", project->api_secret}});
}

// The body describes the upload target: "type" is "s3" or "azure"; every other member (a
// "config" object, a bucket, credentials...) is kept as given. Secret-looking members are
// redacted when the target is shown back.
nlohmann::json RedactTarget(nlohmann::json target) {
  for (auto& [key, value] : target.items()) {
    if (value.is_object()) {
      value = RedactTarget(value);
    } else if (IsSecretName(key)) {
      value = "[redacted]";
    }
  }
  return target;
}

void PutArchiveStorage(httplib::Request const& req, httplib::Response& res, MockService& service) {
  auto json = ParseJsonObject(req.body, false);
  if (!json) return SendError(res, json.error());
  auto type = json->find("type");
  if (type == json->end() || !type->is_string() || (*type != "s3" && *type != "azure")) {
    return SendError(res, errors::BadRequest("Bad request. 'type' must be \"s3\" or \"azure\"."));
  }
  auto status = service.SetArchiveUploadTarget(Capture(req, 1), json->dump());
  if (!status) return SendError(res, status.error());
  SendJson(res, 200, {{"apiKey", Capture(req, 1)}, {"archiveStorage", RedactTarget(*json)}});
}

void GetArchiveStorage(httplib::Request const& req, httplib::Response& res, MockService& service) {
  auto target = service.ArchiveUploadTarget(Capture(req, 1));
  if (!target) return SendError(res, target.error());
  SendJson(res, 200,
           {{"apiKey", Capture(req, 1)},
            {"archiveStorage", target->has_value() ? RedactTarget(nlohmann::json::parse(**target)) : nlohmann::json(nullptr)}});
}

void DeleteArchiveStorage(httplib::Request const& req, httplib::Response& res, MockService& service) {
  auto status = service.SetArchiveUploadTarget(Capture(req, 1), std::nullopt);
  if (!status) return SendError(res, status.error());
  SendNoContent(res);
}

// --- Clock -----------------------------------------------------------------------------

void GetClock(httplib::Request const&, httplib::Response& res, MockService& service) {
  SendJson(res, 200, ClockJson(service));
}

void AdvanceClock(httplib::Request const& req, httplib::Response& res, MockService& service) {
  double seconds = 0;
  bool ok = ReadBody(req, res, false, [&](JsonFields& fields) -> std::optional<Error> {
    auto value = fields.Number("seconds");
    if (!value) return errors::BadRequest("Bad request. 'seconds' (a number) is required.");
    // Up to about 31 years at a time: keeps the millisecond arithmetic far from overflow.
    if (*value < 0 || *value > 1e9) return errors::BadRequest("Bad request. 'seconds' must be between 0 and 1e9.");
    seconds = *value;
    return std::nullopt;
  });
  if (!ok) return;
  auto now = service.AdvanceClock(std::chrono::milliseconds(std::llround(seconds * 1000)));
  if (!now) return SendError(res, now.error());
  SendJson(res, 200, ClockJson(service));
}

void FreezeClock(httplib::Request const&, httplib::Response& res, MockService& service) {
  service.FreezeClock();
  SendJson(res, 200, ClockJson(service));
}

void UnfreezeClock(httplib::Request const&, httplib::Response& res, MockService& service) {
  service.UnfreezeClock();
  SendJson(res, 200, ClockJson(service));
}

// --- Sessions, simulated clients -------------------------------------------------------

void GetSession(httplib::Request const& req, httplib::Response& res, MockService& service) {
  auto snapshot = service.GetSession(Capture(req, 1));
  if (!snapshot) return SendError(res, snapshot.error());
  SendJson(res, 200, SessionSnapshotToJson(*snapshot));
}

void Connect(httplib::Request const& req, httplib::Response& res, MockService& service) {
  std::string token;
  bool ok = ReadBody(req, res, false, [&](JsonFields& fields) -> std::optional<Error> {
    auto value = fields.String("token");
    if (!value) return errors::BadRequest("Bad request. 'token' (a client token string) is required.");
    token = std::move(*value);
    return std::nullopt;
  });
  if (!ok) return;
  auto connection = service.Connect(Capture(req, 1), token);
  if (!connection) return SendError(res, connection.error());
  SendJson(res, 201, ConnectionToJson(*connection));
}

// ?reason=networkDisconnected simulates a dropped network (default: clientDisconnected).
void Disconnect(httplib::Request const& req, httplib::Response& res, MockService& service) {
  auto query = ParseQuery(req);
  if (!query) return SendError(res, query.error());
  auto reason_text = FindField(*query, "reason").value_or("clientDisconnected");
  auto reason = ParseDisconnectReason(reason_text);
  if (!reason) {
    return SendError(res, errors::BadRequest("Bad request. 'reason' must be clientDisconnected, forceDisconnected or "
                                             "networkDisconnected."));
  }
  auto status = service.Disconnect(Capture(req, 1), Capture(req, 2), *reason);
  if (!status) return SendError(res, status.error());
  SendNoContent(res);
}

void Publish(httplib::Request const& req, httplib::Response& res, MockService& service) {
  PublishSettings settings;
  bool ok = ReadBody(req, res, true, [&](JsonFields& fields) -> std::optional<Error> {
    settings.name = fields.String("name").value_or("");
    if (auto type = fields.String("videoType")) {
      auto parsed = ParseVideoType(*type);
      if (!parsed) return errors::BadRequest("Bad request. 'videoType' must be camera, screen or custom.");
      settings.video_type = *parsed;
    }
    settings.has_audio = fields.Bool("hasAudio").value_or(true);
    settings.has_video = fields.Bool("hasVideo").value_or(true);
    return std::nullopt;
  });
  if (!ok) return;
  auto stream = service.Publish(Capture(req, 1), Capture(req, 2), settings);
  if (!stream) return SendError(res, stream.error());
  SendJson(res, 201, {{"streamId", stream->stream_id}});
}

void Unpublish(httplib::Request const& req, httplib::Response& res, MockService& service) {
  auto status = service.Unpublish(Capture(req, 1), Capture(req, 2));
  if (!status) return SendError(res, status.error());
  SendNoContent(res);
}

// --- Archives --------------------------------------------------------------------------

void FailArchive(httplib::Request const& req, httplib::Response& res, MockService& service) {
  std::string reason;
  bool ok = ReadBody(req, res, true, [&](JsonFields& fields) -> std::optional<Error> {
    reason = fields.String("reason").value_or("");
    return std::nullopt;
  });
  if (!ok) return;
  auto archive = service.FailArchive(Capture(req, 1), reason);
  if (!archive) return SendError(res, archive.error());
  SendJsonText(res, 200, ArchiveJsonText(*archive));
}

void DownloadArchive(httplib::Request const& req, httplib::Response& res, MockService& service) {
  auto archive = service.FindArchive(Capture(req, 1));
  if (!archive || archive->status != ArchiveStatus::kAvailable) {
    return SendError(res, errors::NotFound("Not found. The archive is not available for download."));
  }
  // A placeholder, not a real MP4: enough for code that follows the url.
  res.status = 200;
  res.set_content("opentok-mock archive " + archive->id + "\n", "video/mp4");
}

}  // namespace

void RegisterControlRoutes(Router& server, MockService& service, std::function<void()> on_reset) {
  std::string const session = "/_mock/sessions/([^/]+)";
  std::string const project = "/_mock/projects/([^/]+)";
  server.Get("/_mock/health", Bind(service, Health));
  server.Post("/_mock/reset", [&service, on_reset](httplib::Request const&, httplib::Response& res) {
    Reset(res, service, on_reset);
  });
  server.Get("/_mock/requests", Bind(service, ListRequests));
  server.Delete("/_mock/requests", Bind(service, ClearRequests));

  server.Post("/_mock/projects", Bind(service, AddProject));
  server.Put(project + "/archive-storage", Bind(service, PutArchiveStorage));
  server.Get(project + "/archive-storage", Bind(service, GetArchiveStorage));
  server.Delete(project + "/archive-storage", Bind(service, DeleteArchiveStorage));
  server.Get(project + "/rest-token", Bind(service, SendRestToken));

  server.Get("/_mock/clock", Bind(service, GetClock));
  server.Post("/_mock/clock/advance", Bind(service, AdvanceClock));
  server.Post("/_mock/clock/freeze", Bind(service, FreezeClock));
  server.Post("/_mock/clock/unfreeze", Bind(service, UnfreezeClock));

  server.Get(session, Bind(service, GetSession));
  server.Post(session + "/connections", Bind(service, Connect));
  server.Delete(session + "/connections/([^/]+)", Bind(service, Disconnect));
  server.Post(session + "/connections/([^/]+)/streams", Bind(service, Publish));
  server.Delete(session + "/streams/([^/]+)", Bind(service, Unpublish));

  server.Post("/_mock/archives/([^/]+)/fail", Bind(service, FailArchive));
  server.Get("/_mock/archives/([^/]+)/download", Bind(service, DownloadArchive));

  RegisterApplicationControlRoutes(server, service);
  RegisterBroadcastControlRoutes(server, service);
  RegisterSessionControlRoutes(server, service);
  RegisterMediaControlRoutes(server, service);
  RegisterCallbackControlRoutes(server, service);
  RegisterStateControlRoutes(server, service);
}

}  // namespace opentok_mock::http
