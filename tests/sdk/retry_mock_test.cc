// The retry policy over the network: the built-in transport's classification of its
// failures (refused and TLS failures surely unsent, a lost answer maybe sent), and retries
// against the in-process mock server with injected faults: a 503 on GetArchive is retried,
// a closed connection on StartArchive is not (the mock saw one start), and a rate limit's
// 429 waits exactly its Retry-After, through a sleeper that moves the mock's clock instead
// of sleeping.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <mutex>
#include <string>
#include <vector>

#include "loopback_server.h"
#include "opentok/opentok.h"
#include "opentok_mock/gtest.h"

namespace opentok {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr std::int64_t kKey = 123456;
constexpr char kSecret[] = "retry-test-secret-0123456789";

// Records every wait and hands it to `on_wait` (here: the mock's clock moves on).
class RecordingSleeper final : public Sleeper {
 public:
  explicit RecordingSleeper(std::function<void(milliseconds)> on_wait = {}) : on_wait_(std::move(on_wait)) {}
  void SleepFor(milliseconds duration) override {
    {
      std::lock_guard lock(mu_);
      waits_.push_back(duration);
    }
    if (on_wait_) on_wait_(duration);
  }
  std::vector<milliseconds> waits() const {
    std::lock_guard lock(mu_);
    return waits_;
  }

 private:
  mutable std::mutex mu_;
  std::vector<milliseconds> waits_;
  std::function<void(milliseconds)> on_wait_;
};

RetryPolicy FourAttempts() {
  RetryPolicy policy;
  policy.max_attempts = 4;
  policy.total_budget = seconds(120);
  policy.initial_backoff = milliseconds(100);
  policy.jitter = 0.0;
  return policy;
}

ClientOptions Options(std::string url, RetryPolicy policy, std::shared_ptr<Sleeper> sleeper) {
  ClientOptions options;
  options.api_url = std::move(url);
  options.connect_timeout = seconds(2);
  options.request_timeout = seconds(5);
  options.retry = policy;
  options.sleeper = std::move(sleeper);
  return options;
}

// ---- the built-in transport says whether a failed request may have been sent ----

TEST(TransportFailureClassification, ARefusedConnectionSurelyDidNotSendAndIsRetriedEvenForAStart) {
  testing_util::RefusingPort port;
  auto sleeper = std::make_shared<RecordingSleeper>();
  OpenTok client(kKey, kSecret, Options("http://127.0.0.1:" + std::to_string(port.port()), FourAttempts(), sleeper));
  try {
    client.StartArchive("a-session", StartArchiveOptions{});
    FAIL() << "expected TransportException";
  } catch (TransportException const& e) {
    EXPECT_FALSE(e.request_may_have_been_sent());
    EXPECT_THAT(e.what(), HasSubstr("StartArchive (4 attempts) failed"));
    EXPECT_THAT(e.what(), ::testing::Not(HasSubstr(kSecret)));
  }
  EXPECT_EQ(sleeper->waits().size(), 3u);
}

TEST(TransportFailureClassification, AFailedTlsHandshakeSurelyDidNotSend) {
  testing_util::LoopbackServer plain([](httplib::Server& server) {
    server.Get(".*", [](httplib::Request const&, httplib::Response& res) { res.set_content("{}", "application/json"); });
  });
  OpenTok client(kKey, kSecret,
                 Options("https://127.0.0.1:" + std::to_string(plain.port()), RetryPolicy{}, nullptr));
  try {
    client.GetArchive("x");
    FAIL() << "expected TransportException";
  } catch (TransportException const& e) {
    EXPECT_FALSE(e.request_may_have_been_sent()) << e.what();
  }
}

TEST(TransportFailureClassification, NoAnswerAfterSendingMayHaveBeenSent) {
  testing_util::SilentListener listener;
  auto options = Options("http://127.0.0.1:" + std::to_string(listener.port()), RetryPolicy{}, nullptr);
  options.request_timeout = milliseconds(200);
  OpenTok client(kKey, kSecret, options);
  try {
    client.StartArchive("a-session", StartArchiveOptions{});
    FAIL() << "expected TransportException";
  } catch (TransportException const& e) {
    EXPECT_TRUE(e.request_may_have_been_sent()) << e.what();
  }
}

// ---- against the mock with injected faults ----

opentok_mock::MockServerOptions FrozenClock() {
  opentok_mock::MockServerOptions options;
  options.service.frozen_clock = true;
  return options;
}

class RetryAgainstMock : public opentok_mock::MockServerTest {
 protected:
  RetryAgainstMock() : MockServerTest(FrozenClock()) {}

  // A client whose waits move the mock's clock forward instead of sleeping.
  OpenTok Client(RetryPolicy policy) {
    return OpenTok(api_key(), api_secret(), Options(mock_url(), policy, sleeper_));
  }

  // A routed session with a publishing client, ready to be archived.
  std::string PublishingSession(OpenTok const& client) {
    SessionOptions options;
    options.media_mode = MediaMode::kRouted;
    std::string session_id = client.CreateSession(options).id;
    auto connection = mock().Connect(session_id, client.GenerateToken(session_id));
    if (!connection.ok()) {
      ADD_FAILURE() << "the mock refused the SDK's token: " << connection.error().message;
      return session_id;
    }
    EXPECT_TRUE(mock().Publish(session_id, connection->connection_id, {}).ok());
    return session_id;
  }

  opentok_mock::FaultScript Fault(std::string operation, opentok_mock::FaultAction action) {
    opentok_mock::FaultScript script;
    script.operation = std::move(operation);
    script.action = std::move(action);
    script.times = 1;
    return script;
  }

  std::vector<opentok_mock::JournalEntry> Journal(std::string const& operation) {
    auto entries = mock().journal().Snapshot();
    std::erase_if(entries, [&](auto const& entry) { return entry.operation != operation; });
    return entries;
  }

  std::shared_ptr<RecordingSleeper> sleeper_ =
      std::make_shared<RecordingSleeper>([this](milliseconds wait) { AdvanceClock(wait); });
};

TEST_F(RetryAgainstMock, A503OnGetArchiveIsRetriedAndTheSecondAttemptSucceeds) {
  OpenTok client = Client(FourAttempts());
  std::string archive_id = client.StartArchive(PublishingSession(client), StartArchiveOptions{}).id;
  opentok_mock::FaultAction unavailable;
  unavailable.type = opentok_mock::FaultType::kError;
  unavailable.status = 503;
  ASSERT_TRUE(mock_server().faults().Add(Fault("archive.get", unavailable)).ok());

  EXPECT_EQ(client.GetArchive(archive_id).id, archive_id);

  auto gets = Journal("archive.get");
  ASSERT_EQ(gets.size(), 2u);
  EXPECT_EQ(gets[0].status, 503);
  EXPECT_THAT(gets[0].fault, HasSubstr(":error"));
  EXPECT_EQ(gets[1].status, 200);
  EXPECT_EQ(gets[1].fault, "");
  EXPECT_THAT(sleeper_->waits(), ElementsAre(milliseconds(100)));
}

TEST_F(RetryAgainstMock, AConnectionClosedOnStartArchiveIsNotRetriedAndTheMockSawOneStart) {
  OpenTok client = Client(FourAttempts());
  std::string session_id = PublishingSession(client);
  opentok_mock::FaultAction close;
  close.type = opentok_mock::FaultType::kClose;
  ASSERT_TRUE(mock_server().faults().Add(Fault("archive.start", close)).ok());

  try {
    client.StartArchive(session_id, StartArchiveOptions{});
    FAIL() << "expected TransportException";
  } catch (TransportException const& e) {
    EXPECT_TRUE(e.request_may_have_been_sent()) << e.what();
    EXPECT_THAT(e.what(), HasSubstr("StartArchive failed"));
  }
  EXPECT_EQ(Journal("archive.start").size(), 1u);
  EXPECT_TRUE(sleeper_->waits().empty());
  // Nothing was retried behind the caller's back; asking again is the caller's choice.
  EXPECT_EQ(client.ListArchives(0, 50, session_id).items.size(), 0u);
}

TEST_F(RetryAgainstMock, A429WaitsItsRetryAfterThenSucceeds) {
  OpenTok client = Client(FourAttempts());
  opentok_mock::RateLimit limit;
  limit.project = api_key();
  limit.requests = 1;
  limit.window_ms = 60'000;
  limit.operation = "archive.list";
  ASSERT_TRUE(mock_server().faults().SetRateLimit(limit).ok());

  client.ListArchives();  // the window's one request
  client.ListArchives();  // refused with Retry-After: 60, then admitted in the next window

  auto lists = Journal("archive.list");
  ASSERT_EQ(lists.size(), 3u);
  EXPECT_EQ(lists[1].status, 429);
  EXPECT_EQ(lists[1].fault, "rate-limit");
  EXPECT_EQ(lists[2].status, 200);
  EXPECT_THAT(sleeper_->waits(), ElementsAre(seconds(60)));
}

TEST_F(RetryAgainstMock, WithoutAPolicyThe503IsTheAnswer) {
  OpenTok client = Client(RetryPolicy{});
  opentok_mock::FaultAction unavailable;
  unavailable.type = opentok_mock::FaultType::kError;
  unavailable.status = 503;
  ASSERT_TRUE(mock_server().faults().Add(Fault("archive.list", unavailable)).ok());
  try {
    client.ListArchives();
    FAIL() << "expected HTTP 503";
  } catch (RequestException const& e) {
    EXPECT_EQ(e.http_status(), 503);
  }
  EXPECT_EQ(Journal("archive.list").size(), 1u);
}

}  // namespace
}  // namespace opentok
