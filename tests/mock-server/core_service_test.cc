// Sessions, archive start/list/delete rules, clock, reset, determinism and the cost of
// listing with 100,000 stored archives. No sockets.

#include <gtest/gtest.h>
#include <malloc.h>

#include <chrono>

#include "core_fixture.h"
#include "opentok_common/session_id.h"

namespace opentok_mock::testing {
namespace {

using ServiceTest = CoreTest;

TEST_F(ServiceTest, SessionIdsDecodeToTheProjectForEverySdk) {
  SessionSettings settings;
  settings.location = "10.1.2.3";
  for (int i = 0; i < 200; ++i) {
    auto session = Must(service_.CreateSession(kKey, settings));
    EXPECT_TRUE(opentok::common::IsPortableSessionId(session.session_id)) << session.session_id;
    EXPECT_EQ(session.session_id.substr(0, 2), "1_");
    auto parts = opentok::common::DecodeSessionId(session.session_id);
    ASSERT_TRUE(parts.has_value());
    EXPECT_EQ(parts->project_id, kKey);
    EXPECT_EQ(parts->location, "10.1.2.3");
    EXPECT_EQ(parts->create_time, std::to_string(service_.NowMs()));
    EXPECT_EQ(parts->random.size(), 24u);
  }
}

TEST_F(ServiceTest, SessionSettingsAreValidated) {
  auto bad = [&](SessionSettings settings) { return service_.CreateSession(kKey, settings).error().http_status; };
  EXPECT_EQ(bad({MediaMode::kRelayed, ArchiveMode::kAlways}), 400);
  EXPECT_EQ(bad({MediaMode::kRelayed, ArchiveMode::kManual, "", true}), 400);
  EXPECT_EQ(bad({MediaMode::kRouted, ArchiveMode::kAlways, "", true}), 400);
  EXPECT_EQ(bad({MediaMode::kRouted, ArchiveMode::kManual, "300.1.1.1"}), 400);
  EXPECT_EQ(bad({MediaMode::kRouted, ArchiveMode::kManual, "", false, "name"}), 400);
  EXPECT_EQ(bad({MediaMode::kRouted, ArchiveMode::kAlways, "", false, "", "123x45"}), 400);
  EXPECT_EQ(service_.CreateSession("999", {}).error().http_status, 404);
  EXPECT_TRUE(service_.CreateSession(kKey, {MediaMode::kRouted, ArchiveMode::kManual, "", true}).ok());
}

TEST_F(ServiceTest, StartArchiveErrorsAreTheServices) {
  auto start = [&](StartArchiveRequest request) { return service_.StartArchive(kKey, request); };
  auto routed = RoutedSession();
  auto relayed = Must(service_.CreateSession(kKey, {})).session_id;

  auto error = start({}).error();
  EXPECT_EQ(error.http_status, 400);
  error = start({"not-a-session"}).error();
  EXPECT_EQ(error.http_status, 400);
  auto foreign_id = opentok::common::EncodeSessionId({"87654321", "", "1", "abc"});
  EXPECT_EQ(start({foreign_id}).error().http_status, 404);
  EXPECT_EQ(start({routed}).error().http_status, 400);  // nobody connected
  EXPECT_EQ(start({routed}).error().message, "Not found. No clients are actively connected to the OpenTok session.");
  Connect(relayed);
  error = start({relayed}).error();
  EXPECT_EQ(error.http_status, 409);
  EXPECT_EQ(error.code, 15008);

  Connect(routed);
  StartArchiveRequest request{routed};
  request.has_audio = request.has_video = false;
  EXPECT_EQ(start(request).error().http_status, 400);
  request = {routed};
  request.output_mode = OutputMode::kIndividual;
  request.resolution = "1280x720";
  EXPECT_EQ(start(request).error().http_status, 400);
  request = {routed};
  request.resolution = "1280x721";
  EXPECT_EQ(start(request).error().http_status, 400);
  request = {routed};
  request.layout = ArchiveLayout{"custom", "", ""};
  EXPECT_EQ(start(request).error().http_status, 400);
  request.layout = ArchiveLayout{"pip", "", "bestFit"};
  EXPECT_EQ(start(request).error().http_status, 400);
  request.layout = ArchiveLayout{"bestFit", "", "pip"};
  request.max_bitrate = 50;
  EXPECT_EQ(start(request).error().http_status, 400);

  request.max_bitrate = 2'000'000;
  auto archive = Must(start(request));
  EXPECT_EQ(archive.resolution, "640x480");
  EXPECT_EQ(archive.max_bitrate, 2'000'000);
  error = start({routed}).error();
  EXPECT_EQ(error.http_status, 409);
  EXPECT_EQ(error.code, 15001);
  StartArchiveRequest tagged{routed};
  tagged.multi_archive_tag = "second";
  EXPECT_TRUE(start(tagged).ok());
  EXPECT_EQ(start(tagged).error().http_status, 409);
}

TEST_F(ServiceTest, ArchivesAreInvisibleToOtherProjects) {
  Must(service_.AddProject("22222222", "other-secret"));
  auto session = RoutedSession();
  Connect(session);
  auto archive = Start(session);
  EXPECT_EQ(service_.GetArchive("22222222", archive.id).error().http_status, 404);
  EXPECT_EQ(service_.StopArchive("22222222", archive.id).error().http_status, 404);
  EXPECT_EQ(service_.DeleteArchive("22222222", archive.id).error().http_status, 404);
  EXPECT_EQ(Must(service_.ListArchives("22222222", {})).total, 0);
  EXPECT_EQ(service_.StartArchive("22222222", {session}).error().http_status, 404);
}

TEST_F(ServiceTest, ListIsNewestFirstWithPagingSessionFilterAndNoDeletedArchives) {
  auto a = RoutedSession();
  auto b = RoutedSession();
  Connect(a);
  Connect(b);
  std::vector<std::string> ids;  // creation order, alternating sessions
  for (int i = 0; i < 6; ++i) {
    auto const& session = i % 2 == 0 ? a : b;
    ids.push_back(Start(session).id);
    Must(service_.StopArchive(kKey, ids.back()));
    Advance(1);
  }
  auto all = Must(service_.ListArchives(kKey, {0, 50, ""}));
  ASSERT_EQ(all.total, 6);
  for (int i = 0; i < 6; ++i) EXPECT_EQ(all.items[i].id, ids[5 - i]);

  auto page = Must(service_.ListArchives(kKey, {2, 3, ""}));
  EXPECT_EQ(page.total, 6);
  ASSERT_EQ(page.items.size(), 3u);
  EXPECT_EQ(page.items[0].id, ids[3]);
  EXPECT_EQ(Must(service_.ListArchives(kKey, {10, 3, ""})).items.size(), 0u);

  auto only_b = Must(service_.ListArchives(kKey, {0, 50, b}));
  ASSERT_EQ(only_b.total, 3);
  EXPECT_EQ(only_b.items[0].id, ids[5]);
  EXPECT_EQ(Must(service_.ListArchives(kKey, {0, 50, "unknown"})).total, 0);

  Must(service_.DeleteArchive(kKey, ids[1]));
  auto after = Must(service_.ListArchives(kKey, {}));
  EXPECT_EQ(after.total, 5);
  for (auto const& archive : after.items) EXPECT_NE(archive.id, ids[1]);
  EXPECT_EQ(Must(service_.ListArchives(kKey, {0, 50, b})).total, 2);
  EXPECT_EQ(Get(ids[1]).status, ArchiveStatus::kDeleted);

  EXPECT_EQ(service_.ListArchives(kKey, {-1, 5, ""}).error().http_status, 400);
  EXPECT_EQ(service_.ListArchives(kKey, {0, 1001, ""}).error().http_status, 400);
}

TEST_F(ServiceTest, ClientsAndStreams) {
  auto session = RoutedSession();
  EXPECT_EQ(service_.ListStreams(kKey, session).error().http_status, 404);  // nobody connected yet
  auto subscriber = Connect(session, "subscriber");
  EXPECT_EQ(Must(service_.ListStreams(kKey, session)).size(), 0u);
  EXPECT_EQ(service_.Publish(session, subscriber, {}).error().http_status, 403);
  auto publisher = Connect(session, "publisheronly");
  PublishSettings settings{"screen", VideoType::kScreen, true, false};
  auto stream = Must(service_.Publish(session, publisher, settings));
  auto got = Must(service_.GetStream(kKey, session, stream.stream_id));
  EXPECT_EQ(got.name, "screen");
  EXPECT_EQ(got.video_type, VideoType::kScreen);
  EXPECT_EQ(service_.GetStream(kKey, session, "nope").error().http_status, 404);
  EXPECT_EQ(service_.GetStream("22222222", session, stream.stream_id).error().http_status, 404);
  EXPECT_EQ(service_.Publish(session, "nope", {}).error().http_status, 404);
  EXPECT_EQ(service_.Publish("nope", publisher, {}).error().http_status, 404);
  // Disconnecting a client removes its streams.
  Must(service_.Disconnect(session, publisher));
  EXPECT_EQ(Must(service_.ListStreams(kKey, session)).size(), 0u);
  EXPECT_EQ(service_.Disconnect(session, publisher).error().http_status, 404);
  EXPECT_EQ(service_.Unpublish(session, stream.stream_id).error().http_status, 404);
}

TEST_F(ServiceTest, ConnectVerifiesTheTokenAgainstTheSession) {
  auto session = RoutedSession();
  auto other = RoutedSession();
  EXPECT_EQ(service_.Connect("nope", Token(session)).error().http_status, 404);
  auto error = service_.Connect(session, Token(other)).error();
  EXPECT_EQ(error.http_status, 403);
  EXPECT_NE(error.message.find("another session"), std::string::npos);
  Must(service_.AddProject("22222222", "other-secret"));
  auto foreign = MakeJwt(ClientClaims("22222222", session, "publisher", service_.NowMs() / 1000), "other-secret");
  EXPECT_EQ(service_.Connect(session, foreign).error().http_status, 403);
  // Expiry is judged on the mock clock.
  auto token = Token(session);
  Advance(3601);
  error = service_.Connect(session, token).error();
  EXPECT_EQ(error.http_status, 403);
  EXPECT_NE(error.message.find("expired"), std::string::npos);
}

TEST_F(ServiceTest, ClockFreezesAdvancesAndNeverGoesBack) {
  auto frozen = service_.NowMs();
  MoveWall(5000);
  EXPECT_EQ(service_.NowMs(), frozen);
  EXPECT_EQ(Must(service_.AdvanceClock(std::chrono::seconds(10))), frozen + 10'000);
  EXPECT_EQ(service_.AdvanceClock(std::chrono::milliseconds(-1)).error().http_status, 400);
  service_.UnfreezeClock();
  EXPECT_FALSE(service_.ClockFrozen());
  EXPECT_EQ(service_.NowMs(), frozen + 10'000);  // continues from the frozen instant
  MoveWall(250);
  EXPECT_EQ(service_.NowMs(), frozen + 10'250);
  EXPECT_EQ(service_.FreezeClock(), frozen + 10'250);
  EXPECT_EQ(service_.WallMs(), kWallStartMs + 5250);  // REST auth time is untouched
}

TEST_F(ServiceTest, ResetKeepsProjectsAndClockAndRepeatsSeededIds) {
  auto first_session = RoutedSession();
  Connect(first_session);
  auto first_archive = Start(first_session).id;
  auto now = service_.NowMs();
  service_.Reset();
  EXPECT_EQ(service_.NowMs(), now);
  EXPECT_EQ(service_.Projects().size(), 1u);
  EXPECT_EQ(service_.GetArchive(kKey, first_archive).error().http_status, 404);
  EXPECT_EQ(service_.GetSession(first_session).error().http_status, 404);
  EXPECT_EQ(service_.PendingTimers(), 0u);
  // Same seed, same frozen instant: the same ids again.
  auto again = RoutedSession();
  EXPECT_EQ(again, first_session);
  Connect(again);
  EXPECT_EQ(Start(again).id, first_archive);
}

TEST_F(ServiceTest, GeneratedProjectsAreValidAndUnique) {
  auto generated = Must(service_.AddProject());
  EXPECT_EQ(generated.api_key.size(), 8u);
  EXPECT_EQ(generated.api_secret.size(), 40u);
  EXPECT_EQ(service_.AddProject(kKey, "x").error().http_status, 409);
  EXPECT_EQ(service_.AddProject("abc", "x").error().http_status, 400);
  EXPECT_EQ(service_.AddProject("4294967296", "x").error().http_status, 400);
  EXPECT_EQ(service_.AddProject("0123", "x").error().http_status, 400);
}

// A page of 50 must not cost O(total), and a stored archive stays small.
TEST_F(ServiceTest, HundredThousandArchivesListCheaplyAndStaySmall) {
  constexpr int kArchives = 100'000;
  auto session = RoutedSession();
  Connect(session);
  auto before = mallinfo2().uordblks;
  for (int i = 0; i < kArchives; ++i) {
    auto id = Start(session).id;
    Must(service_.StopArchive(kKey, id));
  }
  Advance(service_.options().archive_processing_delay_s);  // all become available
  auto bytes_per_archive = static_cast<double>(mallinfo2().uordblks - before) / kArchives;
  RecordProperty("bytes_per_archive", std::to_string(bytes_per_archive));
#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
  EXPECT_LE(bytes_per_archive, 4096.0);  // sanitizers replace malloc: mallinfo2 is meaningless
#endif

  using Clock = std::chrono::steady_clock;
  auto started = Clock::now();
  constexpr int kPages = 200;
  for (int i = 0; i < kPages; ++i) {
    auto page = Must(service_.ListArchives(kKey, {static_cast<std::int64_t>(i) * 400, 50, ""}));
    ASSERT_EQ(page.total, kArchives);
    ASSERT_EQ(page.items.size(), 50u);
  }
  auto newest = Must(service_.ListArchives(kKey, {0, 50, session}));
  EXPECT_EQ(newest.total, kArchives);
  auto oldest = Must(service_.ListArchives(kKey, {kArchives - 1, 50, ""}));
  ASSERT_EQ(oldest.items.size(), 1u);
  auto per_page_us = std::chrono::duration<double, std::micro>(Clock::now() - started).count() / kPages;
  RecordProperty("list_page_us", std::to_string(per_page_us));
  // Walking 100,000 records for a page would take milliseconds; an index walk of 50 takes
  // tens of microseconds (the bound leaves room for sanitizers and a busy machine).
  EXPECT_LT(per_page_us, 5000.0);
}

}  // namespace
}  // namespace opentok_mock::testing
