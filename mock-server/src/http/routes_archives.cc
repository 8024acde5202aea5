// Archives: start, stop, get, list, delete, layout and stream selection.

#include <nlohmann/json.hpp>

#include "archive_json.h"
#include "http_util.h"
#include "json_writer.h"
#include "opentok_common/json_text.h"
#include "opentok_mock/errors.h"
#include "request_parsers.h"
#include "rest_call.h"

namespace opentok_mock::http {
namespace {

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
    auto parsed = ParseLayout(*layout, "in layout, ");
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

void SendArchive(RestCall& call, Result<Archive> const& archive) {
  if (!archive) return SendError(call.res, archive.error());
  SendJsonText(call.res, 200, ArchiveJsonText(*archive));
}

void StartArchive(RestCall& call) {
  auto request = ParseStartArchive(call.req.body);
  if (!request) return SendError(call.res, request.error());
  SendArchive(call, call.service.StartArchive(call.api_key, *request));
}

void StopArchive(RestCall& call) {
  // The body is ignored: SDKs send none, `{}`, or none with a JSON content type.
  SendArchive(call, call.service.StopArchive(call.api_key, call.Param(1)));
}

void GetArchive(RestCall& call) { SendArchive(call, call.service.GetArchive(call.api_key, call.Param(1))); }

void DeleteArchive(RestCall& call) {
  auto status = call.service.DeleteArchive(call.api_key, call.Param(1));
  if (!status) return SendError(call.res, status.error());
  SendNoContent(call.res);
}

void ListArchives(RestCall& call) {
  auto query = ParseListQuery(call.req);
  if (!query) return SendError(call.res, query.error());
  auto page = call.service.ListArchives(call.api_key, *query);
  if (!page) return SendError(call.res, page.error());
  // As text, like every archive answer (archive_json.h).
  SendJsonText(call.res, 200, PageJsonText(page->total, page->items, 700, AppendArchiveJson));
}

void SetArchiveLayout(RestCall& call) {
  auto layout = ParseLayoutBody(call.req.body);
  if (!layout) return SendError(call.res, layout.error());
  // The full archive, not an empty body: the Vonage Python SDK builds an Archive from it.
  SendArchive(call, call.service.SetArchiveLayout(call.api_key, call.Param(1), *layout));
}

void GetArchiveLayout(RestCall& call) {
  auto layout = call.service.GetArchiveLayout(call.api_key, call.Param(1));
  if (!layout) return SendError(call.res, layout.error());
  SendJsonText(call.res, 200, LayoutJsonText(*layout));
}

void ChangeArchiveStreams(RestCall& call) {
  auto change = ParseSelectionChangeBody(call.req.body);
  if (!change) return SendError(call.res, change.error());
  auto id = call.Param(1);
  auto status = call.service.ChangeArchiveStreams(call.api_key, id, *change);
  // The PHP SDK's removeStreamFromBroadcast PATCHes /archive/{broadcastId}/streams: an id
  // that is no archive but a broadcast of the project is served as the broadcast call.
  if (!status && status.error().http_status == 404 && call.service.GetBroadcast(call.api_key, id).ok()) {
    call.operation = "broadcast.streams";
    status = call.service.ChangeBroadcastStreams(call.api_key, id, *change);
  }
  if (!status) return SendError(call.res, status.error());
  SendNoContent(call.res);
}

constexpr RestRoute kRoutes[] = {
    {"POST", "/archive", "archive.start", StartArchive},
    {"GET", "/archive", "archive.list", ListArchives},
    {"GET", "/archive/{archiveId}", "archive.get", GetArchive},
    {"DELETE", "/archive/{archiveId}", "archive.delete", DeleteArchive},
    {"POST", "/archive/{archiveId}/stop", "archive.stop", StopArchive},
    {"PUT", "/archive/{archiveId}/layout", "archive.layout", SetArchiveLayout},
    {"GET", "/archive/{archiveId}/layout", "archive.layout.get", GetArchiveLayout},
    {"PATCH", "/archive/{archiveId}/streams", "archive.streams", ChangeArchiveStreams},
};

}  // namespace

std::span<RestRoute const> ArchiveRoutes() { return kRoutes; }

}  // namespace opentok_mock::http
