// One OpenTok object shared by many threads over the default transport: every call gets
// its own answer, every auth token is unique, and concurrent calls really run in
// parallel (the transport pools clients instead of serialising on one).
#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "independent_verify.h"
#include "loopback_server.h"
#include "opentok/opentok.h"
#include "test_data.h"

namespace opentok {
namespace {

using testing_util::kApiKey;
using testing_util::kApiSecret;
using testing_util::kSessionId;
using testing_util::LoopbackServer;

ClientOptions Loopback(std::string url) {
  return ClientOptions{.api_url = std::move(url),
                       .connect_timeout = std::chrono::milliseconds(5000),
                       .request_timeout = std::chrono::milliseconds(10000)};
}

TEST(ThreadSafety, ManyThreadsShareOneClient) {
  constexpr int kThreads = 8;
  constexpr int kCallsPerThread = 25;
  std::mutex mu;
  std::set<std::string> jtis;
  int auth_failures = 0;
  LoopbackServer server(
      [&](httplib::Server& s) {
        s.Get(R"(/v2/project/123456/archive/([^/]+))", [&](httplib::Request const& req, httplib::Response& res) {
          auto auth = testing_util::DecodeJwt(req.get_header_value("X-OPENTOK-AUTH"), kApiSecret);
          {
            std::lock_guard lock(mu);
            jtis.insert(auth.payload.value("jti", ""));
            if (!auth.signature_valid) ++auth_failures;
          }
          res.set_content(R"({"id":")" + std::string(req.matches[1]) + R"(","status":"started"})", "application/json");
        });
      },
      kThreads + 4);

  std::atomic<int> mismatches{0};
  std::atomic<int> errors{0};
  {
    OpenTok client(kApiKey, kApiSecret, Loopback(server.url()));
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&, t] {
        for (int i = 0; i < kCallsPerThread; ++i) {
          std::string id = "t" + std::to_string(t) + "-" + std::to_string(i);
          try {
            if (client.GetArchive(id).id != id) ++mismatches;
            // Token generation shares the keyed HMAC with the auth header signer.
            if (client.GenerateToken(kSessionId).empty()) ++mismatches;
          } catch (std::exception const&) {
            ++errors;
          }
        }
      });
    }
    for (auto& thread : threads) thread.join();
  }
  EXPECT_EQ(errors.load(), 0);
  EXPECT_EQ(mismatches.load(), 0);
  std::lock_guard lock(mu);
  EXPECT_EQ(jtis.size(), static_cast<std::size_t>(kThreads * kCallsPerThread)) << "jti values must be unique";
  EXPECT_EQ(auth_failures, 0);
}

TEST(ThreadSafety, ConcurrentCallsDoNotSerialise) {
  // Each handler waits until kParallel requests are inside the server at once. If the
  // client serialised its calls, the first request would wait alone until the deadline.
  constexpr int kParallel = 4;
  std::mutex mu;
  std::condition_variable cv;
  int inside = 0;
  int peak = 0;
  LoopbackServer server(
      [&](httplib::Server& s) {
        s.Get(R"(/v2/project/123456/archive/([^/]+))", [&](httplib::Request const& req, httplib::Response& res) {
          std::unique_lock lock(mu);
          peak = std::max(peak, ++inside);
          cv.notify_all();
          bool all_arrived = cv.wait_for(lock, std::chrono::seconds(10), [&] { return peak >= kParallel; });
          --inside;
          res.status = all_arrived ? 200 : 503;
          res.set_content(R"({"id":")" + std::string(req.matches[1]) + R"("})", "application/json");
        });
      },
      kParallel + 4);

  std::atomic<int> ok{0};
  {
    OpenTok client(kApiKey, kApiSecret, Loopback(server.url()));
    std::vector<std::thread> threads;
    for (int t = 0; t < kParallel; ++t) {
      threads.emplace_back([&, t] {
        try {
          if (client.GetArchive("p" + std::to_string(t)).id == "p" + std::to_string(t)) ++ok;
        } catch (std::exception const&) {
        }
      });
    }
    for (auto& thread : threads) thread.join();
  }
  EXPECT_EQ(ok.load(), kParallel);
  std::lock_guard lock(mu);
  EXPECT_EQ(peak, kParallel);
}

}  // namespace
}  // namespace opentok
