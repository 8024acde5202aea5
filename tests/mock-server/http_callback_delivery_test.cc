// Callback delivery through a running MockServer: service events POSTed to a loopback
// receiver in order, the REST API unaffected by a receiver that hangs, refused hosts, the
// delivery log and the wait call (C++ and control plane), sinks, reset, and timer-driven
// callbacks that arrive without a REST call.

#include <mutex>
#include <vector>

#include "callback_receiver.h"
#include "http_fixture.h"

namespace opentok_mock::testing {
namespace {

using namespace std::chrono_literals;

MockServerOptions DeliveryOptions(bool frozen = true) {
  auto options = FrozenSeededOptions();
  options.service.frozen_clock = frozen;
  options.callbacks.max_attempts = 2;
  options.callbacks.first_backoff = 1ms;
  options.callbacks.attempt_timeout = 30s;  // a held request ends when the test releases it
  return options;
}

std::vector<std::string> EventNames(std::vector<CallbackReceiver::Request> const& requests) {
  std::vector<std::string> names;
  for (auto const& request : requests) {
    names.push_back(nlohmann::json::parse(request.body).value("event", std::string("?")));
  }
  return names;
}

class CallbackDeliveryTest : public HttpTest {
 protected:
  explicit CallbackDeliveryTest(MockServerOptions options = DeliveryOptions()) : HttpTest(std::move(options)) {}

  void SetUrl(CallbackGroup group, std::string const& url) {
    ASSERT_TRUE(server_.service().SetCallbackUrl(key(), group, url));
  }

  nlohmann::json Deliveries(std::string const& query = {}) {
    return Json(client_.Get("/_mock/callbacks/deliveries" + query));
  }

  CallbackReceiver receiver_;
};

TEST_F(CallbackDeliveryTest, SessionMonitoringCallbacksArriveInTheOrderThingsHappened) {
  SetUrl(CallbackGroup::kSessionMonitoring, receiver_.Url("/monitoring"));
  auto session = CreateSession();
  auto connection = Connect(session);
  auto stream = Publish(session, connection);
  ASSERT_EQ(client_.Delete("/_mock/sessions/" + session + "/streams/" + stream)->status, 204);
  ASSERT_EQ(client_.Delete("/_mock/sessions/" + session + "/connections/" + connection)->status, 204);
  ASSERT_TRUE(server_.WaitForCallbacks(10s));

  auto received = receiver_.Received("/monitoring");
  EXPECT_EQ(EventNames(received), (std::vector<std::string>{"sessionCreated", "connectionCreated", "streamCreated",
                                                            "streamDestroyed", "connectionDestroyed",
                                                            "sessionDestroyed"}));
  for (auto const& request : received) EXPECT_EQ(request.content_type, "application/json");
  auto log = server_.CallbackLog();
  ASSERT_EQ(log.size(), 6u);
  for (std::size_t i = 0; i < log.size(); ++i) {
    EXPECT_EQ(log[i].outcome, "delivered");
    EXPECT_EQ(log[i].api_key, key());
    EXPECT_EQ(log[i].url, receiver_.Url("/monitoring"));
    if (i > 0) {
      EXPECT_LT(log[i - 1].event_sequence, log[i].event_sequence);
    }
  }
}

TEST_F(CallbackDeliveryTest, RestCallsReturnWhileTheReceiverIsStillHoldingACallback) {
  SetUrl(CallbackGroup::kArchive, receiver_.Url("/archive"));
  receiver_.HoldRequests("/archive");
  auto session = CreateSession();
  Publish(session, Connect(session));
  auto started = StartArchive({{"sessionId", session}});
  ASSERT_TRUE(started);
  ASSERT_EQ(started->status, 200) << started->body;
  ASSERT_TRUE(receiver_.WaitForHanging(1));  // the "started" callback is being held

  auto archive_id = Json(started)["id"].get<std::string>();
  auto stopped = client_.Post(Project() + "/archive/" + archive_id + "/stop", Auth(), "", "application/json");
  ASSERT_TRUE(stopped);
  EXPECT_EQ(stopped->status, 200) << stopped->body;
  auto listed = client_.Get(Project() + "/archive", Auth());
  ASSERT_TRUE(listed);
  EXPECT_EQ(listed->status, 200);
  EXPECT_EQ(receiver_.Received("/archive").size(), 1u);  // still held: "stopped" waits behind it
  EXPECT_FALSE(server_.WaitForCallbacks(0ms));

  receiver_.Release();
  ASSERT_TRUE(server_.WaitForCallbacks(10s));
  auto received = receiver_.Received("/archive");
  ASSERT_GE(received.size(), 2u);
  EXPECT_EQ(nlohmann::json::parse(received[0].body)["status"], "started");
  EXPECT_EQ(nlohmann::json::parse(received[1].body)["status"], "stopped");
}

TEST_F(CallbackDeliveryTest, ARefusedHostIsLoggedAndNeverContacted) {
  SetUrl(CallbackGroup::kSessionMonitoring, "https://hooks.example.com/opentok?token=abc");
  Connect(CreateSession());
  ASSERT_TRUE(server_.WaitForCallbacks(10s));
  auto deliveries = Deliveries("?event=connectionCreated");
  ASSERT_EQ(deliveries["count"], 1);
  auto entry = deliveries["items"][0];
  EXPECT_EQ(entry["outcome"], "refused");
  EXPECT_EQ(entry["attempt"], 0);
  EXPECT_EQ(entry["url"], "https://hooks.example.com/opentok?token=[redacted]");
  EXPECT_TRUE(entry["status"].is_null());
  EXPECT_EQ(entry["apiKey"], key());
  EXPECT_EQ(entry["event"], "connectionCreated");
  EXPECT_TRUE(entry["eventSequence"].is_number_unsigned());
  EXPECT_EQ(entry["eventAt"], server_.service().NowMs());
  EXPECT_TRUE(entry["attemptedAt"].is_number_integer());
  EXPECT_FALSE(entry["error"].get<std::string>().empty());
}

TEST_F(CallbackDeliveryTest, TheDeliveryLogFiltersByEventUrlAndOutcome) {
  SetUrl(CallbackGroup::kSessionMonitoring, receiver_.Url("/monitoring"));
  receiver_.Script("/monitoring", {500});
  Connect(CreateSession());
  ASSERT_TRUE(server_.WaitForCallbacks(10s));
  EXPECT_EQ(Deliveries()["count"], 3);  // sessionCreated twice (500, then 200), connectionCreated
  EXPECT_EQ(Deliveries("?event=sessionCreated")["count"], 2);
  EXPECT_EQ(Deliveries("?outcome=retrying")["items"][0]["status"], 500);
  EXPECT_EQ(Deliveries("?url=" + httplib::detail::encode_query_param(receiver_.Url("/monitoring")))["count"], 3);
  EXPECT_EQ(Deliveries("?url=http%3A%2F%2F127.0.0.1%3A1%2F")["count"], 0);
}

TEST_F(CallbackDeliveryTest, TheWaitCallAnswers200WhenDrainedAnd504WithThePendingCount) {
  auto wait = [&](std::string const& query) { return client_.Post("/_mock/callbacks/wait" + query, "", "text/plain"); };
  auto idle = wait("");
  ASSERT_TRUE(idle);
  EXPECT_EQ(idle->status, 200);
  EXPECT_EQ(Json(idle), (nlohmann::json{{"pending", 0}}));

  SetUrl(CallbackGroup::kSessionMonitoring, receiver_.Url("/monitoring"));
  receiver_.HoldRequests("/monitoring");
  Connect(CreateSession());
  ASSERT_TRUE(receiver_.WaitForHanging(1));
  auto busy = wait("?timeoutMs=10");
  ASSERT_TRUE(busy);
  EXPECT_EQ(busy->status, 504);
  EXPECT_EQ(Json(busy)["pending"], 2);  // sessionCreated held, connectionCreated behind it

  receiver_.Release();
  auto drained = wait("?timeoutMs=10000");
  ASSERT_TRUE(drained);
  EXPECT_EQ(drained->status, 200);
  EXPECT_EQ(receiver_.Received("/monitoring").size(), 2u);

  for (auto const* bad : {"?timeoutMs=-1", "?timeoutMs=300001", "?timeoutMs=1s", "?timeoutMs="}) {
    ExpectError(wait(bad), 400, "timeoutMs");
  }
}

TEST_F(CallbackDeliveryTest, SinksSeeEveryEventWithItsBodyInOrder) {
  std::mutex mutex;
  std::vector<std::string> events;
  std::vector<std::string> bodies;
  server_.AddCallbackSink([&](CallbackMessage const& message) {
    std::lock_guard lock(mutex);
    events.emplace_back(EventName(message.event));
    bodies.emplace_back(message.body);
  });
  auto session = CreateSession();  // no callback URL anywhere: sinks still see the events
  auto connection = Connect(session);
  Publish(session, connection);
  ASSERT_TRUE(server_.WaitForCallbacks(10s));
  std::lock_guard lock(mutex);
  EXPECT_EQ(events, (std::vector<std::string>{"sessionCreated", "connectionCreated", "streamCreated"}));
  ASSERT_EQ(bodies.size(), 3u);
  auto stream_created = nlohmann::json::parse(bodies[2]);
  EXPECT_EQ(stream_created["event"], "streamCreated");
  EXPECT_EQ(stream_created["sessionId"], session);
  EXPECT_TRUE(server_.CallbackLog().empty());
}

TEST_F(CallbackDeliveryTest, ResetDropsTheLogAndPendingDeliveries) {
  SetUrl(CallbackGroup::kSessionMonitoring, receiver_.Url("/monitoring"));
  Connect(CreateSession());
  ASSERT_TRUE(server_.WaitForCallbacks(10s));
  ASSERT_EQ(Deliveries()["count"], 2);

  receiver_.HoldRequests("/monitoring");
  Connect(CreateSession());  // sessionCreated held, connectionCreated pending
  ASSERT_TRUE(receiver_.WaitForHanging(1));
  ASSERT_EQ(client_.Post("/_mock/reset", "", "text/plain")->status, 204);
  EXPECT_EQ(Deliveries()["count"], 0);
  EXPECT_TRUE(server_.WaitForCallbacks(0ms));
  receiver_.Release();

  // Callback URLs are project configuration and survive the reset.
  Connect(CreateSession());
  ASSERT_TRUE(server_.WaitForCallbacks(10s));
  auto names = EventNames(receiver_.Received("/monitoring"));
  EXPECT_EQ(names, (std::vector<std::string>{"sessionCreated", "connectionCreated", "sessionCreated",
                                             "sessionCreated", "connectionCreated"}));
  EXPECT_EQ(Deliveries()["count"], 2);
}

class RunningClockDeliveryTest : public CallbackDeliveryTest {
 protected:
  static MockServerOptions Options() {
    auto options = DeliveryOptions(false);
    options.service.archive_processing_delay_s = 0;  // due as soon as the archive stops
    return options;
  }
  RunningClockDeliveryTest() : CallbackDeliveryTest(Options()) {}
};

TEST_F(RunningClockDeliveryTest, TimerDrivenChangesAreCalledBackWithoutAnotherRestCall) {
  SetUrl(CallbackGroup::kArchive, receiver_.Url("/archive"));
  auto session = CreateSession();
  Publish(session, Connect(session));
  auto started = StartArchive({{"sessionId", session}});
  ASSERT_TRUE(started);
  auto archive_id = Json(started)["id"].get<std::string>();
  auto stopped = client_.Post(Project() + "/archive/" + archive_id + "/stop", Auth(), "", "application/json");
  ASSERT_TRUE(stopped);
  ASSERT_EQ(stopped->status, 200) << stopped->body;

  // Nothing calls the API from here on: the ticker fires the processing timer.
  auto received = receiver_.WaitForRequests("/archive", 3);
  std::vector<std::string> statuses;
  for (auto const& request : received) statuses.push_back(nlohmann::json::parse(request.body)["status"].get<std::string>());
  EXPECT_EQ(statuses, (std::vector<std::string>{"started", "stopped", "available"}));
}

TEST(CallbackOptionsTest, MockServerRejectsCallbackOptionsThatCannotWork) {
  auto options = FrozenSeededOptions();
  options.callbacks.max_attempts = 0;
  EXPECT_THROW(MockServer{options}, std::invalid_argument);
}

}  // namespace
}  // namespace opentok_mock::testing
