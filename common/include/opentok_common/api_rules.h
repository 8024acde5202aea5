#pragma once

// The OpenTok REST API's closed sets and ranges, in one place: the SDK validates its
// arguments against these tables before any I/O and the mock server validates request
// bodies against the same tables, so the two can never disagree about what the service
// accepts. (The conformance suite deliberately keeps its own, independently written
// expectations: it must not test the mock against the mock's own rules.)
//
// Sources: the official server SDKs' validation code and the Vonage Video REST API
// reference (https://developer.vonage.com/en/api/video).

#include <array>
#include <cstdint>
#include <string_view>

namespace opentok::common::rules {

// --- Closed sets ---------------------------------------------------------------------------

// The resolutions of composed archives, broadcasts and session auto-archives.
inline constexpr std::array<std::string_view, 6> kResolutions{"640x480",  "480x640",   "1280x720",
                                                              "720x1280", "1920x1080", "1080x1920"};
inline constexpr std::string_view kDefaultResolution = "640x480";

// Layout types of composed archives and broadcasts; `stylesheet` goes with "custom" only.
inline constexpr std::array<std::string_view, 5> kLayoutTypes{"bestFit", "pip", "verticalPresentation",
                                                              "horizontalPresentation", "custom"};
inline constexpr std::string_view kCustomLayoutType = "custom";
inline constexpr std::string_view kDefaultLayoutType = "bestFit";
// `screenshareType` takes the predefined layouts (no "custom") and needs type bestFit.
inline constexpr std::array<std::string_view, 4> kScreenshareLayoutTypes{"bestFit", "pip", "verticalPresentation",
                                                                         "horizontalPresentation"};
inline constexpr std::string_view kScreenshareRequiresLayoutType = "bestFit";

// --- Ranges (inclusive) --------------------------------------------------------------------

struct Range {
  std::int64_t min;
  std::int64_t max;
  constexpr bool Contains(std::int64_t value) const { return value >= min && value <= max; }
};

// Composed archives and broadcasts.
inline constexpr Range kBitrate{100'000, 6'000'000};
// Composed archives; mutually exclusive with a bitrate.
inline constexpr Range kQuantizationParameter{15, 40};
// Archive names (archiveMode=always sessions), in characters.
inline constexpr Range kArchiveNameLength{1, 80};
// Broadcast maxDuration in seconds. Default 7200: what the Java, .NET and Ruby SDKs send
// and record (newer docs say 14400; the SDKs' tests are the tie-breaker).
inline constexpr Range kBroadcastMaxDuration{60, 36'000};
inline constexpr std::int64_t kDefaultBroadcastMaxDuration = 7'200;
// RTMP outputs of one broadcast.
inline constexpr std::size_t kMaxRtmpOutputs = 5;

// Paged lists (archives, broadcasts): `count` per page and its default.
inline constexpr Range kListCount{0, 1'000};
inline constexpr std::int64_t kDefaultListCount = 50;

// --- Predicates ----------------------------------------------------------------------------

template <std::size_t N>
constexpr bool IsOneOf(std::array<std::string_view, N> const& values, std::string_view text) {
  for (auto value : values) {
    if (value == text) return true;
  }
  return false;
}

constexpr bool IsResolution(std::string_view text) { return IsOneOf(kResolutions, text); }
constexpr bool IsLayoutType(std::string_view text) { return IsOneOf(kLayoutTypes, text); }
constexpr bool IsScreenshareLayoutType(std::string_view text) { return IsOneOf(kScreenshareLayoutTypes, text); }

// A dotted-quad IPv4 literal without leading zeros ("10.1.200.30"): the only location
// hint the service takes.
bool IsIpv4(std::string_view text);

// What is wrong with a layout, in the REST API's field names, or empty when it is valid:
// the type is one of kLayoutTypes; a stylesheet is given exactly for "custom"; a
// screenshare type needs type bestFit and is one of kScreenshareLayoutTypes.
enum class LayoutProblem { kNone, kBadType, kStylesheetMismatch, kScreenshareNeedsBestFit, kBadScreenshareType };
constexpr LayoutProblem CheckLayout(std::string_view type, bool has_stylesheet, std::string_view screenshare_type) {
  if (!IsLayoutType(type)) return LayoutProblem::kBadType;
  if ((type == kCustomLayoutType) != has_stylesheet) return LayoutProblem::kStylesheetMismatch;
  if (!screenshare_type.empty()) {
    if (type != kScreenshareRequiresLayoutType) return LayoutProblem::kScreenshareNeedsBestFit;
    if (!IsScreenshareLayoutType(screenshare_type)) return LayoutProblem::kBadScreenshareType;
  }
  return LayoutProblem::kNone;
}

}  // namespace opentok::common::rules
