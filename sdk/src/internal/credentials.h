#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "opentok/types.h"

namespace opentok::internal {

// The fields of one client token, already validated by TokenGenerator.
struct ClientTokenClaims {
  std::string_view session_id;
  std::string_view role;
  std::int64_t issued_at = 0;   // seconds since the Unix epoch
  std::int64_t expires_at = 0;  // seconds since the Unix epoch
  std::string_view data;        // connection data; empty when none
  std::string_view layout_classes;  // space-joined
};

// What an OpenTok object signs with, chosen once at construction: an OpenTok project's API
// key and secret (ProjectSecret: HS256 and T1) or a Vonage application's id and RSA key
// (ApplicationKey: RS256). Everything else (paths, validation, transport) is the same for
// both, so no REST family needs to know which one it has. Implementations are immutable
// and safe to use from many threads.
class Credentials {
 public:
  virtual ~Credentials() = default;

  // The id in /v2/project/{id} paths and in field [1] of the session ids this client owns.
  virtual std::string const& project_id() const noexcept = 0;
  // What project_id() is, for messages: "API key" or "application".
  virtual std::string_view owner_kind() const noexcept = 0;
  // The auth header (name, value) of one REST request. Called per attempt, so that a request
  // never carries a stale token.
  virtual std::pair<std::string, std::string> SignRequest() const = 0;
  // A client token with `claims` in `format`; ArgumentException, before anything is signed,
  // for a format these credentials cannot mint.
  virtual std::string MintClientToken(ClientTokenClaims const& claims, TokenFormat format) const = 0;
};

}  // namespace opentok::internal
