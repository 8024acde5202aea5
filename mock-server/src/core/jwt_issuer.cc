#include "jwt_issuer.h"

#include "claims.h"

namespace opentok_mock::internal {

JwtIssuer IdentifyJwtIssuer(opentok::common::DecodedJwt const& jwt, ProjectLookup const& lookup) {
  JwtIssuer out;
  auto application_id = IdClaim(jwt.payload, "application_id");
  auto issuer = IdClaim(jwt.payload, "iss");
  if (application_id && issuer && *application_id != *issuer) {
    out.failure = IssuerFailure::kConflict;
    return out;
  }
  auto const& named = application_id ? application_id : issuer;
  if (!named || named->empty()) {
    out.failure = IssuerFailure::kMissing;
    return out;
  }
  out.id = *named;
  out.credential = lookup(out.id);
  if (out.credential == nullptr) {
    out.failure = IssuerFailure::kUnknown;
    return out;
  }
  if (!IdClaim(jwt.payload, out.credential->IdClaim())) {
    out.failure = IssuerFailure::kWrongClaim;
    out.detail = std::string(ToString(out.credential->kind())) + " tokens name their id in " +
                 out.credential->IdClaim();
    return out;
  }
  if (auto why = out.credential->CheckJwtSignature(jwt)) {
    out.failure = IssuerFailure::kBadSignature;
    out.detail = std::move(*why);
  }
  return out;
}

}  // namespace opentok_mock::internal
