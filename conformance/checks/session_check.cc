// Session ids decode to the API key (as the official SDKs decode them); routed, relayed and
// archiveMode=always sessions behave as specified.
#include <gtest/gtest.h>

#include "archive_tracker.h"
#include "conformance_test.h"
#include "token_inspector.h"

namespace opentok::conformance {
namespace {

std::vector<std::string> Fields(std::string const& payload) {
  std::vector<std::string> fields;
  std::size_t start = 0;
  for (auto tilde = payload.find('~'); tilde != std::string::npos; tilde = payload.find('~', start)) {
    fields.push_back(payload.substr(start, tilde - start));
    start = tilde + 1;
  }
  fields.push_back(payload.substr(start));
  return fields;
}

struct SessionCase {
  char const* name;
  std::string location;
  MediaMode media_mode;
  ArchiveMode archive_mode;
};
void PrintTo(SessionCase const& c, std::ostream* os) { *os << c.name; }

class SessionIdTest : public ConformanceTest, public ::testing::WithParamInterface<SessionCase> {};

TEST_P(SessionIdTest, DecodesToTheApiKey) {
  auto const& c = GetParam();
  Session session = target().Client().CreateSession(c.location, c.media_mode, c.archive_mode);
  EXPECT_EQ(session.media_mode, c.media_mode);
  EXPECT_EQ(session.archive_mode, c.archive_mode);
  ASSERT_GT(session.id.size(), 2u);
  EXPECT_TRUE(session.id.starts_with("1_") || session.id.starts_with("2_")) << session.id;
  EXPECT_LE(session.id.size(), 255u);
  // The .NET SDK splits on '_' and needs exactly two parts.
  EXPECT_EQ(session.id.find('_', 2), std::string::npos) << "payload contains '_'";
  auto payload = DecodeSessionIdPayload(session.id);
  ASSERT_TRUE(payload.has_value()) << "the payload is not base64url";
  auto fields = Fields(*payload);
  ASSERT_GE(fields.size(), 3u) << *payload;
  EXPECT_EQ(fields[0], "1");
  EXPECT_EQ(fields[1], target().credentials().api_key);
  // Only the mock promises to echo the location hint into the id; the live service may not.
  if (target().has_control_plane()) {
    EXPECT_EQ(fields[2], c.location);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Kinds, SessionIdTest,
    ::testing::Values(SessionCase{"relayed", "", MediaMode::kRelayed, ArchiveMode::kManual},
                      SessionCase{"routed", "", MediaMode::kRouted, ArchiveMode::kManual},
                      SessionCase{"always_archived", "", MediaMode::kRouted, ArchiveMode::kAlways},
                      SessionCase{"with_location", "10.1.2.3", MediaMode::kRouted, ArchiveMode::kManual}),
    [](auto const& info) { return std::string(info.param.name); });

class SessionBehaviourTest : public ConformanceTest {
 protected:
  // Connects a publisher and publishes one stream.
  void Publish(std::string const& session_id) const {
    auto connection = target().control().Connect(session_id, target().TokenClient().GenerateToken(session_id));
    target().control().Publish(session_id, connection.connection_id);
  }
};

TEST_F(SessionBehaviourTest, RoutedSessionCanBeArchived) {
  OPENTOK_REQUIRE_CONTROL_PLANE("a connected client to archive");
  OpenTok client = target().Client();
  std::string session_id = client.CreateSession("", MediaMode::kRouted).id;
  Publish(session_id);
  Archive archive = client.StartArchive(session_id, "routed");
  ArchiveTracker::Instance().Track(target().credentials(), archive.id);
  EXPECT_EQ(archive.status, ArchiveStatus::kStarted);
  EXPECT_EQ(archive.session_id, session_id);
}

TEST_F(SessionBehaviourTest, RelayedSessionCannotBeArchived) {
  OPENTOK_REQUIRE_CONTROL_PLANE("a connected client, so that 409 is about the media mode");
  OpenTok client = target().Client();
  std::string session_id = client.CreateSession().id;
  Publish(session_id);
  try {
    Archive archive = client.StartArchive(session_id);
    ArchiveTracker::Instance().Track(target().credentials(), archive.id);
    FAIL() << "a relayed session was archived";
  } catch (ConflictException const& e) {
    EXPECT_EQ(e.http_status(), 409);
    EXPECT_FALSE(e.service_message().empty());
  }
}

TEST_F(SessionBehaviourTest, AlwaysArchivedSessionStartsAnArchiveOnFirstPublish) {
  OPENTOK_REQUIRE_CONTROL_PLANE("a simulated client that publishes");
  OpenTok client = target().Client();
  std::string session_id = client.CreateSession("", MediaMode::kRouted, ArchiveMode::kAlways).id;
  EXPECT_EQ(client.ListArchives(0, 10, session_id).total_count, 0);
  Publish(session_id);
  ArchiveList archives = client.ListArchives(0, 10, session_id);
  ASSERT_EQ(archives.total_count, 1);
  ArchiveTracker::Instance().Track(target().credentials(), archives.items[0].id);
  EXPECT_EQ(archives.items[0].status, ArchiveStatus::kStarted);
  EXPECT_THROW(client.StartArchive(session_id), ConflictException) << "the session is already being archived";
}

TEST_F(SessionBehaviourTest, SdkRejectsInvalidSessionOptionsBeforeAnyRequest) {
  OpenTok client = target().Client();
  int before = target().recorder().request_count();
  EXPECT_THROW(client.CreateSession("not-an-ip"), ArgumentException);
  EXPECT_THROW(client.CreateSession("::1"), ArgumentException);
  EXPECT_THROW(client.CreateSession("", MediaMode::kRelayed, ArchiveMode::kAlways), ArgumentException);
  EXPECT_EQ(target().recorder().request_count(), before);
}

}  // namespace
}  // namespace opentok::conformance
