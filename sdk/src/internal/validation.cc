#include "internal/validation.h"

#include <array>
#include <cstdint>
#include <cstring>
#include <string>

#include "opentok/errors.h"
#include "opentok_common/api_rules.h"

namespace opentok::internal {
namespace {

namespace rules = common::rules;

// "a, b or c": messages list the accepted values from the rule tables themselves, so a
// table change cannot leave a stale message behind.
template <std::size_t N>
std::string OneOf(std::array<std::string_view, N> const& values) {
  std::string text;
  for (std::size_t i = 0; i < N; ++i) {
    if (i > 0) text += i + 1 == N ? " or " : ", ";
    text += values[i];
  }
  return text;
}

// Throws "<name> must be <min>-<max><unit>" unless `range` contains `value`.
void RequireInRange(std::int64_t value, rules::Range range, std::string_view name, std::string_view unit = {}) {
  if (range.Contains(value)) return;
  std::string message(name);
  message.append(" must be ").append(std::to_string(range.min)).append("-").append(std::to_string(range.max));
  throw ArgumentException(message.append(unit));
}

void RequireResolution(std::string_view resolution, std::string_view name) {
  if (!rules::IsResolution(resolution)) {
    throw ArgumentException(std::string(name) + " must be " + OneOf(rules::kResolutions));
  }
}

}  // namespace

void Require(bool condition, char const* message) {
  if (!condition) throw ArgumentException(message);
}

bool IsIpv4Literal(std::string_view text) { return rules::IsIpv4(text); }

bool IsArchiveResolution(std::string_view text) { return rules::IsResolution(text); }

std::optional<std::size_t> Utf8Length(std::string_view text) {
  std::size_t count = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    // Eight ASCII bytes at a time: connection data, checked for every token, mostly is.
    std::uint64_t word = 0;
    if (i + 8 <= text.size() && (std::memcpy(&word, text.data() + i, 8), (word & 0x8080808080808080u) == 0)) {
      i += 8;
      count += 8;
      continue;
    }
    auto lead = static_cast<unsigned char>(text[i]);
    std::size_t extra = 0;
    char32_t min = 0;
    if (lead < 0x80) {
      ++i;
      ++count;
      continue;
    }
    if ((lead & 0xe0) == 0xc0) {
      extra = 1;
      min = 0x80;
    } else if ((lead & 0xf0) == 0xe0) {
      extra = 2;
      min = 0x800;
    } else if ((lead & 0xf8) == 0xf0) {
      extra = 3;
      min = 0x10000;
    } else {
      return std::nullopt;
    }
    if (text.size() - i <= extra) return std::nullopt;  // truncated sequence
    char32_t cp = lead & (0x3f >> extra);
    for (std::size_t k = 1; k <= extra; ++k) {
      auto cont = static_cast<unsigned char>(text[i + k]);
      if ((cont & 0xc0) != 0x80) return std::nullopt;
      cp = (cp << 6) | (cont & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and values past U+10FFFF are not valid UTF-8.
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return std::nullopt;
    i += extra + 1;
    ++count;
  }
  return count;
}

void ValidateSessionOptions(SessionOptions const& options) {
  Require(options.location.empty() || IsIpv4Literal(options.location), "location must be an IPv4 address or empty");
  Require(options.media_mode == MediaMode::kRelayed || options.media_mode == MediaMode::kRouted,
          "media_mode is not a valid MediaMode");
  Require(options.archive_mode == ArchiveMode::kManual || options.archive_mode == ArchiveMode::kAlways,
          "archive_mode is not a valid ArchiveMode");
  bool always = options.archive_mode == ArchiveMode::kAlways;
  Require(!always || options.media_mode == MediaMode::kRouted,
          "a session with always archive mode must also have the routed media mode");
  if (!options.archive_name.empty()) {
    Require(always, "archive_name is only allowed with ArchiveMode::kAlways");
    auto length = Utf8Length(options.archive_name);
    Require(length && rules::kArchiveNameLength.Contains(static_cast<std::int64_t>(*length)),
            "archive_name must be 1-80 characters of valid UTF-8");
  }
  if (!options.archive_resolution.empty()) {
    Require(always, "archive_resolution is only allowed with ArchiveMode::kAlways");
    RequireResolution(options.archive_resolution, "archive_resolution");
  }
  if (options.e2ee) {
    Require(options.media_mode == MediaMode::kRouted, "end-to-end encryption requires the routed media mode");
    Require(!always, "end-to-end encryption cannot be combined with always archive mode");
  }
}

void ValidateStartArchiveOptions(std::string_view session_id, StartArchiveOptions const& options) {
  ValidateId(session_id, "session_id must not be empty");
  Require(options.has_audio || options.has_video, "an archive needs audio, video or both (has_audio and has_video are false)");
  Require(options.output_mode == OutputMode::kComposed || options.output_mode == OutputMode::kIndividual,
          "output_mode must be kComposed or kIndividual");
  Require(options.stream_mode == StreamMode::kAuto || options.stream_mode == StreamMode::kManual,
          "stream_mode must be kAuto or kManual");
  bool composed = options.output_mode == OutputMode::kComposed;
  if (!options.resolution.empty()) {
    Require(composed, "resolution is only allowed for composed archives");
    RequireResolution(options.resolution, "resolution");
  }
  if (options.layout) {
    Require(composed, "layout is only allowed for composed archives");
    ValidateLayout(*options.layout);
  }
  if (options.max_bitrate) {
    Require(composed, "max_bitrate is only allowed for composed archives");
    RequireInRange(*options.max_bitrate, rules::kBitrate, "max_bitrate");
  }
  if (options.quantization_parameter) {
    Require(composed, "quantization_parameter is only allowed for composed archives");
    Require(!options.max_bitrate, "max_bitrate and quantization_parameter are mutually exclusive");
    RequireInRange(*options.quantization_parameter, rules::kQuantizationParameter, "quantization_parameter");
  }
}

void ValidateListPage(int offset, int count) {
  Require(offset >= 0, "offset must not be negative");
  // The service takes count=0 too (an empty page), but no SDK sends it: a page of nothing
  // is a caller's mistake.
  RequireInRange(count, rules::Range{1, rules::kListCount.max}, "count");
}

void ValidateLayout(Layout const& layout) {
  switch (rules::CheckLayout(layout.type, !layout.stylesheet.empty(), layout.screenshare_type)) {
    case rules::LayoutProblem::kNone:
      return;
    case rules::LayoutProblem::kBadType:
      throw ArgumentException("layout type must be " + OneOf(rules::kLayoutTypes));
    case rules::LayoutProblem::kStylesheetMismatch:
      throw ArgumentException("a layout stylesheet is required for, and only allowed with, type custom");
    case rules::LayoutProblem::kScreenshareNeedsBestFit:
      throw ArgumentException("screenshare_type requires layout type bestFit");
    case rules::LayoutProblem::kBadScreenshareType:
      throw ArgumentException("screenshare_type must be " + OneOf(rules::kScreenshareLayoutTypes));
  }
}

void ValidateStartBroadcastOptions(std::string_view session_id, StartBroadcastOptions const& options) {
  ValidateId(session_id, "session_id must not be empty");
  Require(options.hls || !options.rtmp.empty(), "a broadcast needs at least one output: hls or rtmp");
  if (options.hls) {
    Require(!(options.hls->dvr && options.hls->low_latency), "hls.dvr and hls.low_latency are mutually exclusive");
  }
  if (options.rtmp.size() > rules::kMaxRtmpOutputs) {
    throw ArgumentException("rtmp takes at most " + std::to_string(rules::kMaxRtmpOutputs) + " destinations");
  }
  for (std::size_t i = 0; i < options.rtmp.size(); ++i) {
    std::string item = "rtmp[" + std::to_string(i) + "].";
    if (options.rtmp[i].server_url.empty()) throw ArgumentException(item + "server_url must not be empty");
    if (options.rtmp[i].stream_name.empty()) throw ArgumentException(item + "stream_name must not be empty");
  }
  if (options.layout) ValidateLayout(*options.layout);
  if (!options.resolution.empty()) {
    RequireResolution(options.resolution, "resolution");
  }
  if (options.max_duration) {
    RequireInRange(*options.max_duration, rules::kBroadcastMaxDuration, "max_duration", " seconds");
  }
  if (options.max_bitrate) {
    RequireInRange(*options.max_bitrate, rules::kBitrate, "max_bitrate");
  }
  Require(options.stream_mode == StreamMode::kAuto || options.stream_mode == StreamMode::kManual,
          "stream_mode must be kAuto or kManual");
  Require(options.has_audio || options.has_video,
          "a broadcast needs audio, video or both (has_audio and has_video are false)");
}

void ValidateStreamClassLists(std::string_view session_id, std::vector<StreamProperties> const& streams) {
  ValidateId(session_id, "session_id must not be empty");
  Require(!streams.empty(), "streams must contain at least one item");
  for (std::size_t i = 0; i < streams.size(); ++i) {
    if (streams[i].stream_id.empty()) {
      throw ArgumentException("streams[" + std::to_string(i) + "].stream_id must not be empty");
    }
  }
}

void ValidateId(std::string_view id, char const* message) { Require(!id.empty(), message); }

}  // namespace opentok::internal
