// The archive lifecycle, driven through the service's public operations and the mock
// clock: every row of kArchiveTransitions, every rejected (status, event) pair, and the
// timing rules (duration, max duration, session end, processing, retention).

#include <gtest/gtest.h>

#include <set>

#include "core_fixture.h"
#include "opentok_mock/archive_transitions.h"

namespace opentok_mock::testing {
namespace {

// A session with one publishing client and an archive brought to a given status.
struct Scenario {
  std::string session_id;
  std::string connection_id;
  std::string stream_id;
  std::string archive_id;
};

class LifecycleTest : public CoreTest {
 protected:
  Scenario Reach(ArchiveStatus status) {
    Scenario s;
    Must(service_.SetArchiveUploadTarget(kKey, std::nullopt));  // a previous Reach may have set one
    s.session_id = RoutedSession();
    s.connection_id = Connect(s.session_id);
    s.stream_id = Publish(s.session_id, s.connection_id);
    s.archive_id = Start(s.session_id).id;
    auto processing = service_.options().archive_processing_delay_s;
    switch (status) {
      case ArchiveStatus::kStarted:
        break;
      case ArchiveStatus::kPaused:
        Must(service_.Unpublish(s.session_id, s.stream_id));
        break;
      case ArchiveStatus::kStopped:
        Must(service_.StopArchive(kKey, s.archive_id));
        break;
      case ArchiveStatus::kAvailable:
        Must(service_.StopArchive(kKey, s.archive_id));
        Advance(processing);
        break;
      case ArchiveStatus::kUploaded:
        Must(service_.SetArchiveUploadTarget(kKey, R"({"type":"s3"})"));
        Must(service_.StopArchive(kKey, s.archive_id));
        Advance(processing);
        break;
      case ArchiveStatus::kExpired:
        Must(service_.StopArchive(kKey, s.archive_id));
        Advance(processing);
        Advance(service_.options().archive_retention_s);
        break;
      case ArchiveStatus::kFailed:
        Must(service_.FailArchive(s.archive_id));
        break;
      case ArchiveStatus::kDeleted:
        Must(service_.StopArchive(kKey, s.archive_id));
        Advance(processing);
        Must(service_.DeleteArchive(kKey, s.archive_id));
        break;
    }
    EXPECT_EQ(Get(s.archive_id).status, status) << "could not reach " << ToString(status);
    return s;
  }

  // Makes `event` happen the way it happens in use.
  void Fire(ArchiveEvent event, Scenario& s) {
    switch (event) {
      case ArchiveEvent::kPublishersGone:
        Must(service_.Unpublish(s.session_id, s.stream_id));
        break;
      case ArchiveEvent::kPublisherJoined:
        s.stream_id = Publish(s.session_id, s.connection_id);
        break;
      case ArchiveEvent::kUserStop:
        Must(service_.StopArchive(kKey, s.archive_id));
        break;
      case ArchiveEvent::kMaxDuration:
        Advance(service_.options().archive_max_duration_s);
        break;
      case ArchiveEvent::kSessionEnded:
        Must(service_.Disconnect(s.session_id, s.connection_id));
        Advance(service_.options().session_end_grace_s);
        break;
      case ArchiveEvent::kProcessedToCloud:
        Advance(service_.options().archive_processing_delay_s);
        break;
      case ArchiveEvent::kProcessedToTarget:
        Must(service_.SetArchiveUploadTarget(kKey, R"({"type":"azure"})"));
        Advance(service_.options().archive_processing_delay_s);
        break;
      case ArchiveEvent::kRetentionElapsed:
        Advance(service_.options().archive_retention_s);
        break;
      case ArchiveEvent::kDelete:
        Must(service_.DeleteArchive(kKey, s.archive_id));
        break;
      case ArchiveEvent::kSystemFailure:
        Must(service_.FailArchive(s.archive_id));
        break;
    }
  }
};

class TransitionRowTest : public LifecycleTest, public ::testing::WithParamInterface<ArchiveTransition> {};

TEST_P(TransitionRowTest, EventMovesArchiveToTheTableStatus) {
  auto const& row = GetParam();
  Scenario s = Reach(row.from);
  auto before = Get(s.archive_id);
  Fire(row.event, s);
  auto after = Get(s.archive_id);
  EXPECT_EQ(after.status, row.to) << ToString(row.from) << " --" << ToString(row.event) << "--> ?";
  if (!row.reason.empty()) {
    EXPECT_EQ(after.reason, row.reason);
  } else {
    EXPECT_EQ(after.reason, before.reason);
  }
  // Every transition is stamped; timer-driven ones with their due time (never later).
  EXPECT_GE(after.updated_at_ms, before.updated_at_ms);
  EXPECT_LE(after.updated_at_ms, service_.NowMs());
}

std::string RowName(::testing::TestParamInfo<ArchiveTransition> const& info) {
  std::string name = std::string(ToString(info.param.from)) + "_" + std::string(ToString(info.param.event));
  for (auto& c : name) c = std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(EveryRow, TransitionRowTest, ::testing::ValuesIn(kArchiveTransitions), RowName);

constexpr std::array kAllStatuses{ArchiveStatus::kStarted, ArchiveStatus::kPaused,    ArchiveStatus::kStopped,
                                  ArchiveStatus::kUploaded, ArchiveStatus::kAvailable, ArchiveStatus::kExpired,
                                  ArchiveStatus::kFailed,  ArchiveStatus::kDeleted};

TEST_F(LifecycleTest, EveryStatusIsReachableAndEveryEventAppearsInTheTable) {
  std::set<ArchiveStatus> statuses;
  std::set<ArchiveEvent> events;
  for (auto const& row : kArchiveTransitions) {
    statuses.insert(row.from);
    statuses.insert(row.to);
    events.insert(row.event);
  }
  EXPECT_EQ(statuses.size(), kAllStatuses.size());
  EXPECT_EQ(events.size(), 10u);
}

// The REST-triggered events on a status the table has no row for: rejected with the
// service's 409, and the archive is left as it was.
TEST_F(LifecycleTest, UserEventsOutsideTheTableAreConflicts) {
  struct UserEvent {
    ArchiveEvent event;
    int code;
  };
  for (auto status : kAllStatuses) {
    for (auto [event, code] : {UserEvent{ArchiveEvent::kUserStop, 15002}, UserEvent{ArchiveEvent::kDelete, 15004},
                               UserEvent{ArchiveEvent::kSystemFailure, -1}}) {
      if (FindArchiveTransition(status, event)) continue;
      SCOPED_TRACE(std::string(ToString(status)) + " + " + std::string(ToString(event)));
      Scenario s = Reach(status);
      auto before = Get(s.archive_id);
      Error error;
      if (event == ArchiveEvent::kUserStop) error = service_.StopArchive(kKey, s.archive_id).error();
      if (event == ArchiveEvent::kDelete) error = service_.DeleteArchive(kKey, s.archive_id).error();
      if (event == ArchiveEvent::kSystemFailure) error = service_.FailArchive(s.archive_id).error();
      EXPECT_EQ(error.http_status, 409);
      EXPECT_EQ(error.code, code);
      EXPECT_EQ(Get(s.archive_id).status, before.status);
    }
  }
}

TEST_F(LifecycleTest, StartAnswersStartedAndPausesWhenNobodyPublishes) {
  auto session = RoutedSession();
  auto connection = Connect(session);
  auto started = Start(session);
  EXPECT_EQ(started.status, ArchiveStatus::kStarted);
  EXPECT_EQ(Get(started.id).status, ArchiveStatus::kPaused);
  auto stream = Publish(session, connection);
  EXPECT_EQ(Get(started.id).status, ArchiveStatus::kStarted);
  Must(service_.Unpublish(session, stream));
  EXPECT_EQ(Get(started.id).status, ArchiveStatus::kPaused);
}

TEST_F(LifecycleTest, DurationCountsRecordedSecondsOnly) {
  Scenario s = Reach(ArchiveStatus::kStarted);
  Advance(10);
  Must(service_.Unpublish(s.session_id, s.stream_id));  // paused: not recorded
  Advance(20);
  Publish(s.session_id, s.connection_id);
  Advance(5);
  auto stopped = Must(service_.StopArchive(kKey, s.archive_id));
  EXPECT_EQ(stopped.status, ArchiveStatus::kStopped);
  EXPECT_EQ(stopped.reason, "user initiated");
  EXPECT_EQ(stopped.duration_s, 15);
  EXPECT_GT(stopped.size, 0);
  EXPECT_FALSE(stopped.url.has_value());

  Advance(service_.options().archive_processing_delay_s);
  auto available = Get(s.archive_id);
  EXPECT_EQ(available.status, ArchiveStatus::kAvailable);
  ASSERT_TRUE(available.url.has_value());
  EXPECT_NE(available.url->find("/_mock/archives/" + s.archive_id + "/download"), std::string::npos);
  EXPECT_FALSE(available.sha256sum.empty());
  EXPECT_EQ(available.duration_s, 15);
  EXPECT_EQ(available.size, stopped.size);
}

TEST_F(LifecycleTest, UploadedArchivesHaveNoUrl) {
  Scenario s = Reach(ArchiveStatus::kUploaded);
  EXPECT_FALSE(Get(s.archive_id).url.has_value());
  // Expiry applies to the cloud copy only.
  Advance(service_.options().archive_retention_s * 2);
  EXPECT_EQ(Get(s.archive_id).status, ArchiveStatus::kUploaded);
}

TEST_F(LifecycleTest, ExpiredAfterSeventyTwoHoursWithoutUrl) {
  Scenario s = Reach(ArchiveStatus::kAvailable);
  auto available_at = Get(s.archive_id).updated_at_ms;
  Advance(72 * 3600 - 1);
  EXPECT_EQ(Get(s.archive_id).status, ArchiveStatus::kAvailable);
  Advance(1);
  auto expired = Get(s.archive_id);
  EXPECT_EQ(expired.status, ArchiveStatus::kExpired);
  EXPECT_FALSE(expired.url.has_value());
  EXPECT_EQ(expired.updated_at_ms, available_at + 72 * 3600 * 1000);
}

TEST_F(LifecycleTest, OneAdvanceFiresChainedTimersInTimeOrderWithTheirDueTimes) {
  Scenario s = Reach(ArchiveStatus::kStarted);
  auto stopped_at = Must(service_.StopArchive(kKey, s.archive_id)).updated_at_ms;
  Advance(10 * 24 * 3600);  // processing, then retention, inside one jump
  auto archive = Get(s.archive_id);
  EXPECT_EQ(archive.status, ArchiveStatus::kExpired);
  EXPECT_EQ(archive.updated_at_ms,
            stopped_at + (service_.options().archive_processing_delay_s + service_.options().archive_retention_s) * 1000);
}

TEST_F(LifecycleTest, MaxDurationCountsRecordedTimeAndStopsAtTheExactInstant) {
  auto max = service_.options().archive_max_duration_s;
  Scenario s = Reach(ArchiveStatus::kStarted);
  auto created = Get(s.archive_id).created_at_ms;
  Advance(max - 100);
  Must(service_.Unpublish(s.session_id, s.stream_id));
  Advance(1000);  // paused time does not count
  EXPECT_EQ(Get(s.archive_id).status, ArchiveStatus::kPaused);
  Publish(s.session_id, s.connection_id);
  Advance(99);
  EXPECT_EQ(Get(s.archive_id).status, ArchiveStatus::kStarted);
  Advance(2);  // past the limit, before processing ends
  auto stopped = Get(s.archive_id);
  EXPECT_EQ(stopped.status, ArchiveStatus::kStopped);
  EXPECT_EQ(stopped.reason, "maximum duration exceeded");
  EXPECT_EQ(stopped.duration_s, max);
  EXPECT_EQ(stopped.updated_at_ms, created + (max + 1000) * 1000);
}

TEST_F(LifecycleTest, SessionEndedSixtySecondsAfterTheLastClientLeaves) {
  Scenario s = Reach(ArchiveStatus::kStarted);
  auto second = Connect(s.session_id, "subscriber");
  Must(service_.Disconnect(s.session_id, s.connection_id));  // a subscriber is still there
  EXPECT_EQ(Get(s.archive_id).status, ArchiveStatus::kPaused);
  Advance(120);
  EXPECT_EQ(Get(s.archive_id).status, ArchiveStatus::kPaused);

  Must(service_.Disconnect(s.session_id, second));
  Advance(59);
  EXPECT_EQ(Get(s.archive_id).status, ArchiveStatus::kPaused);
  Advance(1);
  auto stopped = Get(s.archive_id);
  EXPECT_EQ(stopped.status, ArchiveStatus::kStopped);
  EXPECT_EQ(stopped.reason, "session ended");
}

TEST_F(LifecycleTest, AClientReturningWithinTheGraceKeepsTheArchive) {
  Scenario s = Reach(ArchiveStatus::kStarted);
  Must(service_.Disconnect(s.session_id, s.connection_id));
  Advance(30);
  Connect(s.session_id);
  Advance(3600);
  EXPECT_EQ(Get(s.archive_id).status, ArchiveStatus::kPaused);
}

TEST_F(LifecycleTest, TimersAlsoFireLazilyAsWallTimePasses) {
  service_.UnfreezeClock();
  Scenario s = Reach(ArchiveStatus::kStarted);
  auto stopped_at = Must(service_.StopArchive(kKey, s.archive_id)).updated_at_ms;
  MoveWall(service_.options().archive_processing_delay_s * 1000 - 1);
  EXPECT_EQ(Get(s.archive_id).status, ArchiveStatus::kStopped);
  MoveWall(1);
  auto available = Get(s.archive_id);  // no clock call: the read fires the due timer
  EXPECT_EQ(available.status, ArchiveStatus::kAvailable);
  EXPECT_EQ(available.updated_at_ms, stopped_at + service_.options().archive_processing_delay_s * 1000);
}

TEST_F(LifecycleTest, AlwaysArchivedSessionStartsAnArchiveOnFirstPublish) {
  auto session = RoutedSession(ArchiveMode::kAlways, "auto name");
  auto connection = Connect(session);
  EXPECT_EQ(Must(service_.ListArchives(kKey, {0, 50, session})).total, 0);
  Publish(session, connection);
  auto page = Must(service_.ListArchives(kKey, {0, 50, session}));
  ASSERT_EQ(page.total, 1);
  EXPECT_EQ(page.items[0].status, ArchiveStatus::kStarted);
  EXPECT_EQ(page.items[0].name, "auto name");
  EXPECT_EQ(page.items[0].resolution, "640x480");
  // A second publisher does not start another one; a manual archive needs its own tag.
  Publish(session, Connect(session));
  EXPECT_EQ(Must(service_.ListArchives(kKey, {0, 50, session})).total, 1);
  StartArchiveRequest manual;
  manual.session_id = session;
  EXPECT_EQ(service_.StartArchive(kKey, manual).error().http_status, 409);
  manual.multi_archive_tag = "manual";
  EXPECT_TRUE(service_.StartArchive(kKey, manual).ok());
}

}  // namespace
}  // namespace opentok_mock::testing
