#pragma once

#include <string>

#include "opentok_mock/result.h"

// The service's error answers. Texts and codes are the real service's where they are known
// (reference sections 2.2 and 3.4, and bodies quoted in the official SDKs' issue trackers);
// the rest follow their style.
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
  // The body the real service sends with this 400 (opentok-node issue #114).
  return BadRequest("Not found. No clients are actively connected to the OpenTok session.");
}
inline Error RelayedSession() { return Conflict(15008, "Only routed sessions are allowed to initiate archives."); }
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

}  // namespace opentok_mock::errors
