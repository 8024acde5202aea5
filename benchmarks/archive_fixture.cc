#include "archive_fixture.h"

#include <cstdio>

namespace opentok::bench {
namespace {

// `%04zx` makes every id in a list distinct while keeping the length of a real UUID.
constexpr char kArchiveFormat[] =
    R"({"createdAt":1700000000000,"duration":42,"event":"archive","hasAudio":true,"hasVideo":true,)"
    R"("id":"b40ef09b-3811-4726-b508-e41a0f96%04zx","name":"Quarterly review","outputMode":"composed",)"
    R"("partnerId":47123456,"password":"","projectId":47123456,"reason":"user initiated",)"
    R"("resolution":"1280x720","sessionId":"1_MX40NzEyMzQ1Nn5-MTcwMDAwMDAwMDAwMH5YcTNadDdMcDBXbUI5c0tkMkZoUjh2TmN-fg",)"
    R"("sha256sum":"b3BlbnRvay1tb2NrIGFyY2hpdmUgc2hhMjU2IGRpZ2VzdCE=","size":5926096,"status":"available",)"
    R"("streamMode":"auto","updatedAt":1700000047000,)"
    R"("url":"http://127.0.0.1:4010/_mock/archives/b40ef09b-3811-4726-b508-e41a0f96%04zx/download"})";

std::string FormatArchive(std::size_t index) {
  char buffer[sizeof kArchiveFormat + 16];
  int length = std::snprintf(buffer, sizeof buffer, kArchiveFormat, index & 0xffff, index & 0xffff);
  return std::string(buffer, static_cast<std::size_t>(length));
}

}  // namespace

std::string ArchiveJson() { return FormatArchive(0); }

std::string ArchiveListJson(std::size_t n) {
  std::string out = R"({"count":)" + std::to_string(n) + R"(,"items":[)";
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0) out.push_back(',');
    out += FormatArchive(i);
  }
  out += "]}";
  return out;
}

}  // namespace opentok::bench
