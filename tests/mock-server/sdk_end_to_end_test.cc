// Our C++ SDK (opentok::OpenTok) against the in-process mock, end to end: sessions, client
// tokens accepted by the mock's connection route (JWT and T1), the archive lifecycle driven
// by the mock clock, and the SDK's exceptions for the service's errors.

#include <opentok/opentok.h>

#include "opentok_mock/gtest.h"

namespace {

using opentok_mock::MockServerOptions;

MockServerOptions FrozenClock() {
  MockServerOptions options;
  options.service.frozen_clock = true;
  return options;
}

class SdkEndToEndTest : public opentok_mock::MockServerTest {
 protected:
  SdkEndToEndTest() : MockServerTest(FrozenClock()), ot_(api_key(), api_secret(), mock_url()) {}

  std::string RoutedSession() {
    opentok::SessionOptions options;
    options.media_mode = opentok::MediaMode::kRouted;
    return ot_.CreateSession(options).id;
  }

  // A simulated client joins with a token our SDK made, and publishes.
  std::string JoinAndPublish(std::string const& session_id, opentok::TokenFormat format) {
    opentok::TokenOptions options;
    options.format = format;
    auto connection = mock().Connect(session_id, ot_.GenerateToken(session_id, options));
    EXPECT_TRUE(connection.ok()) << (connection.ok() ? "" : connection.error().message);
    if (!connection.ok()) return {};
    auto stream = mock().Publish(session_id, connection->connection_id, {});
    EXPECT_TRUE(stream.ok());
    return connection->connection_id;
  }

  opentok::OpenTok ot_;
};

TEST_F(SdkEndToEndTest, CreateSessionInEveryModeIsRecordedByTheMock) {
  auto relayed = ot_.CreateSession();
  auto routed = ot_.CreateSession("10.0.0.1", opentok::MediaMode::kRouted, opentok::ArchiveMode::kAlways);
  EXPECT_EQ(mock().GetSession(relayed.id)->session.settings.media_mode, opentok_mock::MediaMode::kRelayed);
  auto snapshot = mock().GetSession(routed.id);
  ASSERT_TRUE(snapshot.ok());
  EXPECT_EQ(snapshot->session.settings.media_mode, opentok_mock::MediaMode::kRouted);
  EXPECT_EQ(snapshot->session.settings.archive_mode, opentok_mock::ArchiveMode::kAlways);
  EXPECT_EQ(snapshot->session.settings.location, "10.0.0.1");
  EXPECT_EQ(routed.media_mode, opentok::MediaMode::kRouted);
}

TEST_F(SdkEndToEndTest, GeneratedTokensAreAcceptedByTheMockInBothFormats) {
  auto session = RoutedSession();
  for (auto format : {opentok::TokenFormat::kJwt, opentok::TokenFormat::kT1}) {
    for (auto role : {opentok::Role::kSubscriber, opentok::Role::kPublisher, opentok::Role::kPublisherOnly,
                      opentok::Role::kModerator}) {
      opentok::TokenOptions options;
      options.format = format;
      options.role = role;
      options.data = "name=e2e";
      options.initial_layout_class_list = {"focus", "main"};
      auto connection = mock().Connect(session, ot_.GenerateToken(session, options));
      ASSERT_TRUE(connection.ok()) << connection.error().message;
      EXPECT_EQ(opentok_mock::ToString(connection->role), opentok::ToString(role));
      EXPECT_EQ(connection->data, "name=e2e");
      EXPECT_EQ(connection->token_format,
                format == opentok::TokenFormat::kT1 ? opentok_mock::TokenFormat::kT1 : opentok_mock::TokenFormat::kJwt);
      EXPECT_EQ(connection->initial_layout_class_list, (std::vector<std::string>{"focus", "main"}));
    }
  }
  // A token made for another session does not open this one.
  auto other = RoutedSession();
  auto error = mock().Connect(session, ot_.GenerateToken(other)).error();
  EXPECT_EQ(error.http_status, 403);
}

TEST_F(SdkEndToEndTest, ArchiveLifecycleOnTheMockClock) {
  auto session = RoutedSession();
  JoinAndPublish(session, opentok::TokenFormat::kJwt);
  auto started = ot_.StartArchive(session, "e2e");
  EXPECT_EQ(started.status, opentok::ArchiveStatus::kStarted);
  EXPECT_EQ(started.name, "e2e");
  EXPECT_EQ(started.session_id, session);
  EXPECT_EQ(started.project_id, std::stoll(api_key()));
  EXPECT_FALSE(started.url.has_value());

  AdvanceClock(std::chrono::seconds(90));
  auto stopped = ot_.StopArchive(started.id);
  EXPECT_EQ(stopped.status, opentok::ArchiveStatus::kStopped);
  EXPECT_EQ(stopped.reason, "user initiated");
  EXPECT_EQ(stopped.duration, 90);
  EXPECT_THROW(ot_.StopArchive(started.id), opentok::ConflictException);
  EXPECT_THROW(ot_.DeleteArchive(started.id), opentok::ConflictException);

  AdvanceClock(std::chrono::seconds(mock().options().archive_processing_delay_s));
  auto available = ot_.GetArchive(started.id);
  EXPECT_EQ(available.status, opentok::ArchiveStatus::kAvailable);
  ASSERT_TRUE(available.url.has_value());
  EXPECT_EQ(available.url->rfind(mock_url(), 0), 0u);
  EXPECT_GT(available.size, 0);
  EXPECT_EQ(available.created_at, started.created_at);

  auto list = ot_.ListArchives(0, 50, session);
  ASSERT_EQ(list.total_count, 1);
  EXPECT_EQ(list.items[0].id, started.id);
  ot_.DeleteArchive(started.id);
  EXPECT_EQ(ot_.ListArchives().total_count, 0);
}

TEST_F(SdkEndToEndTest, ListingPagesNewestFirst) {
  auto session = RoutedSession();
  JoinAndPublish(session, opentok::TokenFormat::kT1);
  std::vector<std::string> ids;
  for (int i = 0; i < 5; ++i) {
    ids.push_back(ot_.StartArchive(session).id);
    ot_.StopArchive(ids.back());
    AdvanceClock(std::chrono::seconds(1));
  }
  auto page = ot_.ListArchives(1, 2);
  EXPECT_EQ(page.total_count, 5);
  ASSERT_EQ(page.items.size(), 2u);
  EXPECT_EQ(page.items[0].id, ids[3]);
  EXPECT_EQ(page.items[1].id, ids[2]);
  EXPECT_EQ(ot_.ListArchives().items.size(), 5u);
}

TEST_F(SdkEndToEndTest, ServiceErrorsBecomeTheSdksExceptions) {
  auto relayed = ot_.CreateSession().id;
  auto routed = RoutedSession();
  try {
    ot_.StartArchive(routed);
    ADD_FAILURE() << "no clients: expected a RequestException";
  } catch (opentok::RequestException const& e) {
    EXPECT_EQ(e.http_status(), 400);
    EXPECT_EQ(e.service_message(), "Not found. No clients are actively connected to the OpenTok session.");
  }
  JoinAndPublish(relayed, opentok::TokenFormat::kJwt);
  try {
    ot_.StartArchive(relayed);
    ADD_FAILURE() << "relayed: expected a ConflictException";
  } catch (opentok::ConflictException const& e) {
    EXPECT_EQ(e.http_status(), 409);
    EXPECT_EQ(e.error_code(), 15008);
  }
  JoinAndPublish(routed, opentok::TokenFormat::kJwt);
  ot_.StartArchive(routed);
  EXPECT_THROW(ot_.StartArchive(routed), opentok::ConflictException);
  EXPECT_THROW(ot_.GetArchive("00000000-0000-4000-8000-000000000000"), opentok::NotFoundException);
  EXPECT_THROW(ot_.StopArchive("00000000-0000-4000-8000-000000000000"), opentok::NotFoundException);

  opentok::OpenTok wrong_secret(api_key(), "not-the-secret", mock_url());
  try {
    wrong_secret.ListArchives();
    ADD_FAILURE() << "expected an AuthenticationException";
  } catch (opentok::AuthenticationException const& e) {
    EXPECT_EQ(e.http_status(), 403);
    EXPECT_EQ(e.service_message(), "Invalid signature");
  }
  auto other = mock().AddProject();
  ASSERT_TRUE(other.ok());
  opentok::OpenTok unknown("99999999", "secret", mock_url());
  EXPECT_THROW(unknown.CreateSession(), opentok::AuthenticationException);
}

TEST_F(SdkEndToEndTest, RequestsAreJournaledWithTheSdkUserAgent) {
  RoutedSession();
  ot_.ListArchives();
  auto entries = mock().journal().Snapshot();
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].operation, "session.create");
  EXPECT_EQ(entries[1].operation, "archive.list");
  for (auto const& entry : entries) {
    EXPECT_EQ(entry.auth_verdict, "ok");
    EXPECT_EQ(entry.status, 200);
    EXPECT_EQ(entry.user_agent.rfind("OpenTok-", 0), 0u) << entry.user_agent;
  }
}

}  // namespace
