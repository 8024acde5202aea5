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


// --- Signals, moderation, SIP, live captions, renders, Audio Connector ---------------------

// Signal `type` and `data`, in bytes of UTF-8 (the service answers 413 beyond them).
inline constexpr std::size_t kMaxSignalTypeBytes = 128;
inline constexpr std::size_t kMaxSignalDataBytes = 8'192;

// DTMF: the digits 0-9, '*', '#' and 'p' (a 500 ms pause), at least one.
constexpr bool IsDtmfDigits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || c == '*' || c == '#' || c == 'p')) return false;
  }
  return true;
}

// Live captions: maxDuration in seconds and the defaults the service applies.
inline constexpr Range kCaptionsMaxDuration{300, 14'400};
inline constexpr std::int64_t kDefaultCaptionsMaxDuration = 14'400;
inline constexpr std::string_view kDefaultCaptionsLanguageCode = "en-US";

// Experience Composer renders: maxDuration in seconds, the page URL and the composed
// stream's name in characters. Renders take the six kResolutions, 1280x720 by default.
inline constexpr Range kRenderMaxDuration{60, 36'000};
inline constexpr std::int64_t kDefaultRenderMaxDuration = 7'200;
inline constexpr Range kRenderUrlLength{15, 2'048};
inline constexpr Range kRenderNameLength{1, 200};
inline constexpr std::string_view kDefaultRenderResolution = "1280x720";

// statusCallbackUrl of captions and renders, in characters.
inline constexpr Range kStatusCallbackUrlLength{15, 2'048};

// Audio Connector: the audio sample rates in Hz, and the WebSocket handshake headers'
// total size (the sum of every name's and value's length in bytes).
inline constexpr std::array<std::int64_t, 3> kAudioRates{8'000, 16'000, 24'000};
inline constexpr std::int64_t kDefaultAudioRate = 8'000;
inline constexpr std::size_t kMaxWebSocketHeaderBytes = 512;

// True when `text` starts with `prefix`, ASCII letters compared case-insensitively (URI
// schemes are case-insensitive).
constexpr bool StartsWithIgnoringCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char a = text[i];
    char b = prefix[i];
    if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
    if (b >= 'A' && b <= 'Z') b = static_cast<char>(b - 'A' + 'a');
    if (a != b) return false;
  }
  return true;
}

constexpr bool IsAudioRate(std::int64_t rate) {
  for (auto value : kAudioRates) {
    if (value == rate) return true;
  }
  return false;
}

// The Audio Connector's WebSocket URI: ws:// or wss://.
constexpr bool IsWebSocketUri(std::string_view uri) {
  return StartsWithIgnoringCase(uri, "ws://") || StartsWithIgnoringCase(uri, "wss://");
}

// A SIP dial target: a sip: or sips: URI.
constexpr bool IsSipUri(std::string_view uri) {
  return StartsWithIgnoringCase(uri, "sip:") || StartsWithIgnoringCase(uri, "sips:");
}

// A custom SIP header name: one or more HTTP token characters (RFC 9110 tchar).
constexpr bool IsSipHeaderName(std::string_view name) {
  if (name.empty()) return false;
  constexpr std::string_view kTokenPunctuation = "!#$%&'*+-.^_`|~";
  for (char c : name) {
    bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!alnum && kTokenPunctuation.find(c) == std::string_view::npos) return false;
  }
  return true;
}

// A custom SIP header value: anything but CR and LF, which would end the header line.
constexpr bool IsSipHeaderValue(std::string_view value) {
  return value.find_first_of("\r\n") == std::string_view::npos;
}

}  // namespace opentok::common::rules
