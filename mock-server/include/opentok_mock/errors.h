#pragma once

#include <string>

#include "opentok_mock/result.h"

// The service's error answers. Texts and codes are the real service's where they are known
// (the REST API documentation, https://tokbox.com/developer/rest/, and bodies quoted in the
// official SDKs' tests and issue trackers); the rest follow their style.
namespace opentok_mock::errors {

inline Error BadRequest(std::string message) { return Error{400, -1, std::move(message)}; }
inline Error Forbidden(std::string message) { return Error{403, -1, std::move(message)}; }
inline Error NotFound(std::string message) { return Error{404, -1, std::move(message)}; }
inline Error Conflict(int code, std::string message) { return Error{409, code, std::move(message)}; }

inline Error SessionNotFound() { return NotFound("Not found. The session does not exist."); }
inline Error ArchiveNotFound() { return NotFound("Not found. You passed in an invalid archive ID."); }
inline Error ConnectionNotFound() { return NotFound("Not found. The connection does not exist."); }
inline Error StreamNotFound() { return NotFound("Not found. The stream does not exist."); }
inline Error ProjectNotFound() { return NotFound("Not found. The project does not exist."); }
inline Error NoClients() {
  // The body the real service sends with this 400, as reported in
  // https://github.com/opentok/opentok-node/issues/114.
  return BadRequest("Not found. No clients are actively connected to the OpenTok session.");
}
inline Error MethodNotAllowed(std::string message) { return Error{405, -1, std::move(message)}; }
inline Error RelayedSession() { return Conflict(15008, "Only routed sessions are allowed to initiate archives."); }
inline Error RelayedSessionBroadcast() {
  return Conflict(15008, "Only routed sessions are allowed to initiate broadcasts.");
}
inline Error AlreadyRecording() {
  return Conflict(15001, "Conflict. The session is already being recorded. Use a distinct multiArchiveTag.");
}
inline Error StopNotRecording() {
  return Conflict(15002, "Conflict. You are trying to stop an archive that is not recording.");
}
inline Error DeleteNotDeletable() {
  return Conflict(15004,
                  "You can only delete an archive that has one of the following statuses: available OR uploaded OR "
                  "deleted");
}

// Layout changes and stream selection apply to archives in progress only.
inline Error ArchiveNotRecording() {
  return Conflict(-1, "Conflict. The archive is not in progress (started or paused).");
}
inline Error IndividualArchiveLayout() {
  return BadRequest("Bad request. The layout applies to composed archives only.");
}
// PATCH .../streams on a stream-mode "auto" archive or broadcast (405 in every SDK's handler).
inline Error AutoStreamMode(std::string const& what) {
  return MethodNotAllowed("Method not allowed. Stream selection is only supported for a " + what +
                          " with streamMode manual; this one uses auto.");
}
inline Error StreamNotSelected() { return NotFound("Not found. The stream is not in the selection."); }

inline Error BroadcastNotFound() { return NotFound("Not found. You passed in an invalid broadcast ID."); }
// The Java and Ruby SDKs expect 404 here (the Python SDK also handles 409).
inline Error BroadcastNotFoundOrStopped() {
  return NotFound("Not found. The broadcast does not exist or has already stopped.");
}
inline Error BroadcastStopped() { return Conflict(-1, "Conflict. The broadcast has stopped."); }
inline Error AlreadyBroadcasting() {
  return Conflict(-1, "Conflict. The session is already being broadcast. Use a distinct multiBroadcastTag.");
}

// --- Signals, moderation, SIP ---------------------------------------------------------------
inline Error PayloadTooLarge(std::string message) { return Error{413, -1, std::move(message)}; }
// The Java, PHP and Ruby SDKs' fixtures carry this code and text.
inline Error SignalDataMissing() { return Error{400, 15202, "Signal payload 'data' must be set"}; }
// Signals to a session nobody is connected to are a 404 (the PHP SDK's fixture).
inline Error NoClientsToSignal() {
  return NotFound("Not found. No clients are actively connected to the OpenTok session.");
}
inline Error ConnectionNotConnected() { return NotFound("Not found. The connection is not connected to the session."); }
// The body of the PHP SDK's fixture, code included.
inline Error InvalidDtmfDigits() { return Error{400, 400, "Invalid DTMF Digits"}; }
inline Error RelayedSessionSip() { return Conflict(-1, "A SIP call should use the OpenTok routed mode."); }

// --- Live captions, Experience Composer renders, Audio Connector ---------------------------
// Captions, renders and Audio Connector calls join with a client token of the session.
inline Error TokenMissing() { return BadRequest("Bad request. The token (a client token of the session) is missing."); }
// The real service's code and text for a second captioning of one session.
inline Error CaptionsAlreadyEnabled() { return Conflict(60003, "Audio captioning is already enabled"); }
inline Error RelayedSessionCaptions() {
  return Conflict(-1, "Only routed sessions are allowed to initiate live captions.");
}
inline Error CaptionsNotFound() { return NotFound("Not found. You passed in an invalid captions ID."); }
inline Error CaptionsNotFoundOrStopped() {
  return NotFound("Not found. The captions do not exist or have already stopped.");
}
inline Error RelayedSessionRender() { return Conflict(-1, "Only routed sessions are allowed to initiate renders."); }
inline Error RenderNotFound() { return NotFound("Not found. You passed in an invalid render ID."); }
inline Error RenderNotFoundOrStopped() {
  return NotFound("Not found. The render does not exist or has already stopped.");
}
inline Error RelayedSessionAudioConnector() {
  return Conflict(-1, "Only routed sessions are allowed to initiate Connect Calls.");
}
inline Error AudioConnectorNotFound() {
  return NotFound("Not found. No Audio Connector call with this id or connection id is connected.");
}

}  // namespace opentok_mock::errors
