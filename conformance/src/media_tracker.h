#pragma once

#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "rest_client.h"

namespace opentok::conformance {

// What the suite starts in a session besides archives and broadcasts, and that keeps
// running (and costing) on a live project until it is ended.
enum class MediaKind { kCaptions, kRender, kAudioConnector, kSipCall };
std::string_view Name(MediaKind kind);  // "captions", "render", "audio connector", "SIP call"

struct MediaEntry {
  MediaKind kind;
  Credentials credentials;
  std::string session_id;
  std::string id;  // captions id, render id, Audio Connector id, or a SIP call's connection id
};

// Ends one entry: returns "" when it is ended or already gone, else why it could not be
// ended. Never throws.
using MediaEnder = std::function<std::string(MediaEntry const&)>;
// Through the SDK: stop captions, stop a render, disconnect an Audio Connector, force-disconnect
// a SIP call's connection. A 404 means there is nothing left to end.
std::string EndWithSdk(MediaEntry const& entry);

// Remembers every captioning, render, Audio Connector connection and SIP call the suite
// starts, so that a failing check leaves nothing running on a live project. After each check
// the pending entries are ended; an ended entry is forgotten, so the clean-up costs one
// request per thing started, not a re-read of everything after every check. An entry that
// could not be ended stays pending, is retried, and is reported at the end of the run.
class MediaTracker {
 public:
  static MediaTracker& Instance();

  void Track(MediaEntry entry);
  // Ends every pending entry once. Never throws.
  void EndPending(MediaEnder const& end = EndWithSdk);
  // EndPending(), then the entries still not ended, each with the reason.
  std::vector<std::string> CleanUpAll(MediaEnder const& end = EndWithSdk);
  std::size_t pending() const;

 private:
  struct Pending {
    MediaEntry entry;
    std::string problem;
  };
  mutable std::mutex mu_;
  std::vector<Pending> pending_;
};

}  // namespace opentok::conformance
