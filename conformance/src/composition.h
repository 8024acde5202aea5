#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "opentok/opentok.h"
#include "publishing_session.h"
#include "rest_client.h"

namespace opentok::conformance {

// Archives and broadcasts compose a session's streams the same way: both take a layout
// (PUT .../layout) and, in manual stream mode, a stream selection (PATCH .../streams).
// The checks of those calls run once per kind through this one interface.
enum class CompositionKind { kArchive, kBroadcast };
std::string_view Name(CompositionKind kind);  // "archive", "broadcast"
inline void PrintTo(CompositionKind kind, std::ostream* os) { *os << Name(kind); }

class Composition {
 public:
  // Starts a composed archive or a broadcast of `session` in `mode` (tracked for clean-up).
  Composition(CompositionKind kind, PublishingSession const& session, StreamMode mode);

  CompositionKind kind() const { return kind_; }
  std::string const& id() const { return id_; }
  // "/v2/project/<key>/archive/<id>" or ".../broadcast/<id>", for wire-level requests.
  std::string ResourcePath() const;
  RestClient Rest() const;

  void SetLayout(Layout const& layout) const;
  void AddStream(std::string const& stream_id, bool has_audio = true, bool has_video = true) const;
  void RemoveStream(std::string const& stream_id) const;
  // The `streams` member of a GET, through the SDK.
  std::vector<SelectedStream> Streams() const;
  void Stop() const;

 private:
  CompositionKind kind_;
  Credentials credentials_;
  OpenTok client_;
  std::string id_;
};

}  // namespace opentok::conformance
