// Archive listing: offset/count paging, newest first, the session filter, the count cap.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "archive_tracker.h"
#include "conformance_test.h"

namespace opentok::conformance {
namespace {

// Archives started and stopped one after another in two sessions of a project of their
// own (on a mock), so every count is exact.
class ListingTest : public ConformanceTest {
 protected:
  void SetUp() override {
    if (!target().has_control_plane()) {
      GTEST_SKIP() << "needs the mock's control plane (an isolated project with connected clients); "
                      "on live, listing is covered by the archive transition checks' session filter";
    }
    credentials_ = target().NewCredentials();
    client_.emplace(target().Client(credentials_));
  }

  std::string RecordingSession() {
    std::string session_id = client_->CreateSession("", MediaMode::kRouted).id;
    auto connection =
        target().control().Connect(session_id, target().TokenClient(credentials_).GenerateToken(session_id));
    target().control().Publish(session_id, connection.connection_id);
    return session_id;
  }

  // Starts and stops `n` archives in `session_id`; returns their ids, oldest first.
  std::vector<std::string> Record(std::string const& session_id, int n) {
    std::vector<std::string> ids;
    for (int i = 0; i < n; ++i) {
      Archive archive = client_->StartArchive(session_id, "archive " + std::to_string(i));
      ArchiveTracker::Instance().Track(credentials_, archive.id);
      client_->StopArchive(archive.id);
      // One mock second apart, so creation times order them strictly.
      target().control().Advance(1);
      ids.push_back(archive.id);
    }
    return ids;
  }

  static std::vector<std::string> Ids(ArchiveList const& list) {
    std::vector<std::string> ids;
    for (auto const& archive : list.items) ids.push_back(archive.id);
    return ids;
  }

  Credentials credentials_;
  std::optional<OpenTok> client_;
};

TEST_F(ListingTest, NewestFirstWithOffsetAndCount) {
  std::string a = RecordingSession();
  std::string b = RecordingSession();
  auto first = Record(a, 2);
  auto second = Record(b, 2);
  auto third = Record(a, 1);
  // Oldest first: first[0], first[1], second[0], second[1], third[0].
  std::vector<std::string> newest_first{third[0], second[1], second[0], first[1], first[0]};
  ArchiveList all = client_->ListArchives();
  EXPECT_EQ(all.total_count, 5);
  EXPECT_EQ(Ids(all), newest_first);
  for (std::size_t i = 1; i < all.items.size(); ++i) {
    EXPECT_GE(all.items[i - 1].created_at, all.items[i].created_at) << "not newest first at " << i;
  }
  ArchiveList page = client_->ListArchives(1, 2);
  EXPECT_EQ(page.total_count, 5) << "count is the total, not the page size";
  EXPECT_EQ(Ids(page), (std::vector<std::string>{second[1], second[0]}));
  EXPECT_TRUE(client_->ListArchives(5, 10).items.empty()) << "an offset past the end is an empty page";
}

TEST_F(ListingTest, SessionFilter) {
  std::string a = RecordingSession();
  std::string b = RecordingSession();
  auto in_a = Record(a, 3);
  Record(b, 2);
  ArchiveList only_a = client_->ListArchives(0, 50, a);
  EXPECT_EQ(only_a.total_count, 3);
  EXPECT_EQ(Ids(only_a), (std::vector<std::string>{in_a[2], in_a[1], in_a[0]}));
  for (auto const& archive : only_a.items) EXPECT_EQ(archive.session_id, a);
  EXPECT_EQ(client_->ListArchives(1, 1, a).items.at(0).id, in_a[1]);
}

TEST_F(ListingTest, DefaultPageAndCountCap) {
  std::string session_id = RecordingSession();
  Record(session_id, 51);
  // Without `count` the service answers its default page of 50.
  RestClient rest = target().Rest(credentials_);
  HttpResponse response = rest.Get(rest.ProjectPath() + "/archive");
  ASSERT_EQ(response.status, 200) << response.body;
  auto body = nlohmann::json::parse(response.body);
  EXPECT_EQ(body.at("count").get<int>(), 51);
  EXPECT_EQ(body.at("items").size(), 50u);
  // The SDK's ListArchives() asks for the maximum page, 1000.
  EXPECT_EQ(client_->ListArchives().items.size(), 51u);
  EXPECT_THROW(client_->ListArchives(0, 1001), ArgumentException);
}

TEST_F(ListingTest, DeletedArchivesAreNotListed) {
  std::string session_id = RecordingSession();
  auto ids = Record(session_id, 2);
  target().control().Advance(3600);  // past processing: both available
  client_->DeleteArchive(ids[0]);
  ArchiveList list = client_->ListArchives(0, 50, session_id);
  EXPECT_EQ(list.total_count, 1);
  EXPECT_EQ(Ids(list), (std::vector<std::string>{ids[1]}));
}

}  // namespace
}  // namespace opentok::conformance
