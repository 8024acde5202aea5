#include "internal/validation.h"

#include <cstdint>
#include <cstring>
#include <string>

#include "opentok/errors.h"
#include "opentok_common/api_rules.h"

namespace opentok::internal {
namespace {

namespace rules = common::rules;

void ValidateLayout(ArchiveLayout const& layout) {
  switch (rules::CheckLayout(layout.type, !layout.stylesheet.empty(), layout.screenshare_type)) {
    case rules::LayoutProblem::kNone:
      return;
    case rules::LayoutProblem::kBadType:
      throw ArgumentException("layout type must be bestFit, pip, verticalPresentation, horizontalPresentation or custom");
    case rules::LayoutProblem::kStylesheetMismatch:
      throw ArgumentException("a layout stylesheet is required for, and only allowed with, type custom");
    case rules::LayoutProblem::kScreenshareNeedsBestFit:
      throw ArgumentException("screenshare_type requires layout type bestFit");
    case rules::LayoutProblem::kBadScreenshareType:
      throw ArgumentException("screenshare_type must be bestFit, pip, verticalPresentation or horizontalPresentation");
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
    Require(IsArchiveResolution(options.archive_resolution),
            "archive_resolution must be 640x480, 480x640, 1280x720, 720x1280, 1920x1080 or 1080x1920");
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
    Require(IsArchiveResolution(options.resolution),
            "resolution must be 640x480, 480x640, 1280x720, 720x1280, 1920x1080 or 1080x1920");
  }
  if (options.layout) {
    Require(composed, "layout is only allowed for composed archives");
    ValidateLayout(*options.layout);
  }
  if (options.max_bitrate) {
    Require(composed, "max_bitrate is only allowed for composed archives");
    Require(rules::kBitrate.Contains(*options.max_bitrate),
            "max_bitrate must be 100000-6000000");
  }
  if (options.quantization_parameter) {
    Require(composed, "quantization_parameter is only allowed for composed archives");
    Require(!options.max_bitrate, "max_bitrate and quantization_parameter are mutually exclusive");
    Require(rules::kQuantizationParameter.Contains(*options.quantization_parameter),
            "quantization_parameter must be 15-40");
  }
}

void ValidateListArchives(int offset, int count) {
  Require(offset >= 0, "offset must not be negative");
  Require(count >= 1 && count <= rules::kListCount.max, "count must be 1-1000");
}

void ValidateId(std::string_view id, char const* message) { Require(!id.empty(), message); }

}  // namespace opentok::internal
