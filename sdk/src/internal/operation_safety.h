#pragma once

#include <span>
#include <string_view>

namespace opentok::internal {

// Whether repeating an operation's request can act twice, keyed by the operation name
// RestConnection::Send receives (the SDK method's name). The retry policy repeats an
// idempotent operation after any transient failure, a non-idempotent one only when its
// request surely never left the client.
struct OperationSafety {
  std::string_view operation;
  bool idempotent;
};

// Every operation the SDK sends, each once; operation_safety.cc says why for each.
std::span<OperationSafety const> OperationSafetyTable();

// False for a name the table does not know: an operation added without a row is never
// repeated once its request may have reached the service.
bool IsIdempotent(std::string_view operation);

}  // namespace opentok::internal
