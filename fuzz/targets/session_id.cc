// Session-id decoding (opentok_common/session_id.h), as the mock reads ids in every
// session-scoped request and the SDK checks them before signing a client token.
//
// Input: the id itself. Invariants: the two decoders agree (SessionIdProjectId is
// DecodeSessionId's field [1], nullopt exactly when it fails); and, reading the input as
// four '\n'-separated fields, EncodeSessionId round-trips through the decoder whenever the
// fields could be told apart again (no '~' in them, a project id present).

#include <cstddef>
#include <cstdint>

#include "checks.h"
#include "fuzz_input.h"
#include "opentok_common/session_id.h"

namespace {

using opentok::common::SessionIdParts;

void CheckDecoders(std::string_view id) {
  auto parts = opentok::common::DecodeSessionId(id);
  auto project = opentok::common::SessionIdProjectId(id);
  opentok_fuzz::Check(parts.has_value() == project.has_value(), "DecodeSessionId and SessionIdProjectId disagree", id);
  if (parts) {
    opentok_fuzz::Check(parts->project_id == *project, "SessionIdProjectId differs from field [1]", id);
    opentok_fuzz::Check(!parts->project_id.empty(), "a decoded session id has an empty project id", id);
  }
  (void)opentok::common::IsPortableSessionId(id);
}

void CheckRoundTrip(std::string_view input) {
  opentok_fuzz::FuzzInput fields(reinterpret_cast<std::uint8_t const*>(input.data()), input.size());
  SessionIdParts parts{std::string(fields.Field()), std::string(fields.Field()), std::string(fields.Field()),
                       std::string(fields.Field())};
  auto id = opentok::common::EncodeSessionId(parts);
  CheckDecoders(id);
  for (auto const* field : {&parts.project_id, &parts.location, &parts.create_time, &parts.random}) {
    if (field->find('~') != std::string::npos) return;
  }
  if (parts.project_id.empty()) return;
  auto decoded = opentok::common::DecodeSessionId(id);
  opentok_fuzz::Check(decoded.has_value(), "an encoded session id does not decode", id);
  opentok_fuzz::Check(decoded->project_id == parts.project_id && decoded->location == parts.location &&
                          decoded->create_time == parts.create_time && decoded->random == parts.random,
                      "a session id does not round-trip", id);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  std::string_view input(reinterpret_cast<char const*>(data), size);
  CheckDecoders(input);
  CheckRoundTrip(input);
  return 0;
}
