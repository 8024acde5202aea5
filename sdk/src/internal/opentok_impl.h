#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "internal/credentials.h"
#include "internal/rest_connection.h"
#include "internal/token_generator.h"
#include "opentok/opentok.h"

namespace opentok {
namespace internal {

// The shared, immutable state behind every copy of an OpenTok object. The facade methods
// (opentok.cc and one .cc per family: sessions, tokens, archives, broadcasts, streams)
// read it concurrently.
struct ClientState {
  std::int64_t api_key;            // 0 for an application
  std::string api_secret;          // "" for an application
  std::string application_id;      // "" for a project
  std::shared_ptr<Credentials const> credentials;
  std::string api_url;  // normalised: no trailing slash
  TokenFormat token_format;
  TokenGenerator tokens;
  RestConnection rest;
};

}  // namespace internal

// OpenTok::Impl is private to the class; deriving it from ClientState lets free functions
// build the state.
struct OpenTok::Impl : internal::ClientState {};

}  // namespace opentok
