#pragma once

// The Audio Connector's WebSocket side: for each call the core reports (AudioConnectorEvent),
// opens a real WebSocket to its ws:// URI when the outbound policy allows the host, sends
// the service's first message and then 20 ms frames of 16-bit linear PCM in real time
// while the call has streams, counts what a bidirectional receiver sends back, and closes
// with 1000 when the call ends. What happened is reported to the core (the call's link),
// which the control plane shows; a receiver that cannot be reached ends the call.

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "opentok_mock/service.h"

namespace opentok_mock::http {

struct AudioStreamerOptions {
  // The service's limit: a WebSocket whose opening handshake has not completed by then fails.
  std::chrono::milliseconds handshake_timeout{6000};
  // Whether the outbound policy allows the URI's host (loopback always). Empty: loopback only.
  std::function<bool(std::string const& uri)> host_allowed;
};

// One frame: 20 ms of 16-bit little-endian mono PCM at `audio_rate` (2 * rate / 50 bytes),
// silence, or a 440 Hz sine continuing from sample `first_sample` (so frames join up).
std::string AudioFrame(std::int64_t audio_rate, bool tone, std::uint64_t first_sample);

// The first (text) message on a call's WebSocket: {"content-type": "audio/l16;rate=N"} with
// the request's headers as further top-level members (content-type is the service's).
std::string FirstMessage(AudioConnector const& call, std::vector<std::pair<std::string, std::string>> const& headers);

class AudioStreamer {
 public:
  // Subscribes to `service`'s events; `service` must outlive the streamer.
  AudioStreamer(MockService& service, AudioStreamerOptions options);
  // Unsubscribes, then closes the open WebSockets (1001 going away) and joins its thread.
  ~AudioStreamer();
  AudioStreamer(AudioStreamer const&) = delete;
  AudioStreamer& operator=(AudioStreamer const&) = delete;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace opentok_mock::http
