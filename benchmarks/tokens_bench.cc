// Client token generation through the public API (OpenTok::GenerateToken): JWT and T1, for
// every role, with and without connection data. `--print-inputs` prints the shared inputs
// as JSON for the Node SDK comparison (benchmarks/peers) and exits.

#include <benchmark/benchmark.h>

#include <cstring>
#include <iostream>
#include <string>

#include "opentok/opentok.h"
#include "token_inputs.h"

namespace {

using opentok::Role;
using opentok::TokenFormat;

void BM_GenerateToken(benchmark::State& state, TokenFormat format, Role role, bool with_data) {
  opentok::OpenTok ot(opentok::bench::kApiKey, opentok::bench::kApiSecret);
  std::string const session_id = opentok::bench::BenchSessionId();
  opentok::TokenOptions options;
  options.format = format;
  options.role = role;
  if (with_data) options.data = opentok::bench::kConnectionData;
  for (auto _ : state) {
    benchmark::DoNotOptimize(ot.GenerateToken(session_id, options));
  }
}

void RegisterAll() {
  for (auto format : {TokenFormat::kJwt, TokenFormat::kT1}) {
    for (auto role : {Role::kPublisher, Role::kSubscriber, Role::kModerator, Role::kPublisherOnly}) {
      for (bool with_data : {false, true}) {
        // e.g. "BM_GenerateToken/jwt/publisher/data": the names benchmarks/run looks up.
        std::string name = "BM_GenerateToken/" + std::string(opentok::ToString(format)) + "/" +
                           std::string(opentok::ToString(role)) + (with_data ? "/data" : "/nodata");
        benchmark::RegisterBenchmark(name.c_str(), BM_GenerateToken, format, role, with_data);
      }
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 2 && std::strcmp(argv[1], "--print-inputs") == 0) {
    std::cout << R"({"apiKey":")" << opentok::bench::kApiKey << R"(","apiSecret":")" << opentok::bench::kApiSecret
              << R"(","sessionId":")" << opentok::bench::BenchSessionId() << R"(","data":")"
              << opentok::bench::kConnectionData << "\"}\n";
    return 0;
  }
  RegisterAll();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
