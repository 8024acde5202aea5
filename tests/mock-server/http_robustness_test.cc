// Bad input never crashes the server and always gets a 4xx JSON error; parallel starts and
// stops keep the state consistent; the RAII server starts and stops fast.

#include <atomic>
#include <iostream>
#include <set>
#include <thread>

#include "http_fixture.h"

namespace opentok_mock::testing {
namespace {

MockServerOptions SmallPayloadOptions() {
  auto options = FrozenSeededOptions();
  options.payload_max_bytes = 64 * 1024;
  return options;
}

class RobustnessTest : public HttpTest {
 protected:
  RobustnessTest() : HttpTest(SmallPayloadOptions()) {}
};

TEST_F(RobustnessTest, HugeBodiesGet413Json) {
  std::string huge(1 << 20, 'x');
  ExpectError(client_.Post(Project() + "/archive", Auth(), huge, "application/json"), 413, "too large");
  ExpectError(client_.Post("/_mock/projects", huge, "application/json"), 413, "too large");
  // The server is still fine.
  EXPECT_EQ(client_.Get("/_mock/health")->status, 200);
}

TEST_F(RobustnessTest, MalformedJsonAndWrongTypesGet400) {
  auto session = CreateSession();
  Connect(session);
  for (std::string body : {"{", "nul", "[]", "\"text\"", "42", "{\"sessionId\":}", "{\"a\":1}{", "\xff\xfe{}",
                           "{\"sessionId\": \"\xc3\x28\"}"}) {
    SCOPED_TRACE(body);
    ExpectError(client_.Post(Project() + "/archive", Auth(), body, "application/json"), 400);
  }
  ExpectError(client_.Post(Project() + "/archive", Auth(), "", "application/json"), 400, "empty");
  for (auto const& body : {nlohmann::json{{"sessionId", 5}}, nlohmann::json{{"sessionId", session}, {"hasAudio", "yes"}},
                           nlohmann::json{{"sessionId", session}, {"maxBitrate", 1.5}},
                           nlohmann::json{{"sessionId", session}, {"layout", "bestFit"}},
                           nlohmann::json{{"sessionId", session}, {"layout", {{"type", 3}}}},
                           nlohmann::json{{"sessionId", session}, {"transcriptionProperties", {{"x", 1}}}},
                           nlohmann::json{{"sessionId", session}, {"maxBitrate", 18446744073709551615ull}}}) {
    SCOPED_TRACE(body.dump());
    ExpectError(StartArchive(body), 400);
  }
  ExpectError(StartArchive({{"sessionId", session}, {"colour", "red"}}), 400, "unknown field 'colour'");
  ExpectError(StartArchive({{"sessionId", session}, {"layout", {{"type", "pip"}, {"size", 1}}}}), 400,
              "unknown field 'size'");
  // Deep nesting parses without recursion trouble.
  std::string deep = "{\"sessionId\":" + std::string(30'000, '[') + std::string(30'000, ']') + "}";
  ExpectError(client_.Post(Project() + "/archive", Auth(), deep, "application/json"), 400);
  EXPECT_EQ(client_.Get("/_mock/health")->status, 200);
}

TEST_F(RobustnessTest, BadPercentEncodingAndOddTargetsGet4xxJson) {
  ExpectError(client_.Get(Project() + "/archive/%zz", Auth()), 400, "percent");
  ExpectError(client_.Get(Project() + "/archive/%4", Auth()), 400, "percent");
  ExpectError(client_.Get("/_mock/sessions/%G1"), 400, "percent");
  ExpectError(client_.Get(Project() + "/archive?count=%", Auth()), 400, "percent");
  // A valid escape is decoded before routing: an unknown archive, not a crash.
  ExpectError(client_.Get(Project() + "/archive/%41bc", Auth()), 404, "archive");
  auto long_target = client_.Get(Project() + "/archive/" + std::string(20'000, 'a'), Auth());
  ASSERT_TRUE(long_target);
  EXPECT_GE(long_target->status, 400);
  EXPECT_LT(long_target->status, 500);
  ExpectError(client_.Get("/_mock/sessions/" + std::string(6000, 'b')), 404, "session");
  EXPECT_EQ(client_.Get("/_mock/health")->status, 200);
}

TEST_F(HttpTest, ParallelStartsAndStopsKeepStateConsistent) {
  constexpr int kThreads = 8;
  constexpr int kRounds = 15;
  std::vector<std::string> sessions;
  for (int i = 0; i < kThreads; ++i) {
    sessions.push_back(CreateSession());
    Connect(sessions.back());
  }
  auto shared = CreateSession();
  Connect(shared);

  std::mutex mutex;
  std::vector<std::string> started;
  std::atomic<int> failures{0};
  std::atomic<int> shared_wins{0};
  std::atomic<int> shared_conflicts{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      httplib::Client client(server_.url());
      SetTimeouts(client);
      client.set_keep_alive(true);
      auto headers = Auth();
      // Everyone races for the one untagged archive of the shared session first.
      auto race = client.Post(Project() + "/archive", headers, nlohmann::json{{"sessionId", shared}}.dump(),
                              "application/json");
      if (race && race->status == 200) ++shared_wins;
      if (race && race->status == 409) ++shared_conflicts;
      for (int round = 0; round < kRounds; ++round) {
        auto start = client.Post(Project() + "/archive", headers,
                                 nlohmann::json{{"sessionId", sessions[t]}}.dump(), "application/json");
        if (!start || start->status != 200) {
          ++failures;
          continue;
        }
        auto id = nlohmann::json::parse(start->body)["id"].get<std::string>();
        {
          std::lock_guard lock(mutex);
          started.push_back(id);
        }
        auto stop = client.Post(Project() + "/archive/" + id + "/stop", headers, "", "application/json");
        if (!stop || stop->status != 200) ++failures;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(shared_wins.load(), 1);
  EXPECT_EQ(shared_conflicts.load(), kThreads - 1);

  std::set<std::string> unique(started.begin(), started.end());
  EXPECT_EQ(unique.size(), started.size());
  EXPECT_EQ(started.size(), static_cast<std::size_t>(kThreads * kRounds));
  auto list = Json(client_.Get(Project() + "/archive?count=1000", Auth()));
  EXPECT_EQ(list["count"].get<std::size_t>(), started.size() + 1);
  std::set<std::string> listed;
  for (auto const& item : list["items"]) {
    listed.insert(item["id"].get<std::string>());
    if (item["sessionId"] != shared) {
      EXPECT_EQ(item["status"], "stopped");
    }
  }
  for (auto const& id : started) EXPECT_TRUE(listed.count(id)) << id;
  for (auto const& session : sessions) {
    EXPECT_EQ(Json(client_.Get(Project() + "/archive?sessionId=" + session, Auth()))["count"], kRounds);
  }
}

TEST(MockServerLifecycleTest, StartsAndStopsQuicklyAndCleanly) {
  constexpr int kCycles = 20;
  auto begin = std::chrono::steady_clock::now();
  int last_port = 0;
  for (int i = 0; i < kCycles; ++i) {
    MockServer server;
    EXPECT_GT(server.port(), 0);
    EXPECT_EQ(server.url(), "http://127.0.0.1:" + std::to_string(server.port()));
    last_port = server.port();
  }
  auto per_cycle_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - begin).count() / kCycles;
  std::cout << "[ measured ] MockServer start+stop: " << per_cycle_ms << " ms per cycle\n";
  RecordProperty("start_stop_ms", std::to_string(per_cycle_ms));
  EXPECT_LT(per_cycle_ms, 100.0);
  // A server that is serving stops cleanly too, with a request in flight before.
  MockServer server;
  httplib::Client client(server.url());
  SetTimeouts(client);
  EXPECT_EQ(client.Get("/_mock/health")->status, 200);
  server.Stop();
  server.Stop();  // idempotent
  EXPECT_FALSE(client.Get("/_mock/health"));
  (void)last_port;
}

TEST(MockServerLifecycleTest, BindFailuresAndBadProjectsThrow) {
  MockServer first;
  MockServerOptions same_port;
  same_port.port = first.port();
  EXPECT_THROW(MockServer{same_port}, std::runtime_error);
  MockServerOptions bad_project;
  bad_project.projects = {{"not-a-number", "secret"}};
  EXPECT_THROW(MockServer{bad_project}, std::invalid_argument);
  MockServerOptions two;
  two.projects = {{"1111", "a"}, {"2222", "b"}};
  MockServer server(two);
  EXPECT_EQ(server.default_project().api_key, "1111");
  EXPECT_EQ(server.service().Projects().size(), 2u);
}

}  // namespace
}  // namespace opentok_mock::testing
