#pragma once

// State snapshots (docs/state-snapshots.md): how each record of the service is written to
// and read from JSON. Every type lists its fields once, in Describe, and the same list drives
// the writer (state_export.cc) and the reader (state_import.cc), so the two cannot drift
// apart. Members are named after the C++ fields; enums use their wire names.

#include <nlohmann/json.hpp>

#include <concepts>
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "opentok_mock/clock.h"
#include "opentok_mock/timer_queue.h"
#include "service_impl.h"

namespace opentok_mock {

// Wire names of timer kinds, for snapshots only (the service never shows timers otherwise).
std::string_view ToString(TimerKind kind);

namespace state {

// Insertion-ordered, so that a snapshot reads in the order the fields are listed.
using Json = nlohmann::ordered_json;

inline constexpr int kFormatVersion = 1;

// A document the reader refuses: where (a JSON path like "sessions[2].connections[0].role")
// and why. Thrown inside the reader only; ImportState turns it into a 400.
struct StateError : std::runtime_error {
  StateError(std::string const& where, std::string const& why) : std::runtime_error(where + ": " + why) {}
};

template <typename T, typename U>
concept Is = std::same_as<std::remove_const_t<T>, U>;

template <typename T>
concept Enum = std::is_enum_v<T>;

template <typename T>
struct IsSequence : std::false_type {};
template <typename T>
struct IsSequence<std::vector<T>> : std::true_type {};
template <typename T>
struct IsSequence<std::deque<T>> : std::true_type {};

class Writer;
class Reader;

// Encoding and decoding of one value by its type. Members of one class so that the overloads
// find each other whatever their order (nested optionals, vectors of records...).
struct Codec {
  static Json Encode(std::string const& value) { return value; }
  static Json Encode(bool value) { return value; }
  static Json Encode(std::int64_t value) { return value; }
  static Json Encode(std::uint64_t value) { return value; }
  template <Enum E>
  static Json Encode(E value) {
    return std::string(ToString(value));
  }
  template <typename T>
  static Json Encode(std::optional<T> const& value) {
    return value ? Encode(*value) : Json(nullptr);
  }
  static Json Encode(std::pair<std::string, std::string> const& value) {
    Json out = Json::object();
    out["name"] = value.first;
    out["value"] = value.second;
    return out;
  }
  template <typename C>
    requires IsSequence<C>::value
  static Json Encode(C const& items) {
    Json out = Json::array();
    for (auto const& item : items) out.push_back(Encode(item));
    return out;
  }
  // Maps keyed by id: an object in key order, so that equal states write equal text.
  template <typename T>
  static Json Encode(StringMap<T> const& items) {
    std::map<std::string_view, T const*> sorted;
    for (auto const& [key, value] : items) sorted.emplace(key, &value);
    Json out = Json::object();
    for (auto const& [key, value] : sorted) out[std::string(key)] = Encode(*value);
    return out;
  }
  template <typename T>
    requires requires(Writer& writer, T const& value) { Describe(writer, value); }
  static Json Encode(T const& value);

  static void Decode(Json const& in, std::string const& where, std::string& value) {
    if (!in.is_string()) throw StateError(where, "must be a string");
    value = in.get<std::string>();
  }
  static void Decode(Json const& in, std::string const& where, bool& value) {
    if (!in.is_boolean()) throw StateError(where, "must be true or false");
    value = in.get<bool>();
  }
  static void Decode(Json const& in, std::string const& where, std::int64_t& value) {
    if (in.is_number_unsigned() && in.get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX)) {
      throw StateError(where, "is out of range");
    }
    if (!in.is_number_integer()) throw StateError(where, "must be an integer");
    value = in.get<std::int64_t>();
  }
  static void Decode(Json const& in, std::string const& where, std::uint64_t& value) {
    if (!in.is_number_unsigned()) throw StateError(where, "must be a non-negative integer");
    value = in.get<std::uint64_t>();
  }
  // By wire name: every value of the enum is tried (they are small and start at 0).
  template <Enum E>
  static void Decode(Json const& in, std::string const& where, E& value) {
    if (!in.is_string()) throw StateError(where, "must be a string");
    auto const& text = in.get_ref<std::string const&>();
    for (int i = 0; i < 64; ++i) {
      if (ToString(static_cast<E>(i)) == text && text != "unknown") {
        value = static_cast<E>(i);
        return;
      }
    }
    throw StateError(where, "unknown value '" + text + "'");
  }
  template <typename T>
  static void Decode(Json const& in, std::string const& where, std::optional<T>& value) {
    if (in.is_null()) {
      value.reset();
      return;
    }
    T decoded{};
    Decode(in, where, decoded);
    value = std::move(decoded);
  }
  static void Decode(Json const& in, std::string const& where, std::pair<std::string, std::string>& value);
  template <typename C>
    requires IsSequence<C>::value
  static void Decode(Json const& in, std::string const& where, C& items) {
    if (!in.is_array()) throw StateError(where, "must be an array");
    items.clear();
    for (std::size_t i = 0; i < in.size(); ++i) {
      typename C::value_type item{};
      Decode(in[i], where + "[" + std::to_string(i) + "]", item);
      items.push_back(std::move(item));
    }
  }
  template <typename T>
  static void Decode(Json const& in, std::string const& where, StringMap<T>& items) {
    if (!in.is_object()) throw StateError(where, "must be an object");
    items.clear();
    for (auto const& [key, value] : in.items()) Decode(value, where + "." + key, items[key]);
  }
  template <typename T>
    requires requires(Reader& reader, T& value) { Describe(reader, value); }
  static void Decode(Json const& in, std::string const& where, T& value);
};

// Describe's visitor that writes each field.
class Writer {
 public:
  explicit Writer(Json& out) : out_(out) {}
  template <typename T>
  void operator()(char const* name, T const& value) {
    out_[name] = Codec::Encode(value);
  }

 private:
  Json& out_;
};

// Describe's visitor that reads each field: every listed member is required (null for an
// empty optional), and a member Describe does not list is refused, so that a misspelt one is
// not silently dropped.
class Reader {
 public:
  Reader(Json const& in, std::string where) : in_(in), where_(std::move(where)) {
    if (!in_.is_object()) throw StateError(where_, "must be an object");
  }
  template <typename T>
  void operator()(char const* name, T& value) {
    Codec::Decode(Member(name), Where(name), value);
  }
  // A member the caller reads itself (required).
  Json const& Member(char const* name) {
    listed_.emplace_back(name);
    auto it = in_.find(name);
    if (it == in_.end()) throw StateError(Where(name), "is missing");
    return *it;
  }
  std::string Where(std::string_view name) const { return where_ + "." + std::string(name); }
  // After the members were read: refuses any other.
  void Finish() const {
    for (auto const& [key, value] : in_.items()) {
      bool listed = false;
      for (auto name : listed_) listed = listed || name == key;
      if (!listed) throw StateError(Where(key), "is not a member of this record");
    }
  }

 private:
  Json const& in_;
  std::string where_;
  std::vector<std::string_view> listed_;
};

// --- The field lists --------------------------------------------------------------------

template <typename Io, typename T>
  requires Is<T, SessionSettings>
void Describe(Io& io, T& v) {
  io("media_mode", v.media_mode);
  io("archive_mode", v.archive_mode);
  io("location", v.location);
  io("e2ee", v.e2ee);
  io("archive_name", v.archive_name);
  io("archive_resolution", v.archive_resolution);
}

template <typename Io, typename T>
  requires Is<T, Session>
void Describe(Io& io, T& v) {
  io("session_id", v.session_id);
  io("api_key", v.api_key);
  io("settings", v.settings);
  io("created_at_ms", v.created_at_ms);
}

template <typename Io, typename T>
  requires Is<T, Connection>
void Describe(Io& io, T& v) {
  io("connection_id", v.connection_id);
  io("session_id", v.session_id);
  io("role", v.role);
  io("data", v.data);
  io("token_format", v.token_format);
  io("initial_layout_class_list", v.initial_layout_class_list);
  io("created_at_ms", v.created_at_ms);
  io("kind", v.kind);
  io("subscribed_stream_ids", v.subscribed_stream_ids);
}

template <typename Io, typename T>
  requires Is<T, Stream>
void Describe(Io& io, T& v) {
  io("stream_id", v.stream_id);
  io("session_id", v.session_id);
  io("connection_id", v.connection_id);
  io("name", v.name);
  io("video_type", v.video_type);
  io("has_audio", v.has_audio);
  io("has_video", v.has_video);
  io("layout_class_list", v.layout_class_list);
  io("created_at_ms", v.created_at_ms);
  io("audio_muted", v.audio_muted);
}

template <typename Io, typename T>
  requires Is<T, LeftConnection>
void Describe(Io& io, T& v) {
  io("connection", v.connection);
  io("reason", v.reason);
  io("left_at_ms", v.left_at_ms);
}

template <typename Io, typename T>
  requires Is<T, MuteAllState>
void Describe(Io& io, T& v) {
  io("active", v.active);
  io("excluded_stream_ids", v.excluded_stream_ids);
}

template <typename Io, typename T>
  requires Is<T, ReceivedSignal>
void Describe(Io& io, T& v) {
  io("type", v.type);
  io("data", v.data);
  io("at_ms", v.at_ms);
}

template <typename Io, typename T>
  requires Is<T, PlayedDtmf>
void Describe(Io& io, T& v) {
  io("digits", v.digits);
  io("at_ms", v.at_ms);
}

template <typename Io, typename T>
  requires Is<T, ConnectionActivity>
void Describe(Io& io, T& v) {
  io("signals", v.signals);
  io("dtmf", v.dtmf);
  io("signals_total", v.signals_total);
  io("dtmf_total", v.dtmf_total);
}

template <typename Io, typename T>
  requires Is<T, SipCall>
void Describe(Io& io, T& v) {
  io("id", v.id);
  io("api_key", v.api_key);
  io("session_id", v.session_id);
  io("connection_id", v.connection_id);
  io("stream_id", v.stream_id);
  io("created_at_ms", v.created_at_ms);
  io("updated_at_ms", v.updated_at_ms);
  io("uri", v.uri);
  io("from", v.from);
  io("secure", v.secure);
  io("video", v.video);
  io("observe_force_mute", v.observe_force_mute);
  io("streams", v.streams);
  io("headers", v.headers);
  io("auth_username", v.auth_username);
}

template <typename Io, typename T>
  requires Is<T, SessionRecord>
void Describe(Io& io, T& v) {
  io("session", v.view);
  io("presence_epoch", v.presence_epoch);
  io("connections", v.connections);
  io("streams", v.streams);
  io("mute_all", v.mute_all);
  io("left", v.left);
  io("activity", v.activity);
  io("sip_calls", v.sip_calls);
}

template <typename Io, typename T>
  requires Is<T, Layout>
void Describe(Io& io, T& v) {
  io("type", v.type);
  io("stylesheet", v.stylesheet);
  io("screenshare_type", v.screenshare_type);
}

template <typename Io, typename T>
  requires Is<T, SelectedStream>
void Describe(Io& io, T& v) {
  io("stream_id", v.stream_id);
  io("has_audio", v.has_audio);
  io("has_video", v.has_video);
}

template <typename Io, typename T>
  requires Is<T, Archive>
void Describe(Io& io, T& v) {
  io("id", v.id);
  io("status", v.status);
  io("name", v.name);
  io("reason", v.reason);
  io("session_id", v.session_id);
  io("api_key", v.api_key);
  io("created_at_ms", v.created_at_ms);
  io("updated_at_ms", v.updated_at_ms);
  io("size", v.size);
  io("duration_s", v.duration_s);
  io("output_mode", v.output_mode);
  io("stream_mode", v.stream_mode);
  io("has_audio", v.has_audio);
  io("has_video", v.has_video);
  io("resolution", v.resolution);
  io("url", v.url);
  io("sha256sum", v.sha256sum);
  io("multi_archive_tag", v.multi_archive_tag);
  io("max_bitrate", v.max_bitrate);
  io("quantization_parameter", v.quantization_parameter);
  io("has_transcription", v.has_transcription);
  io("layout", v.layout);
  io("streams", v.streams);
}

template <typename Io, typename T>
  requires Is<T, ArchiveRecord>
void Describe(Io& io, T& v) {
  io("sequence", v.sequence);
  io("epoch", v.epoch);
  io("recorded_ms", v.recorded_ms);
  io("recording_since_ms", v.recording_since_ms);
  io("view", v.view);
}

template <typename Io, typename T>
  requires Is<T, HlsSettings>
void Describe(Io& io, T& v) {
  io("dvr", v.dvr);
  io("low_latency", v.low_latency);
}

template <typename Io, typename T>
  requires Is<T, RtmpOutput>
void Describe(Io& io, T& v) {
  io("id", v.id);
  io("server_url", v.server_url);
  io("stream_name", v.stream_name);
  io("status", v.status);
}

template <typename Io, typename T>
  requires Is<T, Broadcast>
void Describe(Io& io, T& v) {
  io("id", v.id);
  io("session_id", v.session_id);
  io("api_key", v.api_key);
  io("created_at_ms", v.created_at_ms);
  io("updated_at_ms", v.updated_at_ms);
  io("status", v.status);
  io("resolution", v.resolution);
  io("max_duration_s", v.max_duration_s);
  io("max_bitrate", v.max_bitrate);
  io("stream_mode", v.stream_mode);
  io("has_audio", v.has_audio);
  io("has_video", v.has_video);
  io("multi_broadcast_tag", v.multi_broadcast_tag);
  io("layout", v.layout);
  io("streams", v.streams);
  io("hls", v.hls);
  io("hls_status", v.hls_status);
  io("hls_url", v.hls_url);
  io("rtmp", v.rtmp);
}

template <typename Io, typename T>
  requires Is<T, BroadcastRecord>
void Describe(Io& io, T& v) {
  io("sequence", v.sequence);
  io("epoch", v.epoch);
  io("view", v.view);
}

template <typename Io, typename T>
  requires Is<T, Captions>
void Describe(Io& io, T& v) {
  io("id", v.id);
  io("session_id", v.session_id);
  io("api_key", v.api_key);
  io("status", v.status);
  io("created_at_ms", v.created_at_ms);
  io("updated_at_ms", v.updated_at_ms);
  io("duration_s", v.duration_s);
  io("language_code", v.language_code);
  io("max_duration_s", v.max_duration_s);
  io("partial_captions", v.partial_captions);
  io("status_callback_url", v.status_callback_url);
  io("reason", v.reason);
}

template <typename Io, typename T>
  requires Is<T, CaptionsRecord>
void Describe(Io& io, T& v) {
  io("sequence", v.sequence);
  io("epoch", v.epoch);
  io("view", v.view);
}

template <typename Io, typename T>
  requires Is<T, ClientTokenClaims>
void Describe(Io& io, T& v) {
  io("format", v.format);
  io("api_key", v.api_key);
  io("credential_kind", v.credential_kind);
  io("session_id", v.session_id);
  io("role", v.role);
  io("connection_data", v.connection_data);
  io("initial_layout_class_list", v.initial_layout_class_list);
  io("expire_time_s", v.expire_time_s);
}

template <typename Io, typename T>
  requires Is<T, Render>
void Describe(Io& io, T& v) {
  io("id", v.id);
  io("session_id", v.session_id);
  io("api_key", v.api_key);
  io("created_at_ms", v.created_at_ms);
  io("updated_at_ms", v.updated_at_ms);
  io("url", v.url);
  io("resolution", v.resolution);
  io("status", v.status);
  io("max_duration_s", v.max_duration_s);
  io("stream_id", v.stream_id);
  io("connection_id", v.connection_id);
  io("reason", v.reason);
  io("name", v.name);
  io("callback_url", v.callback_url);
}

template <typename Io, typename T>
  requires Is<T, RenderRecord>
void Describe(Io& io, T& v) {
  io("sequence", v.sequence);
  io("epoch", v.epoch);
  io("loadable", v.loadable);
  io("claims", v.claims);
  io("view", v.view);
}

template <typename Io, typename T>
  requires Is<T, AudioConnectorLink>
void Describe(Io& io, T& v) {
  io("state", v.state);
  io("frames_sent", v.frames_sent);
  io("bytes_sent", v.bytes_sent);
  io("frames_received", v.frames_received);
  io("bytes_received", v.bytes_received);
  io("error", v.error);
}

template <typename Io, typename T>
  requires Is<T, AudioConnector>
void Describe(Io& io, T& v) {
  io("id", v.id);
  io("connection_id", v.connection_id);
  io("session_id", v.session_id);
  io("api_key", v.api_key);
  io("uri", v.uri);
  io("requested_streams", v.requested_streams);
  io("header_names", v.header_names);
  io("audio_rate", v.audio_rate);
  io("bidirectional", v.bidirectional);
  io("created_at_ms", v.created_at_ms);
  io("connected", v.connected);
  io("ended_at_ms", v.ended_at_ms);
  io("subscribed_stream_ids", v.subscribed_stream_ids);
  io("link", v.link);
}

// The WebSocket headers keep their values: the streamer sends them when the call connects.
template <typename Io, typename T>
  requires Is<T, AudioConnectorRecord>
void Describe(Io& io, T& v) {
  io("sequence", v.sequence);
  io("headers", v.headers);
  io("view", v.view);
}

template <typename Io, typename T>
  requires Is<T, CallbackRegistration>
void Describe(Io& io, T& v) {
  io("id", v.id);
  io("group", v.group);
  io("event", v.event);
  io("url", v.url);
  io("created_at_ms", v.created_at_ms);
  io("updated_at_ms", v.updated_at_ms);
}

template <typename Io, typename T>
  requires Is<T, Timer>
void Describe(Io& io, T& v) {
  io("due_ms", v.due_ms);
  io("kind", v.kind);
  io("target", v.target);
  io("epoch", v.epoch);
  io("sequence", v.sequence);
}

template <typename Io, typename T>
  requires Is<T, MockClock::Segment>
void Describe(Io& io, T& v) {
  io("since_wall_ms", v.since_wall_ms);
  io("offset_ms", v.offset_ms);
  io("frozen_at_ms", v.frozen_at_ms);
}

// --- Definitions that need the visitors -------------------------------------------------

inline void Codec::Decode(Json const& in, std::string const& where, std::pair<std::string, std::string>& value) {
  Reader reader(in, where);
  reader("name", value.first);
  reader("value", value.second);
  reader.Finish();
}

template <typename T>
  requires requires(Writer& writer, T const& value) { Describe(writer, value); }
Json Codec::Encode(T const& value) {
  Json out = Json::object();
  Writer writer(out);
  Describe(writer, value);
  return out;
}

template <typename T>
  requires requires(Reader& reader, T& value) { Describe(reader, value); }
void Codec::Decode(Json const& in, std::string const& where, T& value) {
  Reader reader(in, where);
  Describe(reader, value);
  reader.Finish();
}

}  // namespace state
}  // namespace opentok_mock
