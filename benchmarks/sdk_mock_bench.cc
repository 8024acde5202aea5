// Our SDK against the in-process MockServer over loopback (keep-alive connections from the
// SDK's client pool): create session, start+stop archive, get archive, list a page of 50.
// Wall-clock times: most of the work happens on the server's threads.

#include <benchmark/benchmark.h>

#include <memory>

#include "mock_fixture.h"
#include "opentok/opentok.h"
#include "opentok_mock/mock_server.h"

namespace {

using opentok::bench::Must;

// One server and one client for the whole program, with a publishing session so that
// archives can start and 50 stored archives for the list.
struct SdkFixture {
  SdkFixture()
      : ot(server.default_project().api_key, server.default_project().api_secret, server.url()),
        session_id(opentok::bench::PublishingSession(server.service(), server.default_project())),
        archive_id(opentok::bench::StoreArchives(server.service(), server.default_project().api_key, session_id, 50)) {}

  static SdkFixture& Get() {
    static SdkFixture fixture;
    return fixture;
  }

  opentok_mock::MockServer server;
  opentok::OpenTok ot;
  std::string session_id;
  std::string archive_id;
};

void BM_SdkCreateSession(benchmark::State& state) {
  auto& f = SdkFixture::Get();
  for (auto _ : state) benchmark::DoNotOptimize(f.ot.CreateSession("", opentok::MediaMode::kRouted));
}
BENCHMARK(BM_SdkCreateSession)->UseRealTime()->Unit(benchmark::kMicrosecond);

void BM_SdkStartStopArchive(benchmark::State& state) {
  auto& f = SdkFixture::Get();
  for (auto _ : state) {
    auto archive = f.ot.StartArchive(f.session_id);
    benchmark::DoNotOptimize(f.ot.StopArchive(archive.id));
  }
}
BENCHMARK(BM_SdkStartStopArchive)->UseRealTime()->Unit(benchmark::kMicrosecond);

void BM_SdkGetArchive(benchmark::State& state) {
  auto& f = SdkFixture::Get();
  for (auto _ : state) benchmark::DoNotOptimize(f.ot.GetArchive(f.archive_id));
}
BENCHMARK(BM_SdkGetArchive)->UseRealTime()->Unit(benchmark::kMicrosecond);

void BM_SdkListArchives(benchmark::State& state) {
  auto& f = SdkFixture::Get();
  // The newest 50: the 50 stored ones, or archives of the start+stop benchmark when it ran
  // first; a page of 50 either way.
  for (auto _ : state) benchmark::DoNotOptimize(f.ot.ListArchives(0, 50));
}
BENCHMARK(BM_SdkListArchives)->UseRealTime()->Unit(benchmark::kMicrosecond);

}  // namespace
