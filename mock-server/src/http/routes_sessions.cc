// POST /session/create.

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <ctime>
#include <iterator>

#include "http_util.h"
#include "opentok_mock/errors.h"
#include "opentok_mock/utf8.h"
#include "rest_call.h"

namespace opentok_mock::http {
namespace {

std::string JavaDateString(std::int64_t epoch_ms) {
  std::time_t seconds = static_cast<std::time_t>(epoch_ms / 1000);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char buffer[64];
  std::strftime(buffer, sizeof buffer, "%a %b %d %H:%M:%S UTC %Y", &utc);
  return buffer;
}

// The fields the service reads: enums, an IPv4 address, a resolution and the auto-archives'
// name, which archive answers serve back. Every SDK sends them as text it encoded as UTF-8
// (Java, .NET, Python 3 and JavaScript strings cannot encode to anything else, and our SDK
// refuses an archive name that is not UTF-8), so other bytes are refused naming the field.
constexpr std::string_view kSessionFields[] = {"p2p.preference", "archiveMode",      "location",
                                               "e2ee",           "archiveName",      "archiveResolution"};

Result<SessionSettings> ParseSessionForm(std::string const& body) {
  auto form = opentok::common::ParseForm(body);
  if (!form) return errors::BadRequest("Bad request. The form body has a malformed percent-encoding.");
  for (auto const& [name, value] : *form) {
    if (std::find(std::begin(kSessionFields), std::end(kSessionFields), name) != std::end(kSessionFields) &&
        !IsValidUtf8(value)) {
      return errors::BadRequest("Bad request. The form field '" + name + "' is not valid UTF-8.");
    }
  }
  SessionSettings settings;
  // Unknown fields are ignored, whatever their bytes (nothing keeps or echoes them): the Node
  // SDK forwards arbitrary caller options and the PHP SDK adds api_key.
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
    call.res.set_content(DumpJson(nlohmann::json::array({item})), kJson);
  } else {
    // The XML form for clients that do not ask for JSON (PHP, Ruby, .NET).
    call.res.set_content(R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sessions><Session><session_id>)" +
                             session->session_id + "</session_id><partner_id>" + session->api_key +
                             "</partner_id><create_dt>" + created + "</create_dt></Session></sessions>",
                         "text/xml");
  }
}

constexpr RestRoute kRoutes[] = {
    {"POST", "/session/create", "session.create", CreateSession, false},
};

}  // namespace

std::span<RestRoute const> SessionRoutes() { return kRoutes; }

}  // namespace opentok_mock::http
