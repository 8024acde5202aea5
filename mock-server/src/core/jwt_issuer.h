#pragma once

// Which owner a JWT names and whether it is that owner's: the part of verification that REST
// auth and client tokens share. Each caller words the failures its own way.

#include <string>

#include "opentok_common/jwt.h"
#include "opentok_mock/credentials.h"

namespace opentok_mock::internal {

enum class IssuerFailure {
  kNone,
  kMissing,      // neither application_id nor iss
  kConflict,     // both present, naming different ids
  kUnknown,      // no project or application has that id
  kWrongClaim,   // the owner's own id claim is absent (a project token without iss...)
  kBadSignature  // not signed by the owner (`detail` says why when it is the other kind's form)
};

struct JwtIssuer {
  IssuerFailure failure = IssuerFailure::kNone;
  std::string id;                         // the named id (when there is one)
  Credential const* credential = nullptr;  // set unless kMissing, kConflict or kUnknown
  std::string detail;
};

// `application_id` names the owner when present (the Vonage SDKs), else `iss` (the OpenTok
// SDKs; a string or a number). The owner found must see its own id claim, and its signature.
JwtIssuer IdentifyJwtIssuer(opentok::common::DecodedJwt const& jwt, ProjectLookup const& lookup);

}  // namespace opentok_mock::internal
