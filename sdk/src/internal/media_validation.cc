#include "internal/media_validation.h"

#include <array>
#include <string>
#include <type_traits>

#include "internal/validation.h"
#include "opentok/errors.h"
#include "opentok_common/api_rules.h"

namespace opentok::internal {
namespace {

namespace rules = common::rules;

// "a, b or c", from the rule tables themselves so that a table change cannot leave a stale
// message behind.
template <typename Value, std::size_t N>
std::string OneOf(std::array<Value, N> const& values) {
  std::string text;
  for (std::size_t i = 0; i < N; ++i) {
    if (i > 0) text += i + 1 == N ? " or " : ", ";
    if constexpr (std::is_arithmetic_v<Value>) {
      text += std::to_string(values[i]);
    } else {
      text += values[i];
    }
  }
  return text;
}

std::string RangeText(rules::Range range) { return std::to_string(range.min) + "-" + std::to_string(range.max); }

void RequireInRange(std::int64_t value, rules::Range range, std::string_view name, std::string_view unit) {
  if (!range.Contains(value)) {
    throw ArgumentException(std::string(name).append(" must be ").append(RangeText(range)).append(unit));
  }
}

// A length in characters (code points), as the service counts URL and name lengths.
void RequireCharacters(std::string_view text, rules::Range range, std::string_view name) {
  auto length = Utf8Length(text);
  if (!length) throw ArgumentException(std::string(name) + " must be valid UTF-8");
  RequireInRange(static_cast<std::int64_t>(*length), range, name, " characters");
}

void RequireBytes(std::string_view text, std::size_t max, std::string_view name) {
  if (text.size() > max) {
    throw ArgumentException(std::string(name) + " must be at most " + std::to_string(max) + " bytes");
  }
  if (!Utf8Length(text)) throw ArgumentException(std::string(name) + " must be valid UTF-8");
}

// "<name>[i] must not be empty" for the first empty id.
void RequireIds(std::vector<std::string> const& ids, std::string_view name) {
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (ids[i].empty()) throw ArgumentException(std::string(name) + "[" + std::to_string(i) + "] must not be empty");
  }
}

// Calls that connect a participant to the session carry a client token of that session.
void RequireSessionAndToken(std::string_view session_id, std::string_view token) {
  ValidateId(session_id, "session_id must not be empty");
  ValidateId(token, "token must not be empty");
}

void RequireStatusCallbackUrl(std::string_view url) {
  if (!url.empty()) RequireCharacters(url, rules::kStatusCallbackUrlLength, "status_callback_url");
}

void ValidateSipHeaders(std::map<std::string, std::string> const& headers) {
  for (auto const& [name, value] : headers) {
    // The name is not a secret and identifies the entry; the value may be (e.g. a tenant key).
    if (!rules::IsSipHeaderName(name)) {
      throw ArgumentException("headers: \"" + name + "\" is not a valid SIP header name (HTTP token characters)");
    }
    if (!rules::IsSipHeaderValue(value)) {
      throw ArgumentException("headers[\"" + name + "\"] must not contain CR or LF");
    }
  }
}

}  // namespace

void ValidateSignal(std::string_view session_id, SignalProperties const& signal) {
  ValidateId(session_id, "session_id must not be empty");
  RequireBytes(signal.type, rules::kMaxSignalTypeBytes, "signal type");
  RequireBytes(signal.data, rules::kMaxSignalDataBytes, "signal data");
}

void ValidateForceMuteAll(std::string_view session_id, std::vector<std::string> const& excluded_stream_ids) {
  ValidateId(session_id, "session_id must not be empty");
  RequireIds(excluded_stream_ids, "excluded_stream_ids");
}

void ValidateDial(std::string_view session_id, std::string_view token, std::string_view sip_uri,
                  DialOptions const& options) {
  RequireSessionAndToken(session_id, token);
  Require(rules::IsSipUri(sip_uri), "sip_uri must start with sip: or sips:");
  ValidateSipHeaders(options.headers);
  if (options.auth) Require(!options.auth->username.empty(), "auth.username must not be empty");
  RequireIds(options.streams, "streams");
}

void ValidateDtmf(std::string_view session_id, std::string_view digits) {
  ValidateId(session_id, "session_id must not be empty");
  Require(rules::IsDtmfDigits(digits), "digits must be one or more of 0-9, *, # and p (a pause)");
}

void ValidateStartLiveCaptions(std::string_view session_id, std::string_view token,
                               LiveCaptionsOptions const& options) {
  RequireSessionAndToken(session_id, token);
  if (options.max_duration) {
    RequireInRange(*options.max_duration, rules::kCaptionsMaxDuration, "max_duration", " seconds");
  }
  RequireStatusCallbackUrl(options.status_callback_url);
}

void ValidateStartRender(std::string_view session_id, std::string_view token, RenderOptions const& options) {
  RequireSessionAndToken(session_id, token);
  RequireCharacters(options.url, rules::kRenderUrlLength, "url");
  if (options.max_duration) {
    RequireInRange(*options.max_duration, rules::kRenderMaxDuration, "max_duration", " seconds");
  }
  if (!options.resolution.empty() && !rules::IsResolution(options.resolution)) {
    throw ArgumentException("resolution must be " + OneOf(rules::kResolutions));
  }
  if (!options.name.empty()) RequireCharacters(options.name, rules::kRenderNameLength, "name");
  RequireStatusCallbackUrl(options.status_callback_url);
}

void ValidateConnectAudio(std::string_view session_id, std::string_view token, WebSocketOptions const& options) {
  RequireSessionAndToken(session_id, token);
  Require(rules::IsWebSocketUri(options.uri), "uri must start with ws:// or wss://");
  RequireIds(options.streams, "streams");
  std::size_t header_bytes = 0;
  for (auto const& [name, value] : options.headers) header_bytes += name.size() + value.size();
  if (header_bytes > rules::kMaxWebSocketHeaderBytes) {
    throw ArgumentException("headers must be at most " + std::to_string(rules::kMaxWebSocketHeaderBytes) +
                            " bytes in all (names and values)");
  }
  if (options.audio_rate && !rules::IsAudioRate(*options.audio_rate)) {
    throw ArgumentException("audio_rate must be " + OneOf(rules::kAudioRates));
  }
}

}  // namespace opentok::internal
