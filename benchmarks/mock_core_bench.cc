// The mock's core (MockService) without HTTP: archive and broadcast start+stop, get, and a
// list page of 50 with 10, 1,000 and 100,000 stored: a page must cost the same whatever the
// total; then session control: signals, force-disconnect and SIP dial. The clock is frozen
// so that no timer fires inside a measurement.

#include <benchmark/benchmark.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "mock_fixture.h"
#include "opentok/opentok.h"

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

// --- Session control: signals, force-disconnect, SIP dial ----------------------------------

// A routed session with `clients` connected clients (besides the fixture's publisher).
struct SessionControlFixture : CoreFixture {
  explicit SessionControlFixture(std::size_t clients) : ot(project.api_key, project.api_secret) {
    for (std::size_t i = 0; i < clients; ++i) connection_ids.push_back(Connect());
  }
  std::string Connect() { return Must(service.Connect(session_id, ot.GenerateToken(session_id))).connection_id; }
  opentok::OpenTok ot;
  std::vector<std::string> connection_ids;
};

// Calls `refill` (untimed) whenever `pool` is empty, then times `use` on its last item.
// Connections come and go by the hundred: the session stays near its fixture size.
template <typename Refill, typename Use>
void FromPool(benchmark::State& state, std::vector<std::string>& pool, Refill refill, Use use) {
  for (auto _ : state) {
    if (pool.empty()) {
      state.PauseTiming();
      refill();
      state.ResumeTiming();
    }
    use(pool.back());
    pool.pop_back();
  }
}
constexpr std::size_t kPoolSize = 100;

// A signal to every client of a session of 2 or 50: one inbox entry per client (inboxes
// keep their newest 1,000, so memory stays flat however long it runs).
void BM_CoreSignalSession(benchmark::State& state) {
  SessionControlFixture fixture(static_cast<std::size_t>(state.range(0)));
  opentok_mock::SignalRequest signal{"chat", std::string(64, 'x')};
  for (auto _ : state) Must(fixture.service.Signal(fixture.project.api_key, fixture.session_id, signal));
}
BENCHMARK(BM_CoreSignalSession)->ArgName("clients")->Arg(2)->Arg(50);

void BM_CoreSignalConnection(benchmark::State& state) {
  SessionControlFixture fixture(50);
  opentok_mock::SignalRequest signal{"chat", std::string(64, 'x')};
  auto const& target = fixture.connection_ids[25];
  for (auto _ : state) Must(fixture.service.Signal(fixture.project.api_key, fixture.session_id, signal, target));
}
BENCHMARK(BM_CoreSignalConnection);

// Force-disconnecting a publishing client from a session of about 50: its stream goes, the
// event reaches archives, broadcasts and moderation, and it joins the left connections.
void BM_CoreForceDisconnect(benchmark::State& state) {
  SessionControlFixture fixture(50);
  std::vector<std::string> pool;
  FromPool(
      state, pool,
      [&] {
        for (std::size_t i = 0; i < kPoolSize; ++i) {
          pool.push_back(fixture.Connect());
          Must(fixture.service.Publish(fixture.session_id, pool.back(), {}));
        }
      },
      [&](std::string const& connection_id) {
        Must(fixture.service.ForceDisconnect(fixture.project.api_key, fixture.session_id, connection_id));
      });
}
BENCHMARK(BM_CoreForceDisconnect);

// A SIP dial: token verification, a sip connection and its published stream. The calls are
// hung up (untimed) by the hundred.
void BM_CoreDial(benchmark::State& state) {
  SessionControlFixture fixture(2);
  opentok_mock::DialRequest request;
  request.session_id = fixture.session_id;
  request.token = fixture.ot.GenerateToken(fixture.session_id);
  request.uri = "sip:user@sip.example.com;transport=tls";
  std::vector<std::string> calls;
  for (auto _ : state) {
    calls.push_back(Must(fixture.service.Dial(fixture.project.api_key, request)).connection_id);
    if (calls.size() == kPoolSize) {
      state.PauseTiming();
      for (auto const& id : calls) Must(fixture.service.ForceDisconnect(fixture.project.api_key, fixture.session_id, id));
      calls.clear();
      state.ResumeTiming();
    }
  }
}
BENCHMARK(BM_CoreDial);

}  // namespace
