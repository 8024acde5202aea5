// Callback (webhook) delivery throughput: session-monitoring events rendered with the mock's
// CallbackBody and POSTed by the CallbackDispatcher to a cpp-httplib receiver on 127.0.0.1
// that answers 204. Argument: the number of callback URLs per event (deliveries to one URL
// go one at a time, in order; different URLs go in parallel on the dispatcher's workers;
// 0: a refused host, no HTTP at all).
// items_per_second is callbacks delivered per second; each one is a fresh loopback
// connection, as the dispatcher makes one per attempt.

#include <benchmark/benchmark.h>
#include <httplib.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include "callback_dispatcher.h"
#include "callback_json.h"
#include "opentok_mock/clock.h"
#include "opentok_mock/mock_server.h"
#include "server_setup.h"

namespace {

constexpr int kEventsPerIteration = 100;

// The receiver: the mock's own server setup (worker pool, TCP_NODELAY, backlog).
class Receiver {
 public:
  Receiver() {
    opentok_mock::MockServerOptions options;
    options.threads = 8;
    opentok_mock::http::ConfigureServer(server_, options);
    server_.Post(".*", [](httplib::Request const&, httplib::Response& res) { res.status = 204; });
    port_ = opentok_mock::http::BindServer(server_, "127.0.0.1", 0);
    listener_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::yield();
  }
  ~Receiver() {
    server_.stop();
    listener_.join();
  }
  std::string Url(int i) const { return "http://127.0.0.1:" + std::to_string(port_) + "/hook/" + std::to_string(i); }

 private:
  httplib::Server server_;
  std::thread listener_;
  int port_ = 0;
};

opentok_mock::ServiceEvent ConnectionCreated(std::vector<std::string> urls) {
  opentok_mock::MonitoringEvent monitoring;
  monitoring.kind = opentok_mock::MonitoringEventKind::kConnectionCreated;
  monitoring.session_id = "2_MX4xMjM0NTY3OH5-MTcwMDAwMDAwMDAwMH5mYWtlfn4";
  opentok_mock::Connection connection;
  connection.connection_id = "e9f8c166-6c67-440d-994a-04fb6dfed007";
  connection.created_at_ms = 1'700'000'000'000;
  connection.data = "name=bench";
  monitoring.connection = connection;
  opentok_mock::ServiceEvent event;
  event.api_key = "12345678";
  event.at_ms = connection.created_at_ms;
  event.payload = monitoring;
  event.callback_urls = std::move(urls);
  return event;
}

void BM_CallbackDelivery(benchmark::State& state) {
  Receiver receiver;
  std::vector<std::string> urls;
  for (int i = 0; i < state.range(0); ++i) urls.push_back(receiver.Url(i));
  // urls:0: one URL whose host is refused, so no HTTP: the dispatcher's own cost per event
  // (queueing, rendering, logging).
  if (urls.empty()) urls.push_back("http://hooks.example.com/callbacks");
  opentok_mock::http::CallbackDispatcher dispatcher({}, opentok_mock::http::CallbackBody,
                                                    opentok_mock::SystemWallMs);
  auto event = ConnectionCreated(urls);
  for (auto _ : state) {
    for (int i = 0; i < kEventsPerIteration; ++i) {
      event.sequence++;
      dispatcher.Enqueue(event);
    }
    if (!dispatcher.WaitUntilDrained(std::chrono::seconds(60))) {
      state.SkipWithError("deliveries still pending after 60 s");
      break;
    }
  }
  for (auto const& attempt : dispatcher.Log()) {
    if (attempt.outcome != (state.range(0) == 0 ? "refused" : "delivered")) {
      state.SkipWithError(("a delivery failed: " + attempt.error).c_str());
      break;
    }
  }
  state.SetItemsProcessed(state.iterations() * kEventsPerIteration * std::max<std::int64_t>(1, state.range(0)));
}
BENCHMARK(BM_CallbackDelivery)->ArgName("urls")->Arg(0)->Arg(1)->Arg(4)->UseRealTime()->Unit(benchmark::kMillisecond);

}  // namespace
