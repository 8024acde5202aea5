// The mock's core (MockService) without HTTP: archive and broadcast start+stop, get, and a
// list page of 50 with 10, 1,000 and 100,000 stored: a page must cost the same whatever the
// total. The clock is frozen so that no timer fires inside a measurement.

#include <benchmark/benchmark.h>

#include <map>
#include <memory>
#include <string>

#include "mock_fixture.h"

namespace {

using opentok::bench::Must;

// A service with one project and one publishing session.
struct CoreFixture {
  CoreFixture() : service(Options()) {
    project = Must(service.AddProject());
    session_id = opentok::bench::PublishingSession(service, project);
  }
  static opentok_mock::ServiceOptions Options() {
    opentok_mock::ServiceOptions options;
    options.frozen_clock = true;
    return options;
  }
  opentok_mock::MockService service;
  opentok_mock::ProjectCredentials project;
  std::string session_id;
};

// Filled once per size: Google Benchmark calls a benchmark function several times (to
// size the iteration count, and once per repetition), and 100,000 archives take a while.
CoreFixture& WithArchives(std::size_t count, std::string* newest = nullptr) {
  static std::map<std::size_t, std::pair<std::unique_ptr<CoreFixture>, std::string>> fixtures;
  auto& entry = fixtures[count];
  if (!entry.first) {
    entry.first = std::make_unique<CoreFixture>();
    entry.second = opentok::bench::StoreArchives(entry.first->service, entry.first->project.api_key,
                                                 entry.first->session_id, count);
  }
  if (newest != nullptr) *newest = entry.second;
  return *entry.first;
}

void BM_CoreStartStopArchive(benchmark::State& state) {
  CoreFixture fixture;
  opentok_mock::StartArchiveRequest request;
  request.session_id = fixture.session_id;
  auto const& key = fixture.project.api_key;
  for (auto _ : state) {
    auto archive = Must(fixture.service.StartArchive(key, request));
    benchmark::DoNotOptimize(Must(fixture.service.StopArchive(key, archive.id)));
  }
}
BENCHMARK(BM_CoreStartStopArchive);

void BM_CoreGetArchive(benchmark::State& state) {
  std::string id;
  auto& fixture = WithArchives(1, &id);
  for (auto _ : state) benchmark::DoNotOptimize(Must(fixture.service.GetArchive(fixture.project.api_key, id)));
}
BENCHMARK(BM_CoreGetArchive);

void BM_CoreListArchives(benchmark::State& state) {
  auto stored = static_cast<std::size_t>(state.range(0));
  auto& fixture = WithArchives(stored);
  opentok_mock::ListArchivesQuery query;  // offset 0, count 50
  std::size_t items = 0;
  for (auto _ : state) {
    auto page = Must(fixture.service.ListArchives(fixture.project.api_key, query));
    items = page.items.size();
    benchmark::DoNotOptimize(page);
  }
  // A label, not a counter: the CSV report needs every benchmark to have the same counters.
  state.SetLabel(std::to_string(items) + " items");
}
BENCHMARK(BM_CoreListArchives)->ArgName("stored")->Arg(10)->Arg(1000)->Arg(100000);

// A broadcast as SDKs usually start one: HLS and one RTMP output.
opentok_mock::StartBroadcastRequest BroadcastRequest(std::string const& session_id) {
  opentok_mock::StartBroadcastRequest request;
  request.session_id = session_id;
  request.hls = opentok_mock::HlsSettings{};
  request.rtmp = {{"main", "rtmp://live.example.com/app", "stream-key", {}}};
  return request;
}

// Filled once per size, like the archives: started and stopped broadcasts.
CoreFixture& WithBroadcasts(std::size_t count, std::string* newest = nullptr) {
  static std::map<std::size_t, std::pair<std::unique_ptr<CoreFixture>, std::string>> fixtures;
  auto& entry = fixtures[count];
  if (!entry.first) {
    entry.first = std::make_unique<CoreFixture>();
    auto& fixture = *entry.first;
    auto request = BroadcastRequest(fixture.session_id);
    for (std::size_t i = 0; i < count; ++i) {
      entry.second = Must(fixture.service.StartBroadcast(fixture.project.api_key, request)).id;
      Must(fixture.service.StopBroadcast(fixture.project.api_key, entry.second));
    }
  }
  if (newest != nullptr) *newest = entry.second;
  return *entry.first;
}

void BM_CoreStartStopBroadcast(benchmark::State& state) {
  CoreFixture fixture;
  auto request = BroadcastRequest(fixture.session_id);
  auto const& key = fixture.project.api_key;
  for (auto _ : state) {
    auto broadcast = Must(fixture.service.StartBroadcast(key, request));
    benchmark::DoNotOptimize(Must(fixture.service.StopBroadcast(key, broadcast.id)));
  }
}
BENCHMARK(BM_CoreStartStopBroadcast);

void BM_CoreGetBroadcast(benchmark::State& state) {
  // A started one: its view carries the HLS URL and the output statuses.
  CoreFixture fixture;
  auto id = Must(fixture.service.StartBroadcast(fixture.project.api_key, BroadcastRequest(fixture.session_id))).id;
  for (auto _ : state) benchmark::DoNotOptimize(Must(fixture.service.GetBroadcast(fixture.project.api_key, id)));
}
BENCHMARK(BM_CoreGetBroadcast);

void BM_CoreListBroadcasts(benchmark::State& state) {
  auto stored = static_cast<std::size_t>(state.range(0));
  auto& fixture = WithBroadcasts(stored);
  opentok_mock::ListBroadcastsQuery query;  // offset 0, count 50
  std::size_t items = 0;
  for (auto _ : state) {
    auto page = Must(fixture.service.ListBroadcasts(fixture.project.api_key, query));
    items = page.items.size();
    benchmark::DoNotOptimize(page);
  }
  state.SetLabel(std::to_string(items) + " items");
}
BENCHMARK(BM_CoreListBroadcasts)->ArgName("stored")->Arg(10)->Arg(1000)->Arg(100000);

}  // namespace
