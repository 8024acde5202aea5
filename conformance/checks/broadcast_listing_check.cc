// Broadcast listing: newest first, offset/count paging with the total count, the session
// filter, the default page without `count`.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "broadcast_tracker.h"
#include "conformance_test.h"

namespace opentok::conformance {
namespace {

// Broadcasts started and stopped one after another in two sessions of a project of their
// own (on a mock), so every count is exact.
class BroadcastListingTest : public ConformanceTest {
 protected:
  void SetUp() override {
    if (!target().has_control_plane()) {
      GTEST_SKIP() << "needs the mock's control plane (an isolated project with connected clients); "
                      "on live, listing is covered by the broadcast transition checks' session filter";
    }
    credentials_ = target().NewCredentials();
    client_.emplace(target().Client(credentials_));
  }

  std::string RoutedSessionWithPublisher() {
    std::string session_id = client_->CreateSession("", MediaMode::kRouted).id;
    auto connection =
        target().control().Connect(session_id, target().TokenClient(credentials_).GenerateToken(session_id));
    target().control().Publish(session_id, connection.connection_id);
    return session_id;
  }

  // Starts and stops `n` broadcasts of `session_id`; returns their ids, oldest first.
  std::vector<std::string> StartAndStop(std::string const& session_id, int n) {
    std::vector<std::string> ids;
    for (int i = 0; i < n; ++i) {
      auto broadcast = StartTrackedBroadcast(*client_, credentials_, session_id, SuiteBroadcastOptions());
      client_->StopBroadcast(broadcast.id);
      // One mock second apart, so creation times order them strictly.
      target().control().Advance(1);
      ids.push_back(broadcast.id);
    }
    return ids;
  }

  static std::vector<std::string> Ids(BroadcastList const& list) {
    std::vector<std::string> ids;
    for (auto const& broadcast : list.items) ids.push_back(broadcast.id);
    return ids;
  }

  Credentials credentials_;
  std::optional<OpenTok> client_;
};

TEST_F(BroadcastListingTest, NewestFirstWithOffsetAndCount) {
  std::string a = RoutedSessionWithPublisher();
  std::string b = RoutedSessionWithPublisher();
  auto first = StartAndStop(a, 2);
  auto second = StartAndStop(b, 2);
  auto third = StartAndStop(a, 1);
  std::vector<std::string> newest_first{third[0], second[1], second[0], first[1], first[0]};
  BroadcastList all = client_->ListBroadcasts();
  EXPECT_EQ(all.total_count, 5);
  EXPECT_EQ(Ids(all), newest_first);
  for (std::size_t i = 1; i < all.items.size(); ++i) {
    EXPECT_GE(all.items[i - 1].created_at, all.items[i].created_at) << "not newest first at " << i;
  }
  BroadcastList page = client_->ListBroadcasts(1, 2);
  EXPECT_EQ(page.total_count, 5) << "count is the total, not the page size";
  EXPECT_EQ(Ids(page), (std::vector<std::string>{second[1], second[0]}));
  EXPECT_TRUE(client_->ListBroadcasts(5, 10).items.empty()) << "an offset past the end is an empty page";
}

TEST_F(BroadcastListingTest, SessionFilter) {
  std::string a = RoutedSessionWithPublisher();
  std::string b = RoutedSessionWithPublisher();
  auto in_a = StartAndStop(a, 3);
  StartAndStop(b, 2);
  BroadcastList only_a = client_->ListBroadcasts(0, 50, a);
  EXPECT_EQ(only_a.total_count, 3);
  EXPECT_EQ(Ids(only_a), (std::vector<std::string>{in_a[2], in_a[1], in_a[0]}));
  for (auto const& broadcast : only_a.items) EXPECT_EQ(broadcast.session_id, a);
  EXPECT_EQ(client_->ListBroadcasts(1, 1, a).items.at(0).id, in_a[1]);
}

TEST_F(BroadcastListingTest, StartedAndStoppedAreListedWithTheirStatus) {
  std::string session_id = RoutedSessionWithPublisher();
  auto stopped = StartAndStop(session_id, 1);
  auto started = StartTrackedBroadcast(*client_, credentials_, session_id, SuiteBroadcastOptions());
  BroadcastList list = client_->ListBroadcasts(0, 10, session_id);
  ASSERT_EQ(list.items.size(), 2u);
  EXPECT_EQ(list.items[0].id, started.id);
  EXPECT_EQ(list.items[0].status, BroadcastStatus::kStarted);
  EXPECT_EQ(list.items[1].id, stopped[0]);
  EXPECT_EQ(list.items[1].status, BroadcastStatus::kStopped);
}

TEST_F(BroadcastListingTest, DefaultPageAndCountBounds) {
  std::string session_id = RoutedSessionWithPublisher();
  StartAndStop(session_id, 51);
  // Without `count` the service answers its default page of 50.
  RestClient rest = target().Rest(credentials_);
  HttpResponse response = rest.Get(rest.ProjectPath() + "/broadcast");
  ASSERT_EQ(response.status, 200) << response.body;
  auto body = nlohmann::json::parse(response.body);
  EXPECT_EQ(body.at("count").get<int>(), 51);
  EXPECT_EQ(body.at("items").size(), 50u);
  // The SDK's ListBroadcasts() asks for the maximum page, 1000.
  EXPECT_EQ(client_->ListBroadcasts().items.size(), 51u);
  int before = target().recorder().request_count();
  EXPECT_THROW(client_->ListBroadcasts(0, 1001), ArgumentException);
  EXPECT_THROW(client_->ListBroadcasts(0, 0), ArgumentException);
  EXPECT_THROW(client_->ListBroadcasts(-1, 10), ArgumentException);
  EXPECT_EQ(target().recorder().request_count(), before) << "an invalid page reached the network";
  // The server's own bounds, at the wire level.
  for (char const* query : {"?count=1001", "?offset=-1", "?count=many"}) {
    EXPECT_EQ(rest.Get(rest.ProjectPath() + "/broadcast" + query).status, 400) << query;
  }
}

}  // namespace
}  // namespace opentok::conformance
