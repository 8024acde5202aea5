#include "audio_streamer.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <map>
#include <numbers>
#include <variant>

#include "websocket_client.h"

namespace opentok_mock::http {
namespace {

constexpr auto kFramePeriod = std::chrono::milliseconds(20);
constexpr int kFramesPerSecond = 50;
constexpr double kToneHz = 440.0;
constexpr double kToneAmplitude = 8000.0;  // about a quarter of full scale
constexpr int kNormalClosure = 1000;
constexpr int kAbnormalClosure = 1006;  // no closing handshake: the connection dropped

bool IsPlainWebSocketUri(std::string_view uri) {
  constexpr std::string_view kScheme = "ws://";
  if (uri.size() < kScheme.size()) return false;
  for (std::size_t i = 0; i < kScheme.size(); ++i) {
    char c = uri[i];
    if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) != kScheme[i]) return false;
  }
  return true;
}

}  // namespace

std::string AudioFrame(std::int64_t audio_rate, bool tone, std::uint64_t first_sample) {
  auto samples = static_cast<std::size_t>(audio_rate / kFramesPerSecond);
  std::string frame(samples * 2, '\0');
  if (!tone) return frame;
  for (std::size_t i = 0; i < samples; ++i) {
    double t = static_cast<double>(first_sample + i) / static_cast<double>(audio_rate);
    auto value = static_cast<std::int16_t>(std::lround(kToneAmplitude * std::sin(2 * std::numbers::pi * kToneHz * t)));
    auto bits = static_cast<std::uint16_t>(value);
    frame[2 * i] = static_cast<char>(bits & 0xff);  // little-endian
    frame[2 * i + 1] = static_cast<char>(bits >> 8);
  }
  return frame;
}

std::string FirstMessage(AudioConnector const& call, std::vector<std::pair<std::string, std::string>> const& headers) {
  nlohmann::ordered_json message;
  message["content-type"] = "audio/l16;rate=" + std::to_string(call.audio_rate);
  for (auto const& [name, value] : headers) {
    if (name != "content-type") message[name] = value;
  }
  // Header values come from a parsed JSON body (valid UTF-8), but the WebSocket peer is
  // the app under test: replace rather than throw if that ever changes.
  return message.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

// All call state lives on the WebSocket client's I/O thread: the event subscriber (which
// runs under the service's lock) only posts there, and the handlers and ticks run there.
struct AudioStreamer::Impl {
  struct Call {
    websocket::LinkId link = 0;
    std::int64_t audio_rate = 0;
    bool bidirectional = false;
    bool has_streams = false;
    bool ending = false;  // the call ended: the mock closes the WebSocket
    std::uint64_t next_sample = 0;
    std::uint64_t idle_ticks = 0;
    std::string first_message;
    AudioConnectorLink stats;
  };

  Impl(MockService& s, AudioStreamerOptions o) : service(s), options(std::move(o)) {}

  MockService& service;
  AudioStreamerOptions options;
  std::uint64_t subscription = 0;
  std::map<std::string, Call, std::less<>> calls;  // by call id; declared before `client`, which joins first
  websocket::Client client;

  void OnEvent(AudioConnectorEvent const& event) {
    auto const& view = event.call;
    auto it = calls.find(view.id);
    if (it == calls.end()) {
      if (view.connected) Start(event);
      return;  // an ended call the streamer already let go (it failed, or was never contacted)
    }
    auto& call = it->second;
    if (view.connected) {
      call.has_streams = !view.subscribed_stream_ids.empty();
      return;
    }
    call.ending = true;
    client.Close(call.link, kNormalClosure);  // on_close follows (on_fail if still connecting)
  }

  void Start(AudioConnectorEvent const& event) {
    auto const& view = event.call;
    AudioConnectorLink stats;
    if (!IsPlainWebSocketUri(view.uri)) {
      stats.state = "notContacted";
      stats.error = "the mock opens ws:// WebSockets only (no TLS)";
      return Report(view.id, stats);
    }
    bool allowed = options.host_allowed ? options.host_allowed(view.uri) : false;
    if (!allowed) {
      stats.state = "notContacted";
      stats.error = "the outbound policy does not allow this host (loopback, or --callback-allow-host)";
      return Report(view.id, stats);
    }
    Call call;
    call.audio_rate = view.audio_rate;
    call.bidirectional = view.bidirectional;
    call.has_streams = !view.subscribed_stream_ids.empty();
    call.first_message = FirstMessage(view, event.headers);
    call.stats.state = "connecting";
    call.link = client.Open(view.uri, event.headers, options.handshake_timeout, Handlers(view.id));
    auto& added = calls.emplace(view.id, std::move(call)).first->second;
    Report(view.id, added.stats);
  }

  websocket::LinkHandlers Handlers(std::string const& id) {
    websocket::LinkHandlers handlers;
    handlers.on_open = [this, id] { Opened(id); };
    handlers.on_fail = [this, id](std::string const& error) {
      Ended(id, "failed", "could not open the WebSocket: " + error);
    };
    handlers.on_close = [this, id](int code) {
      if (code == kAbnormalClosure) return Ended(id, "failed", "the WebSocket connection dropped");
      Ended(id, "closed", "the receiver closed the WebSocket (code " + std::to_string(code) + ")");
    };
    handlers.on_message = [this, id](bool binary, std::string const& payload) {
      auto it = calls.find(id);
      if (it == calls.end() || !binary || !it->second.bidirectional) return;
      auto& stats = it->second.stats;
      ++stats.frames_received;
      stats.bytes_received += static_cast<std::int64_t>(payload.size());
      Report(id, stats);
    };
    return handlers;
  }

  void Opened(std::string const& id) {
    auto it = calls.find(id);
    if (it == calls.end()) return;
    auto& call = it->second;
    call.stats.state = "streaming";
    Report(id, call.stats);
    client.SendText(call.link, call.first_message);
    client.Every(call.link, kFramePeriod, [this, id] { Tick(id); });
  }

  // One 20 ms frame, while the call receives streams.
  void Tick(std::string const& id) {
    auto it = calls.find(id);
    if (it == calls.end()) return;
    auto& call = it->second;
    if (call.ending) return;
    if (!call.has_streams) {
      // Nothing to send; once a second, report anyway so that a call a reset dropped is closed.
      if (++call.idle_ticks % kFramesPerSecond == 0) Report(id, call.stats);
      return;
    }
    auto frame = AudioFrame(call.audio_rate, service.AudioConnectorTone(), call.next_sample);
    call.next_sample += static_cast<std::uint64_t>(call.audio_rate / kFramesPerSecond);
    ++call.stats.frames_sent;
    call.stats.bytes_sent += static_cast<std::int64_t>(frame.size());
    Report(id, call.stats);  // before the frame leaves: the count never lags what a receiver saw
    client.SendBinary(call.link, std::move(frame));
  }

  // The link is over. When the mock closed it (the call ended) that is a clean close;
  // otherwise the call ends because of it.
  void Ended(std::string const& id, std::string state, std::string error) {
    auto it = calls.find(id);
    if (it == calls.end()) return;
    auto stats = it->second.stats;
    bool ending = it->second.ending;
    calls.erase(it);
    if (ending) {
      stats.state = "closed";
      service.UpdateAudioConnectorLink(id, stats);
      return;
    }
    stats.state = std::move(state);
    stats.error = std::move(error);
    service.EndAudioConnectorLink(id, stats);
  }

  // The core keeps what the control plane shows. A call it no longer knows (a reset) is
  // closed.
  void Report(std::string const& id, AudioConnectorLink const& stats) {
    if (service.UpdateAudioConnectorLink(id, stats)) return;
    auto it = calls.find(id);
    if (it == calls.end() || it->second.ending) return;
    it->second.ending = true;
    client.Close(it->second.link, kNormalClosure);
  }
};

AudioStreamer::AudioStreamer(MockService& service, AudioStreamerOptions options)
    : impl_(std::make_unique<Impl>(service, std::move(options))) {
  auto* impl = impl_.get();
  impl->subscription = service.SubscribeEvents([impl](ServiceEvent const& event) {
    auto const* audio = std::get_if<AudioConnectorEvent>(&event.payload);
    if (audio != nullptr) impl->client.Post([impl, copy = *audio] { impl->OnEvent(copy); });
  });
}

AudioStreamer::~AudioStreamer() { impl_->service.UnsubscribeEvents(impl_->subscription); }

}  // namespace opentok_mock::http
