#pragma once

// Session control: signals, moderation, SIP calls and DTMF. The requests the REST routes
// hand to MockService (already type-checked) and what the simulated clients record, which
// the control plane shows.

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "opentok_mock/model.h"

namespace opentok_mock {

// The body of POST .../signal. `data` is required (nullopt: it was missing).
struct SignalRequest {
  std::string type;
  std::optional<std::string> data;
};

// A signal as a simulated client received it (mock time).
struct ReceivedSignal {
  std::string type;
  std::string data;
  std::int64_t at_ms = 0;
};

// DTMF digits played into a connection (mock time).
struct PlayedDtmf {
  std::string digits;
  std::int64_t at_ms = 0;
};

// What one connection received. Each list keeps the newest kMaxActivityEntries; the totals
// count everything, so a test can tell that older entries were dropped.
struct ConnectionActivity {
  std::deque<ReceivedSignal> signals;
  std::deque<PlayedDtmf> dtmf;
  std::int64_t signals_total = 0;
  std::int64_t dtmf_total = 0;
};
inline constexpr std::size_t kMaxActivityEntries = 1'000;
// Connections that left a session are remembered (with their reason and what they received)
// until this many more recent ones left.
inline constexpr std::size_t kMaxLeftConnections = 100;

struct SipAuth {
  std::string username;
  std::string password;
};

// The body of POST /v2/project/{key}/dial (and the PHP SDK's /call).
struct DialRequest {
  std::string session_id;
  std::string token;
  std::string uri;
  std::string from;
  std::vector<std::pair<std::string, std::string>> headers;
  std::optional<SipAuth> auth;
  bool secure = false;
  bool video = false;
  // Whether the call's stream obeys force-mute requests (one stream or the whole session).
  bool observe_force_mute = false;
  std::vector<std::string> streams;  // the streams the call hears; empty: all of them
};

// A SIP call in progress: its connection publishes the call's stream (audio, video when
// asked for). The call ends when its connection leaves (force-disconnect).
struct SipCall {
  std::string id;
  std::string api_key;
  std::string session_id;
  std::string connection_id;
  std::string stream_id;
  std::int64_t created_at_ms = 0;
  std::int64_t updated_at_ms = 0;
  std::string uri;
  std::string from;
  bool secure = false;
  bool video = false;
  bool observe_force_mute = false;
  std::vector<std::string> streams;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string auth_username;  // the password is never kept
};

}  // namespace opentok_mock
