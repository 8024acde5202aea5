#include <cctype>
#include <ctime>
#include <functional>
#include <string>

#include "archive_json.h"
#include "http_util.h"
#include "opentok_common/json_text.h"
#include "opentok_mock/errors.h"
#include "routes.h"

namespace opentok_mock::http {
namespace {

// "/v2/project/{key}" and the legacy "/v2/partner/{key}" (reference 1.1); group 1 is the key.
constexpr char kProject[] = R"(/v2/(?:project|partner)/([^/]+))";
constexpr char kSlash[] = "/?";

struct RestCall {
  httplib::Request const& req;
  httplib::Response& res;
  MockService& service;
  std::string api_key;  // the authenticated project
};
using RestHandler = std::function<void(RestCall&)>;

// Wraps a REST handler with what every REST request gets: auth (403 with the service's
// message), and a journal entry (no headers or bodies, redacted query).
httplib::Server::Handler Authenticated(MockService& service, std::string operation, bool project_in_path,
                                       RestHandler handler) {
  return [&service, operation = std::move(operation), project_in_path, handler = std::move(handler)](
             httplib::Request const& req, httplib::Response& res) {
    JournalEntry entry = NewJournalEntry(req, service);
    entry.operation = operation;
    std::string path_key = project_in_path ? req.matches[1].str() : std::string();
    entry.api_key = path_key;

    auto opentok_auth = HeaderValue(req, "X-OPENTOK-AUTH");
    auto partner_auth = HeaderValue(req, "X-TB-PARTNER-AUTH");
    auto verdict = service.AuthenticateRest({opentok_auth, partner_auth}, path_key);
    if (entry.api_key.empty()) entry.api_key = verdict.api_key;
    if (!verdict.ok) {
      entry.auth_verdict = "rejected";
      entry.auth_message = verdict.message;
      SendError(res, errors::Forbidden(verdict.message));
    } else {
      entry.auth_verdict = "ok";
      RestCall call{req, res, service, verdict.api_key};
      try {
        handler(call);
      } catch (...) {
        entry.status = 500;
        service.journal().Record(std::move(entry));
        throw;
      }
    }
    entry.status = res.status;
    service.journal().Record(std::move(entry));
  };
}

// ---------------------------------------------------------------------------------------
// POST /session/create

std::string JavaDateString(std::int64_t epoch_ms) {
  std::time_t seconds = static_cast<std::time_t>(epoch_ms / 1000);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char buffer[64];
  std::strftime(buffer, sizeof buffer, "%a %b %d %H:%M:%S UTC %Y", &utc);
  return buffer;
}

Result<SessionSettings> ParseSessionForm(std::string const& body) {
  auto form = opentok::common::ParseForm(body);
  if (!form) return errors::BadRequest("Bad request. The form body has a malformed percent-encoding.");
  SessionSettings settings;
  // Unknown fields are ignored: the Node SDK forwards arbitrary caller options and the PHP
  // SDK adds api_key.
  auto p2p = FindField(*form, "p2p.preference").value_or("");
  if (p2p == "disabled") {
    settings.media_mode = MediaMode::kRouted;
  } else if (p2p.empty() || p2p == "enabled" || p2p == "always") {  // vn-py sends "always"
    settings.media_mode = MediaMode::kRelayed;
  } else {
    return errors::BadRequest("Bad request. Invalid p2p.preference '" + p2p + "'.");
  }
  auto archive_mode = FindField(*form, "archiveMode").value_or("");
  if (!archive_mode.empty()) {
    auto parsed = ParseArchiveMode(archive_mode);
    if (!parsed) return errors::BadRequest("Bad request. Invalid archiveMode '" + archive_mode + "'.");
    settings.archive_mode = *parsed;
  }
  auto location = FindField(*form, "location").value_or("");
  if (location != "null") settings.location = location;  // vn-node sends the string "null"
  auto e2ee = FindField(*form, "e2ee").value_or("");
  std::string lower;
  for (char c : e2ee) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  if (lower == "true") {
    settings.e2ee = true;
  } else if (!lower.empty() && lower != "false") {  // .NET sends True/False
    return errors::BadRequest("Bad request. Invalid e2ee '" + e2ee + "'.");
  }
  settings.archive_name = FindField(*form, "archiveName").value_or("");
  settings.archive_resolution = FindField(*form, "archiveResolution").value_or("");
  return settings;
}

void CreateSession(RestCall& call) {
  auto settings = ParseSessionForm(call.req.body);
  if (!settings) return SendError(call.res, settings.error());
  auto session = call.service.CreateSession(call.api_key, *settings);
  if (!session) return SendError(call.res, session.error());
  auto created = JavaDateString(session->created_at_ms);
  call.res.status = 200;
  if (HeaderValue(call.req, "Accept").find("application/json") != std::string_view::npos) {
    nlohmann::json item{{"session_id", session->session_id},
                        {"project_id", session->api_key},
                        {"partner_id", session->api_key},
                        {"create_dt", created},
                        {"media_server_url", ""}};
    call.res.set_content(nlohmann::json::array({item}).dump(), kJson);
  } else {
    // The XML form for clients that do not ask for JSON (PHP, Ruby, .NET).
    call.res.set_content(R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sessions><Session><session_id>)" +
                             session->session_id + "</session_id><partner_id>" + session->api_key +
                             "</partner_id><create_dt>" + created + "</create_dt></Session></sessions>",
                         "text/xml");
  }
}

// ---------------------------------------------------------------------------------------
// Archives

Result<ArchiveLayout> ParseLayout(nlohmann::json const& object) {
  JsonFields fields(object, "in layout, ");
  ArchiveLayout layout;
  layout.type = fields.String("type").value_or("bestFit");
  layout.stylesheet = fields.String("stylesheet").value_or("");
  // .NET writes `screensharetype`, Ruby may send `screenshare_type` (reference 2.2.1).
  layout.screenshare_type = fields.StringAnyOf({"screenshareType", "screensharetype", "screenshare_type"}).value_or("");
  if (auto error = fields.Finish()) return *error;
  return layout;
}

Result<StartArchiveRequest> ParseStartArchive(std::string const& body) {
  auto json = ParseJsonObject(body, false);
  if (!json) return json.error();
  JsonFields fields(*json, "");
  StartArchiveRequest request;
  request.session_id = fields.String("sessionId").value_or("");
  request.name = fields.String("name").value_or("");
  request.has_audio = fields.Bool("hasAudio").value_or(true);
  request.has_video = fields.Bool("hasVideo").value_or(true);
  if (auto mode = fields.String("outputMode")) {
    auto parsed = ParseOutputMode(*mode);
    if (!parsed) return errors::BadRequest("Bad request. Invalid outputMode '" + *mode + "'.");
    request.output_mode = *parsed;
  }
  request.resolution = fields.String("resolution").value_or("");
  if (auto mode = fields.String("streamMode")) {
    auto parsed = ParseStreamMode(*mode);
    if (!parsed) return errors::BadRequest("Bad request. Invalid streamMode '" + *mode + "'.");
    request.stream_mode = *parsed;
  }
  if (auto const* layout = fields.Object("layout")) {
    auto parsed = ParseLayout(*layout);
    if (!parsed) return parsed.error();
    request.layout = *parsed;
  }
  request.multi_archive_tag = fields.String("multiArchiveTag").value_or("");
  request.max_bitrate = fields.Integer("maxBitrate");
  request.quantization_parameter = fields.Integer("quantizationParameter");
  request.has_transcription = fields.Bool("hasTranscription");
  if (auto const* properties = fields.Object("transcriptionProperties")) {
    JsonFields transcription(*properties, "in transcriptionProperties, ");
    transcription.String("primaryLanguageCode");
    transcription.Bool("hasSummary");
    if (auto error = transcription.Finish()) return *error;
  }
  if (auto error = fields.Finish()) return *error;
  return request;
}

void StartArchive(RestCall& call) {
  auto request = ParseStartArchive(call.req.body);
  if (!request) return SendError(call.res, request.error());
  auto archive = call.service.StartArchive(call.api_key, *request);
  if (!archive) return SendError(call.res, archive.error());
  SendJsonText(call.res, 200, ArchiveJsonText(*archive));
}

void StopArchive(RestCall& call) {
  // The body is ignored: SDKs send none, `{}`, or none with a JSON content type.
  auto archive = call.service.StopArchive(call.api_key, call.req.matches[2].str());
  if (!archive) return SendError(call.res, archive.error());
  SendJsonText(call.res, 200, ArchiveJsonText(*archive));
}

void GetArchive(RestCall& call) {
  auto archive = call.service.GetArchive(call.api_key, call.req.matches[2].str());
  if (!archive) return SendError(call.res, archive.error());
  SendJsonText(call.res, 200, ArchiveJsonText(*archive));
}

void DeleteArchive(RestCall& call) {
  auto status = call.service.DeleteArchive(call.api_key, call.req.matches[2].str());
  if (!status) return SendError(call.res, status.error());
  SendNoContent(call.res);
}

std::optional<std::int64_t> ParseCount(std::string const& text) {
  if (text.empty() || text.size() > 9) return std::nullopt;
  std::int64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

void ListArchives(RestCall& call) {
  auto query = ParseQuery(call.req);
  if (!query) return SendError(call.res, query.error());
  ListArchivesQuery list;
  // Empty values count as absent (.NET and Java send `offset=0`, `&&`, empty filters).
  for (auto [name, target] : {std::pair{"offset", &list.offset}, std::pair{"count", &list.count}}) {
    auto text = FindField(*query, name).value_or("");
    if (text.empty()) continue;
    auto value = ParseCount(text);
    if (!value) return SendError(call.res, errors::BadRequest(std::string("Bad request. Invalid ") + name + " '" + text + "'."));
    *target = *value;
  }
  list.session_id = FindField(*query, "sessionId").value_or("");
  auto page = call.service.ListArchives(call.api_key, list);
  if (!page) return SendError(call.res, page.error());
  // {"count":N,"items":[...]} as text, like every archive answer (archive_json.h).
  std::string body = R"({"count":)";
  body.reserve(64 + 640 * page->items.size());
  opentok::common::AppendInteger(body, page->total);
  body.append(R"(,"items":[)");
  for (std::size_t i = 0; i < page->items.size(); ++i) {
    if (i > 0) body.push_back(',');
    AppendArchiveJson(body, page->items[i]);
  }
  body.append("]}");
  SendJsonText(call.res, 200, std::move(body));
}

// ---------------------------------------------------------------------------------------
// Streams

void ListStreams(RestCall& call) {
  auto streams = call.service.ListStreams(call.api_key, call.req.matches[2].str());
  if (!streams) return SendError(call.res, streams.error());
  nlohmann::json items = nlohmann::json::array();
  for (auto const& stream : *streams) items.push_back(StreamToJson(stream));
  SendJson(call.res, 200, {{"count", items.size()}, {"items", std::move(items)}});
}

void GetStream(RestCall& call) {
  auto stream = call.service.GetStream(call.api_key, call.req.matches[2].str(), call.req.matches[3].str());
  if (!stream) return SendError(call.res, stream.error());
  // opentok-node 2.23 JSON.parses the already-parsed body of this one call, so it only
  // works when the content type is not JSON (reference 8.2); Ruby needs JSON here.
  bool node_sdk = HeaderValue(call.req, "User-Agent").starts_with("OpenTok-Node-SDK/");
  call.res.status = 200;
  call.res.set_content(StreamToJson(*stream).dump(), node_sdk ? "text/plain" : kJson);
}

}  // namespace

void RegisterRestRoutes(httplib::Server& server, MockService& service) {
  std::string const project = kProject;
  std::string const archive = project + "/archive";
  std::string const archive_id = archive + "/([^/]+)";
  std::string const streams = project + "/session/([^/]+)/stream";

  server.Post(std::string("/session/create") + kSlash, Authenticated(service, "session.create", false, CreateSession));
  server.Post(archive + kSlash, Authenticated(service, "archive.start", true, StartArchive));
  server.Get(archive + kSlash, Authenticated(service, "archive.list", true, ListArchives));
  server.Get(archive_id + kSlash, Authenticated(service, "archive.get", true, GetArchive));
  server.Delete(archive_id + kSlash, Authenticated(service, "archive.delete", true, DeleteArchive));
  server.Post(archive_id + "/stop" + kSlash, Authenticated(service, "archive.stop", true, StopArchive));
  server.Get(streams + kSlash, Authenticated(service, "stream.list", true, ListStreams));
  server.Get(streams + "/([^/]+)" + kSlash, Authenticated(service, "stream.get", true, GetStream));
}

}  // namespace opentok_mock::http
