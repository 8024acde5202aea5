// The callback dispatcher on its own, driven by hand-made service events and a loopback
// receiver: order per URL, retries, give-up, timeouts, refused hosts, the drain wait, sinks,
// reset and the log's bound. No sleeps: the receiver says when it holds a request, and the
// dispatcher's WaitUntilDrained says when it is done.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <chrono>
#include <mutex>
#include <thread>

#include "callback_dispatcher.h"
#include "callback_receiver.h"

namespace opentok_mock::testing {
namespace {

using http::CallbackDispatcher;
using namespace std::chrono_literals;

ServiceEvent Event(std::uint64_t sequence, std::vector<std::string> urls) {
  ServiceEvent event;
  event.sequence = sequence;
  event.api_key = "12345678";
  event.at_ms = 1'000'000 + static_cast<std::int64_t>(sequence);
  MonitoringEvent monitoring;
  monitoring.kind = MonitoringEventKind::kConnectionCreated;
  monitoring.session_id = "session";
  event.payload = monitoring;
  event.callback_urls = std::move(urls);
  return event;
}

std::string Body(ServiceEvent const& event) { return nlohmann::json{{"sequence", event.sequence}}.dump(); }

std::uint64_t SequenceOf(CallbackReceiver::Request const& request) {
  return nlohmann::json::parse(request.body)["sequence"].get<std::uint64_t>();
}

CallbackOptions FastOptions() {
  CallbackOptions options;
  options.max_attempts = 3;
  options.attempt_timeout = 2s;
  options.first_backoff = 1ms;
  options.max_backoff = 4ms;
  return options;
}

class CallbackDispatcherTest : public ::testing::Test {
 protected:
  std::unique_ptr<CallbackDispatcher> Make(CallbackOptions options = FastOptions(), int workers = 4) {
    return std::make_unique<CallbackDispatcher>(std::move(options), Body, [] { return std::int64_t{42}; }, workers);
  }

  CallbackReceiver receiver_;
};

TEST_F(CallbackDispatcherTest, DeliversEachUrlsEventsInOrderAsJsonPosts) {
  auto dispatcher = Make();
  auto a = receiver_.Url("/a");
  auto b = receiver_.Url("/b?x=1");
  for (std::uint64_t i = 1; i <= 30; ++i) dispatcher->Enqueue(Event(i, i % 3 == 0 ? std::vector{a} : std::vector{a, b}));
  ASSERT_TRUE(dispatcher->WaitUntilDrained(10s));
  EXPECT_EQ(dispatcher->Pending(), 0u);

  auto to_a = receiver_.Received("/a");
  ASSERT_EQ(to_a.size(), 30u);
  for (std::size_t i = 0; i < to_a.size(); ++i) {
    EXPECT_EQ(SequenceOf(to_a[i]), i + 1);
    EXPECT_EQ(to_a[i].content_type, "application/json");
  }
  auto to_b = receiver_.Received("/b");
  ASSERT_EQ(to_b.size(), 20u);
  for (std::size_t i = 1; i < to_b.size(); ++i) EXPECT_LT(SequenceOf(to_b[i - 1]), SequenceOf(to_b[i]));

  auto log = dispatcher->Log();
  ASSERT_EQ(log.size(), 50u);
  for (auto const& entry : log) {
    EXPECT_EQ(entry.outcome, "delivered");
    EXPECT_EQ(entry.attempt, 1);
    EXPECT_EQ(entry.status, 200);
    EXPECT_EQ(entry.event, "connectionCreated");
    EXPECT_EQ(entry.api_key, "12345678");
    EXPECT_EQ(entry.event_at_ms, 1'000'000 + static_cast<std::int64_t>(entry.event_sequence));
    EXPECT_EQ(entry.attempted_at_ms, 42);
  }
}

TEST_F(CallbackDispatcherTest, RetriesFailedAttemptsThenDeliversKeepingTheOrder) {
  auto dispatcher = Make();
  receiver_.Script("/hook", {500, 404});
  dispatcher->Enqueue(Event(1, {receiver_.Url("/hook")}));
  dispatcher->Enqueue(Event(2, {receiver_.Url("/hook")}));
  ASSERT_TRUE(dispatcher->WaitUntilDrained(10s));

  auto received = receiver_.Received("/hook");
  ASSERT_EQ(received.size(), 4u);  // event 1 three times, then event 2
  EXPECT_EQ(SequenceOf(received[0]), 1u);
  EXPECT_EQ(SequenceOf(received[2]), 1u);
  EXPECT_EQ(SequenceOf(received[3]), 2u);
  auto log = dispatcher->Log();
  ASSERT_EQ(log.size(), 4u);
  EXPECT_EQ(log[0].outcome, "retrying");
  EXPECT_EQ(log[0].status, 500);
  EXPECT_EQ(log[1].outcome, "retrying");
  EXPECT_EQ(log[1].status, 404);
  EXPECT_EQ(log[1].attempt, 2);
  EXPECT_EQ(log[2].outcome, "delivered");
  EXPECT_EQ(log[2].attempt, 3);
  EXPECT_EQ(log[3].event_sequence, 2u);
  EXPECT_EQ(log[3].outcome, "delivered");
}

TEST_F(CallbackDispatcherTest, GivesUpAfterMaxAttemptsAndMovesOn) {
  auto dispatcher = Make();
  receiver_.Script("/hook", {503, 503, 503});
  dispatcher->Enqueue(Event(1, {receiver_.Url("/hook")}));
  dispatcher->Enqueue(Event(2, {receiver_.Url("/hook")}));
  ASSERT_TRUE(dispatcher->WaitUntilDrained(10s));

  auto log = dispatcher->Log();
  ASSERT_EQ(log.size(), 4u);
  EXPECT_EQ(log[2].event_sequence, 1u);
  EXPECT_EQ(log[2].attempt, 3);
  EXPECT_EQ(log[2].outcome, "failed");
  EXPECT_EQ(log[2].status, 503);
  EXPECT_EQ(log[3].event_sequence, 2u);
  EXPECT_EQ(log[3].outcome, "delivered");
}

TEST_F(CallbackDispatcherTest, ReceiverDownIsRetriedThenGivenUp) {
  int closed_port = 0;
  {
    CallbackReceiver gone;
    closed_port = gone.port();
  }
  auto dispatcher = Make();
  dispatcher->Enqueue(Event(1, {"http://127.0.0.1:" + std::to_string(closed_port) + "/hook"}));
  ASSERT_TRUE(dispatcher->WaitUntilDrained(10s));
  auto log = dispatcher->Log();
  ASSERT_EQ(log.size(), 3u);
  for (auto const& entry : log) {
    EXPECT_FALSE(entry.status);
    EXPECT_EQ(entry.error, "could not connect");
  }
  EXPECT_EQ(log[0].outcome, "retrying");
  EXPECT_EQ(log[2].outcome, "failed");
}

TEST_F(CallbackDispatcherTest, AReceiverThatDoesNotAnswerTimesOutWithoutHoldingUpOtherUrls) {
  auto options = FastOptions();
  options.max_attempts = 1;
  options.attempt_timeout = 200ms;
  auto dispatcher = Make(options);
  receiver_.HoldRequests("/slow");
  dispatcher->Enqueue(Event(1, {receiver_.Url("/slow"), receiver_.Url("/fast")}));
  // The other URL is served while the first one's receiver holds the request.
  ASSERT_EQ(receiver_.WaitForRequests("/fast", 1).size(), 1u);
  ASSERT_TRUE(receiver_.WaitForHanging(1));
  ASSERT_TRUE(dispatcher->WaitUntilDrained(10s));

  auto log = dispatcher->Log();
  ASSERT_EQ(log.size(), 2u);
  auto slow = log[0].url == receiver_.Url("/slow") ? log[0] : log[1];
  EXPECT_EQ(slow.outcome, "failed");
  EXPECT_FALSE(slow.status);
  EXPECT_EQ(slow.error, "no answer within 200 ms");
  receiver_.Release();
}

TEST_F(CallbackDispatcherTest, WaitTimesOutWhileADeliveryIsPending) {
  auto options = FastOptions();
  options.attempt_timeout = 30s;  // longer than the test: only Release ends the attempt
  auto dispatcher = Make(options);
  receiver_.HoldRequests("/hook");
  dispatcher->Enqueue(Event(1, {receiver_.Url("/hook")}));
  ASSERT_TRUE(receiver_.WaitForHanging(1));
  EXPECT_FALSE(dispatcher->WaitUntilDrained(20ms));
  EXPECT_EQ(dispatcher->Pending(), 1u);
  receiver_.Release();
  EXPECT_TRUE(dispatcher->WaitUntilDrained(10s));
  EXPECT_EQ(dispatcher->Pending(), 0u);
}

TEST_F(CallbackDispatcherTest, RefusesHostsThatAreNotAllowedWithoutContactingThem) {
  auto options = FastOptions();
  options.allowed_hosts = {"hooks.example.com"};
  auto dispatcher = Make(options);
  dispatcher->Enqueue(Event(1, {"http://hooks.example.net/x", "ftp://127.0.0.1/x", receiver_.Url("/hook")}));
  ASSERT_TRUE(dispatcher->WaitUntilDrained(10s));
  auto log = dispatcher->Log();
  ASSERT_EQ(log.size(), 3u);
  EXPECT_EQ(log[0].url, "http://hooks.example.net/x");
  EXPECT_EQ(log[0].outcome, "refused");
  EXPECT_EQ(log[0].attempt, 0);
  EXPECT_EQ(log[0].error, "host not allowed (loopback only, unless allowed)");
  EXPECT_EQ(log[1].outcome, "refused");
  EXPECT_EQ(log[1].error, "not an http(s) URL");
  EXPECT_EQ(log[2].outcome, "delivered");
}

TEST_F(CallbackDispatcherTest, TheLogRedactsSecretsInUrls) {
  auto dispatcher = Make();
  auto url = "http://user:pw@127.0.0.1:" + std::to_string(receiver_.port()) + "/hook?token=abc&x=1&signature=s#f";
  dispatcher->Enqueue(Event(1, {url, "http://me:pw@example.com/?apiSecret=x"}));
  ASSERT_TRUE(dispatcher->WaitUntilDrained(10s));
  auto log = dispatcher->Log();
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0].url, "http://[redacted]@example.com/?apiSecret=[redacted]");
  EXPECT_EQ(log[1].url, "http://[redacted]@127.0.0.1:" + std::to_string(receiver_.port()) +
                            "/hook?token=[redacted]&x=1&signature=[redacted]#f");
  EXPECT_EQ(log[1].outcome, "delivered");
  EXPECT_EQ(receiver_.Received("/hook").size(), 1u);
}

TEST_F(CallbackDispatcherTest, SinksSeeEveryEventInOrderOnTheDispatchThread) {
  auto dispatcher = Make();
  std::mutex mutex;
  std::vector<std::pair<std::uint64_t, std::string>> seen;
  std::thread::id sink_thread;
  dispatcher->AddSink([](CallbackMessage const&) { throw std::runtime_error("a failing sink"); });
  dispatcher->AddSink([&](CallbackMessage const& message) {
    std::lock_guard lock(mutex);
    seen.emplace_back(message.event.sequence, std::string(message.body));
    sink_thread = std::this_thread::get_id();
  });
  for (std::uint64_t i = 1; i <= 10; ++i) {
    dispatcher->Enqueue(Event(i, i == 5 ? std::vector{receiver_.Url("/hook")} : std::vector<std::string>{}));
  }
  ASSERT_TRUE(dispatcher->WaitUntilDrained(10s));
  std::lock_guard lock(mutex);
  ASSERT_EQ(seen.size(), 10u);
  for (std::uint64_t i = 1; i <= 10; ++i) {
    EXPECT_EQ(seen[i - 1].first, i);
    EXPECT_EQ(seen[i - 1].second, Body(Event(i, {})));
  }
  EXPECT_NE(sink_thread, std::this_thread::get_id());
  EXPECT_EQ(receiver_.Received("/hook").size(), 1u);
}

TEST_F(CallbackDispatcherTest, ResetDropsTheLogAndPendingDeliveries) {
  auto options = FastOptions();
  options.attempt_timeout = 30s;
  auto dispatcher = Make(options);
  dispatcher->Enqueue(Event(1, {receiver_.Url("/other")}));
  ASSERT_TRUE(dispatcher->WaitUntilDrained(10s));
  ASSERT_EQ(dispatcher->Log().size(), 1u);

  receiver_.HoldRequests("/hook");
  for (std::uint64_t i = 2; i <= 5; ++i) dispatcher->Enqueue(Event(i, {receiver_.Url("/hook")}));
  ASSERT_TRUE(receiver_.WaitForHanging(1));  // event 2 in flight, 3 to 5 queued behind it
  dispatcher->Reset();
  EXPECT_TRUE(dispatcher->Log().empty());
  EXPECT_EQ(dispatcher->Pending(), 0u);
  EXPECT_TRUE(dispatcher->WaitUntilDrained(0ms));

  // A later event to the same URL waits for the attempt in flight, which is not logged.
  dispatcher->Enqueue(Event(6, {receiver_.Url("/hook")}));
  receiver_.Release();
  ASSERT_TRUE(dispatcher->WaitUntilDrained(10s));
  auto received = receiver_.Received("/hook");
  ASSERT_EQ(received.size(), 2u);
  EXPECT_EQ(SequenceOf(received[0]), 2u);
  EXPECT_EQ(SequenceOf(received[1]), 6u);
  auto log = dispatcher->Log();
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].event_sequence, 6u);
}

TEST_F(CallbackDispatcherTest, AUrlsQueueIsBoundedWhileItsReceiverIsStuck) {
  auto options = FastOptions();
  options.attempt_timeout = 30s;
  auto dispatcher = Make(options);
  receiver_.HoldRequests("/hook");
  dispatcher->Enqueue(Event(1, {receiver_.Url("/hook")}));
  ASSERT_TRUE(receiver_.WaitForHanging(1));  // in flight: no longer queued
  auto const limit = CallbackDispatcher::kMaxPendingPerUrl;
  for (std::uint64_t i = 2; i <= limit + 2; ++i) dispatcher->Enqueue(Event(i, {receiver_.Url("/hook")}));
  dispatcher->Enqueue(Event(limit + 3, {receiver_.Url("/other")}));
  // Other URLs still go; and once /other got its event, every earlier one was dispatched.
  ASSERT_EQ(receiver_.WaitForRequests("/other", 1).size(), 1u);
  EXPECT_GE(dispatcher->Pending(), limit + 1);  // the held one and a full queue (and /other's
  EXPECT_LE(dispatcher->Pending(), limit + 2);  // delivery, until its answer is logged)
  auto log = dispatcher->Log();
  ASSERT_GE(log.size(), 1u);
  EXPECT_EQ(log[0].event_sequence, limit + 2);
  EXPECT_EQ(log[0].outcome, "failed");
  EXPECT_EQ(log[0].attempt, 0);
  EXPECT_EQ(log[0].error, "dropped: 10000 callbacks already pending for this URL");
  dispatcher->Reset();
  receiver_.Release();
}

TEST_F(CallbackDispatcherTest, TheLogKeepsTheNewestEntries) {
  auto options = FastOptions();
  options.log_capacity = 3;
  auto dispatcher = Make(options);
  for (std::uint64_t i = 1; i <= 5; ++i) dispatcher->Enqueue(Event(i, {receiver_.Url("/hook")}));
  ASSERT_TRUE(dispatcher->WaitUntilDrained(10s));
  auto log = dispatcher->Log();
  ASSERT_EQ(log.size(), 3u);
  EXPECT_EQ(log[0].event_sequence, 3u);
  EXPECT_EQ(log[2].event_sequence, 5u);
}

TEST_F(CallbackDispatcherTest, BackoffDoublesUpToItsCap) {
  // Lower bounds only (a loaded machine makes gaps longer, never shorter): 20 ms, then 40 ms
  // capped at 30 ms, then 30 ms, measured by a wall source on the steady clock.
  auto options = FastOptions();
  options.first_backoff = 20ms;
  options.max_backoff = 30ms;
  options.max_attempts = 4;
  CallbackDispatcher dispatcher(options, Body, [] {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
  });
  receiver_.Script("/hook", {500, 500, 500});
  dispatcher.Enqueue(Event(1, {receiver_.Url("/hook")}));
  ASSERT_TRUE(dispatcher.WaitUntilDrained(10s));
  auto log = dispatcher.Log();
  ASSERT_EQ(log.size(), 4u);
  EXPECT_GE(log[1].attempted_at_ms - log[0].attempted_at_ms, 20);
  EXPECT_GE(log[2].attempted_at_ms - log[1].attempted_at_ms, 30);
  EXPECT_GE(log[3].attempted_at_ms - log[2].attempted_at_ms, 30);
  EXPECT_EQ(log[3].outcome, "delivered");
}

TEST(CallbackDispatcherOptionsTest, RejectsOptionsThatCannotWork) {
  auto make = [](CallbackOptions options) {
    CallbackDispatcher dispatcher(options, Body, [] { return std::int64_t{0}; });
  };
  CallbackOptions no_attempts;
  no_attempts.max_attempts = 0;
  EXPECT_THROW(make(no_attempts), std::invalid_argument);
  CallbackOptions no_timeout;
  no_timeout.attempt_timeout = 0ms;
  EXPECT_THROW(make(no_timeout), std::invalid_argument);
  EXPECT_NO_THROW(make(CallbackOptions{}));
}

}  // namespace
}  // namespace opentok_mock::testing
