// The in-process MockServer's start+stop (bind, listener thread, worker pool, stop, join):
// what every test that wants its own server pays. Argument: worker threads (16 is the
// in-process default, 96 the standalone binary's).

#include <benchmark/benchmark.h>

#include "opentok_mock/mock_server.h"

namespace {

void BM_MockServerStartStop(benchmark::State& state) {
  opentok_mock::MockServerOptions options;
  options.threads = static_cast<int>(state.range(0));
  for (auto _ : state) {
    opentok_mock::MockServer server(options);
    benchmark::DoNotOptimize(server.port());
  }
}
BENCHMARK(BM_MockServerStartStop)->ArgName("threads")->Arg(16)->Arg(96)->UseRealTime()->Unit(benchmark::kMicrosecond);

}  // namespace
