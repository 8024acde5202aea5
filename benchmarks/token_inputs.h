#pragma once

// The inputs of every token benchmark, ours and the official Node SDK's
// (benchmarks/peers): one project, one session, one connection-data string. The Node side
// reads them from `bench_tokens --print-inputs`, so both sides mint the same tokens.

#include <cstdint>
#include <string>

#include "opentok_common/session_id.h"

namespace opentok::bench {

inline constexpr std::int64_t kApiKey = 47123456;
// Not a real secret: a fixed benchmark value.
inline constexpr char kApiSecret[] = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c";
inline constexpr char kConnectionData[] = "name=Ada Lovelace&userId=1815";

// A current-format session id of kApiKey (relayed, no location).
inline std::string BenchSessionId() {
  return common::EncodeSessionId({std::to_string(kApiKey), "", "1700000000000", "Xq3Zt7Lp0WmB9sKd2FhR8vNc"});
}

}  // namespace opentok::bench
