// The core's side of bad bytes, without HTTP: client-token claims that are not UTF-8 are
// refused before a connection is added, the journal keeps free text as valid UTF-8, and the
// auto-archive name's limit counts characters.

#include "core_fixture.h"
#include "hostile_bytes.h"

namespace opentok_mock::testing {
namespace {

class CoreBadBytesTest : public CoreTest {
 protected:
  std::size_t Connections(std::string const& session_id) {
    return Must(service_.GetSession(session_id)).connections.size();
  }
};

TEST_F(CoreBadBytesTest, TokenClaimsThatAreNotUtf8AreRefusedBeforeTheClientJoins) {
  auto session = RoutedSession();
  auto const now = service_.NowMs() / 1000;
  for (std::string claim : {"role", "connection_data", "initial_layout_class_list"}) {
    auto joined = service_.Connect(session, MakeT1(kKey, kSecret, T1DataWith(session, now, claim, "a%C3%28")));
    ASSERT_FALSE(joined) << claim;
    EXPECT_EQ(joined.error().http_status, 403);
    EXPECT_EQ(joined.error().message, "Invalid token: " + claim + " is not valid UTF-8");
  }
  // A JWT's strings are JSON, so UTF-8; only the PHP SDK's URL-encoded class list can decode to
  // other bytes.
  auto claims = ClientClaims(kKey, session, "publisher", now);
  claims["initial_layout_class_list"] = "focus %FF";
  auto joined = service_.Connect(session, MakeJwt(claims, kSecret));
  ASSERT_FALSE(joined);
  EXPECT_EQ(joined.error().message, "Invalid token: initial_layout_class_list is not valid UTF-8");
  EXPECT_EQ(Connections(session), 0u);

  claims["initial_layout_class_list"] = "caf%C3%A9 main";
  auto connection = Must(service_.Connect(session, MakeJwt(claims, kSecret)));
  EXPECT_EQ(connection.initial_layout_class_list, (std::vector<std::string>{"caf\xC3\xA9", "main"}));
}

TEST_F(CoreBadBytesTest, TheJournalKeepsFreeTextWithReplacementCharacters) {
  JournalEntry entry;
  entry.user_agent = "SDK/\xFF 1.0";
  entry.api_key = "12\xC3\x28";
  entry.query = "a=\xED\xA0\x80";
  service_.journal().Record(entry);
  auto recorded = service_.journal().Snapshot().back();
  EXPECT_EQ(recorded.user_agent, "SDK/\xEF\xBF\xBD 1.0");
  EXPECT_EQ(recorded.api_key, "12\xEF\xBF\xBD(");
  EXPECT_EQ(recorded.query, "a=\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST_F(CoreBadBytesTest, ArchiveNameLimitCountsCharactersNotBytes) {
  std::string eighty;
  for (int i = 0; i < 80; ++i) eighty += "\xC3\xA9";  // 80 characters, 160 bytes
  EXPECT_FALSE(RoutedSession(ArchiveMode::kAlways, eighty).empty());
  SessionSettings settings;
  settings.media_mode = MediaMode::kRouted;
  settings.archive_mode = ArchiveMode::kAlways;
  settings.archive_name = eighty + "x";
  auto refused = service_.CreateSession(kKey, settings);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().http_status, 400);
}

}  // namespace
}  // namespace opentok_mock::testing
