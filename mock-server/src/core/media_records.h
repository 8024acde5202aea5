#pragma once

// Private records of the media services (service_captions.cc, service_renders.cc,
// service_audio_connector.cc), held by MockService::Impl.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "opentok_mock/client_token.h"
#include "opentok_mock/media_model.h"

namespace opentok_mock {

struct SessionRecord;

struct CaptionsRecord {
  Captions view;               // duration is filled in views while started
  std::uint64_t sequence = 0;  // creation order (the control plane lists newest first)
  std::uint64_t epoch = 0;     // bumped on every transition; older timers are stale
  SessionRecord* session = nullptr;
};

struct RenderRecord {
  Render view;
  std::uint64_t sequence = 0;  // creation order: the list indexes are sorted by it
  std::uint64_t epoch = 0;     // bumped on every transition; older timers are stale
  SessionRecord* session = nullptr;
  bool loadable = true;      // what the URL probe said at the start
  ClientTokenClaims claims;  // the start token's: the render's connection is made from them
};

// What a render start was checked against: its session and its token's claims.
struct RenderStart {
  SessionRecord* session = nullptr;
  ClientTokenClaims claims;
};

struct AudioConnectorRecord {
  AudioConnector view;  // subscribed_stream_ids is read from the connection in views
  // The request's WebSocket headers with their values: only for AudioConnectorEvent (the
  // WebSocket streamer sends them); never in the view, the journal or a log.
  std::vector<std::pair<std::string, std::string>> headers;
  std::uint64_t sequence = 0;
  SessionRecord* session = nullptr;
};

}  // namespace opentok_mock
