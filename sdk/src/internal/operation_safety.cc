#include "internal/operation_safety.h"

#include <algorithm>
#include <array>

namespace opentok::internal {
namespace {

// "Idempotent" here means: sending the request a second time leaves the service as one
// request would, and tells nobody anything twice. Deletes and stops qualify even though
// the repeated request may then be answered 404 or 409 (the first one already deleted or
// stopped the resource): the caller sees an error, but nothing happened twice.
constexpr std::array kTable = {
    // Reads.
    OperationSafety{"GetArchive", true},
    OperationSafety{"ListArchives", true},
    OperationSafety{"GetBroadcast", true},
    OperationSafety{"ListBroadcasts", true},
    OperationSafety{"GetRender", true},
    OperationSafety{"ListRenders", true},
    OperationSafety{"GetLiveCaptions", true},
    OperationSafety{"GetStream", true},
    OperationSafety{"ListStreams", true},
    OperationSafety{"ListConnections", true},
    // PUTs replace a whole value (a layout, the class lists): the second one sets it again.
    OperationSafety{"SetArchiveLayout", true},
    OperationSafety{"SetBroadcastLayout", true},
    OperationSafety{"SetStreamClassLists", true},
    // Stream selection (PATCH): adding a stream that is in, or removing one that is out,
    // changes nothing.
    OperationSafety{"AddStreamToArchive", true},
    OperationSafety{"RemoveStreamFromArchive", true},
    OperationSafety{"AddStreamToBroadcast", true},
    OperationSafety{"RemoveStreamFromBroadcast", true},
    // Ends and deletes: a resource ends or disappears once.
    OperationSafety{"StopArchive", true},
    OperationSafety{"DeleteArchive", true},
    OperationSafety{"StopBroadcast", true},
    OperationSafety{"StopRender", true},
    OperationSafety{"StopLiveCaptions", true},
    OperationSafety{"DisconnectAudioConnector", true},
    OperationSafety{"ForceDisconnect", true},
    // Turns the session's mute-on-join flag off; off twice is off.
    OperationSafety{"DisableForceMute", true},
    // A second request creates a second session, but an unused session id is invisible:
    // nothing connects to it, nothing is recorded or billed, and the caller only ever sees
    // the id of the attempt that answered. The duplicate has no effect anyone can observe,
    // so it is retried like a read.
    OperationSafety{"CreateSession", true},
    // Starts: a second request would start a second archive (or fail with 409 because the
    // first one is recording), a second broadcast, render, captions, SIP call or Audio
    // Connector connection.
    OperationSafety{"StartArchive", false},
    OperationSafety{"StartBroadcast", false},
    OperationSafety{"StartRender", false},
    OperationSafety{"StartLiveCaptions", false},
    OperationSafety{"Dial", false},
    OperationSafety{"ConnectAudioToWebSocket", false},
    // Messages to the session's clients: a repeat delivers the signal or plays the DTMF
    // digits twice.
    OperationSafety{"Signal", false},
    OperationSafety{"PlayDTMF", false},
    // Force mute is an event, not a state: clients are told "muted" again, and a participant
    // who unmuted after the first request would be muted a second time.
    OperationSafety{"ForceMuteStream", false},
    OperationSafety{"ForceMuteAll", false},
};

}  // namespace

std::span<OperationSafety const> OperationSafetyTable() { return kTable; }

bool IsIdempotent(std::string_view operation) {
  auto it = std::find_if(kTable.begin(), kTable.end(),
                         [operation](OperationSafety const& row) { return row.operation == operation; });
  return it != kTable.end() && it->idempotent;
}

}  // namespace opentok::internal
