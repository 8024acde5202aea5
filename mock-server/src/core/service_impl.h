#pragma once

// Private state of MockService, shared by its implementation files.

#include <atomic>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "opentok_mock/archive_transitions.h"
#include "opentok_mock/broadcast_transitions.h"
#include "opentok_mock/credentials.h"
#include "opentok_mock/ids.h"
#include "opentok_mock/service.h"
#include "opentok_mock/timer_queue.h"
#include "session_events.h"

namespace opentok_mock {

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const noexcept { return std::hash<std::string_view>{}(text); }
};
template <typename T>
using StringMap = std::unordered_map<std::string, T, StringHash, std::equal_to<>>;

struct SessionRecord;

struct ArchiveRecord {
  Archive view;                  // what GET shows (url and duration are filled as it moves)
  std::uint64_t sequence = 0;    // creation order: the list indexes are sorted by it
  std::int64_t recorded_ms = 0;  // time spent `started` before the current stint
  std::int64_t recording_since_ms = 0;
  std::uint64_t epoch = 0;  // bumped on every transition; older timers are stale
  SessionRecord* session = nullptr;
};

struct BroadcastRecord {
  Broadcast view;                // what GET shows (the HLS url is filled in views)
  std::uint64_t sequence = 0;    // creation order: the list indexes are sorted by it
  std::uint64_t epoch = 0;       // bumped on every transition; older timers are stale
  SessionRecord* session = nullptr;
};

struct ProjectRecord {
  explicit ProjectRecord(std::string key, std::string secret) : keys(std::move(key), std::move(secret)) {}
  ProjectKeys keys;
  std::int64_t numeric_key = 0;
  std::optional<std::string> upload_target;
  std::vector<ArchiveRecord*> archives;  // creation order; deleted archives removed
  std::vector<BroadcastRecord*> broadcasts;  // creation order
};

struct SessionRecord {
  Session view;
  std::vector<Connection> connections;
  std::vector<Stream> streams;
  std::vector<ArchiveRecord*> archives;   // creation order; deleted archives removed
  std::vector<ArchiveRecord*> recording;  // started or paused
  std::vector<BroadcastRecord*> broadcasts;  // creation order
  std::vector<BroadcastRecord*> broadcasting;  // started
  std::uint64_t presence_epoch = 0;       // bumped when clients come or go
};

struct MockService::Impl {
  explicit Impl(ServiceOptions opts);

  // Locking: `mutex` guards everything below except `clock` (self-synchronised), `journal`
  // (own lock) and `next_due_ms` (atomic: lets readers skip the write lock when no timer
  // is due).
  ServiceOptions options;
  MockClock clock;
  RequestJournal journal;
  mutable std::shared_mutex mutex;
  std::atomic<std::int64_t> next_due_ms{std::numeric_limits<std::int64_t>::max()};

  IdGenerator ids;
  StringMap<std::unique_ptr<ProjectRecord>> projects;
  StringMap<std::unique_ptr<SessionRecord>> sessions;
  StringMap<std::unique_ptr<ArchiveRecord>> archives;
  StringMap<std::unique_ptr<BroadcastRecord>> broadcasts;
  TimerQueue timers;
  SessionEvents events;  // archives and broadcasts subscribe in the constructor
  std::uint64_t archive_sequence = 0;
  std::uint64_t broadcast_sequence = 0;
  std::string public_base_url = "http://127.0.0.1";

  // --- Locking helpers --------------------------------------------------------------------
  // Takes the write lock, fires due timers and returns the current mock time.
  std::unique_lock<std::shared_mutex> WriteLock(std::int64_t& now_ms);
  // Fires due timers if any (briefly taking the write lock), then takes the read lock.
  std::shared_lock<std::shared_mutex> ReadLock();
  void FireDueTimers(std::int64_t now_ms);  // write lock held
  void Schedule(TimerKind kind, std::string target, std::uint64_t epoch, std::int64_t due_ms);

  // --- Lookups (lock held) ----------------------------------------------------------------
  ProjectRecord* FindProject(std::string_view api_key) const;
  SessionRecord* FindSession(std::string_view session_id) const;
  ArchiveRecord* FindArchive(std::string_view archive_id) const;
  BroadcastRecord* FindBroadcast(std::string_view broadcast_id) const;
  ProjectLookup Lookup() const;
  // The project's session `session_id` for a start request: 400 for an id that does not even
  // decode, 404 for an unknown one (or another project's).
  Result<SessionRecord*> SessionForStart(std::string_view api_key, std::string const& session_id) const;

  // --- Archive lifecycle (write lock held) ------------------------------------------------
  // Applies `event` through kArchiveTransitions; false when the table has no such row.
  bool Apply(ArchiveRecord& archive, ArchiveEvent event, std::int64_t at_ms);
  void OnEnter(ArchiveRecord& archive, std::int64_t at_ms);
  void HandleTimer(Timer const& timer);
  void HandleArchiveTimer(Timer const& timer);
  Result<Archive> CreateArchive(ProjectRecord& project, SessionRecord& session, StartArchiveRequest const& request,
                                std::int64_t now_ms);
  // Archives follow the session: pause/resume with its publishers, auto-start if always-
  // archived, drop unpublished streams from selections, stop when the session ends.
  void ArchivesOnSessionEvent(SessionEvent const& event);
  Archive View(ArchiveRecord const& archive) const;
  // An archive of the project, or 404.
  Result<ArchiveRecord*> ProjectArchive(std::string_view api_key, std::string_view archive_id) const;

  // --- Broadcast lifecycle (write lock held) ----------------------------------------------
  bool Apply(BroadcastRecord& broadcast, BroadcastEvent event, std::int64_t at_ms);
  void HandleBroadcastTimer(Timer const& timer);
  Result<Broadcast> CreateBroadcast(ProjectRecord& project, SessionRecord& session,
                                    StartBroadcastRequest const& request, std::int64_t now_ms);
  // Broadcasts follow the session: outputs go live and offline with its publishers,
  // unpublished streams leave selections, and they stop when the session ends.
  void BroadcastsOnSessionEvent(SessionEvent const& event);
  Broadcast View(BroadcastRecord const& broadcast) const;
  Result<BroadcastRecord*> ProjectBroadcast(std::string_view api_key, std::string_view broadcast_id) const;
};

}  // namespace opentok_mock
