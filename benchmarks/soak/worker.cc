#include "worker.h"

#include <algorithm>
#include <chrono>
#include <set>

namespace opentok_soak {
namespace {

using opentok::OpenTok;
using Step = EpochGate::Step;

// Client tokens outlive any soak's mock-clock moves (the SDK allows at most 30 days).
std::int64_t TokenExpiry() {
  auto now = std::chrono::system_clock::now() + std::chrono::hours(24 * 29);
  return std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
}

constexpr double kProcessingDelay = 5;  // the mock's default --archive-processing-delay

template <typename Items, typename IdOf>
bool AllDistinct(Items const& items, IdOf id_of) {
  std::set<std::string> ids;
  for (auto const& item : items) {
    if (!ids.insert(id_of(item)).second) return false;
  }
  return true;
}

}  // namespace

Worker::Worker(SharedRun& run, int index, std::uint64_t seed)
    : run_(run), index_(index), random_(seed), clients_(run.url, run.api_key, run.api_secret, run.ledger) {}

void Worker::Run() {
  while (!run_.stop.load()) {
    Step step(run_.gate);
    if (session_.id.empty() || session_.epoch != step.epoch()) {
      session_ = {};
      if (!Setup(step)) continue;
    }
    OneStep(step);
  }
}

bool Worker::Setup(Step& step) {
  session_.epoch = step.epoch();
  auto session = clients_.Sdk("session.create", [](OpenTok const& ot) {
    return ot.CreateSession("", opentok::MediaMode::kRouted);
  });
  if (!session.ok()) return false;
  session_.id = session.value->id;
  run_.ledger.NewId("session", session_.id);
  auto expiry = TokenExpiry();
  session_.publisher_token = clients_.sdk().GenerateToken(session_.id, opentok::Role::kPublisher, expiry);
  session_.moderator_token = clients_.sdk().GenerateToken(session_.id, opentok::Role::kModerator, expiry);
  session_.connection_id = Connect(session_.publisher_token);
  if (session_.connection_id.empty()) return false;
  auto stream = clients_.Control("control.publish", "POST",
                                 "/_mock/sessions/" + session_.id + "/connections/" + session_.connection_id + "/streams",
                                 R"({"name":"soak"})");
  if (!stream.ok()) return false;
  session_.stream_id = stream.Json().value("streamId", "");
  run_.ledger.NewId("stream", session_.stream_id);
  return true;
}

void Worker::OneStep(Step& step) {
  // Weights: archives carry the most state, so they get the most steps.
  static constexpr int kWeights[] = {6, 1, 2, 3, 2, 1, 1, 1, 1, 1, 1, 1};
  std::discrete_distribution<int> pick(std::begin(kWeights), std::end(kWeights));
  switch (pick(random_)) {
    case 0: return ArchiveStep(step);
    case 1: return ListStep();
    case 2: return BroadcastStep(step);
    case 3: return SignalStep();
    case 4: return ModerationStep();
    case 5: return SipStep();
    case 6: return CaptionsStep();
    case 7: return RenderStep(step);
    case 8: return AudioConnectorStep();
    case 9: return StreamsStep();
    case 10: return SessionStep();
    default: return ClockStep();
  }
}

void Worker::Observe(Tracked& object, std::string const& status, char const* where, bool first) {
  auto const& table = *object.table;
  std::string what = table.name() + " " + object.id + " (" + where + "): ";
  if (!table.IsKnown(status)) {
    run_.ledger.Violation(what + "unknown status '" + status + "'");
  } else if (first && !table.IsInitial(status)) {
    run_.ledger.Violation(what + "starts as '" + status + "'");
  } else if (!first && !table.IsReachable(object.status, status)) {
    run_.ledger.Violation(what + "'" + object.status + "' -> '" + status + "' is not an allowed transition");
  }
  object.status = status;
}

std::string Worker::ReadStatus(Tracked const& object, std::string const& family) {
  auto const& kind = object.table->name();
  if (kind == "archive") {
    auto a = clients_.Sdk(family + ".get", [&](OpenTok const& ot) { return ot.GetArchive(object.id); });
    return a.ok() ? a.value->status_name : "";
  }
  if (kind == "broadcast") {
    auto b = clients_.Sdk(family + ".get", [&](OpenTok const& ot) { return ot.GetBroadcast(object.id); });
    return b.ok() ? b.value->status_name : "";
  }
  if (kind == "captions") {
    auto c = clients_.Sdk(family + ".get", [&](OpenTok const& ot) { return ot.GetLiveCaptions(object.id); });
    return c.ok() ? c.value->status_name : "";
  }
  auto r = clients_.Sdk(family + ".get", [&](OpenTok const& ot) { return ot.GetRender(object.id); });
  return r.ok() ? r.value->status_name : "";
}

void Worker::ConfirmEnded(Tracked& object, std::string const& family, std::initializer_list<char const*> ended) {
  auto status = ReadStatus(object, family);
  if (status.empty()) return;
  Observe(object, status, "read after a refused call");
  if (std::none_of(ended.begin(), ended.end(), [&](char const* s) { return status == s; })) {
    run_.ledger.Violation(family + ": refused with 4xx while " + object.table->name() + " " + object.id + " is '" +
                          status + "'");
  }
}

bool Worker::AdvanceClock(double seconds) {
  if (!run_.clock.TryTake(seconds)) return false;
  auto answer = clients_.Control("control.clock", "POST", "/_mock/clock/advance",
                                 R"({"seconds":)" + std::to_string(seconds) + "}");
  if (!answer.ok()) return false;
  auto now = answer.Json().value("now", std::int64_t{0});
  if (now < last_clock_ms_) run_.ledger.Violation("the mock clock went back from " + std::to_string(last_clock_ms_) +
                                                  " to " + std::to_string(now) + " ms");
  last_clock_ms_ = std::max(last_clock_ms_, now);
  return true;
}

std::string Worker::Tag(char const* kind) { return std::string("soak-") + kind + "-" + std::to_string(index_) + "-" + std::to_string(++tags_); }

std::string Worker::Connect(std::string const& token) {
  auto answer = clients_.Control("control.connect", "POST", "/_mock/sessions/" + session_.id + "/connections",
                                 nlohmann::json{{"token", token}}.dump());
  if (!answer.ok()) return "";
  auto id = answer.Json().value("connectionId", "");
  run_.ledger.NewId("connection", id);
  return id;
}

// Archives: start (auto or manual stream mode, a tag of its own so that several run at
// once), stream selection and layout while recording, stop, available after the processing
// delay (a clock move), delete (three in four; the fourth stays listed).
void Worker::ArchiveStep(Step& step) {
  if (session_.archives.size() < 2) return StartArchive(step);
  auto& archive = session_.archives[std::uniform_int_distribution<std::size_t>(0, session_.archives.size() - 1)(random_)];
  if (!AdvanceArchive(step, archive)) {
    std::erase_if(session_.archives, [&](Tracked const& a) { return a.id == archive.id; });
  }
}

void Worker::StartArchive(Step& step) {
  opentok::StartArchiveOptions options{.name = "soak archive"};
  options.multi_archive_tag = Tag("archive");
  bool manual = (tags_ % 2) == 0;
  if (manual) options.stream_mode = opentok::StreamMode::kManual;
  auto started = clients_.Sdk("archive.start", [&](OpenTok const& ot) { return ot.StartArchive(session_.id, options); });
  if (!started.ok()) return;
  Tracked archive{.id = started.value->id, .table = &ArchiveTransitions(), .manual = manual};
  archive.keep = (session_.archives_started % 4) == 3;
  run_.ledger.NewId("archive", archive.id);
  ++session_.archives_started;
  step.Tally([](EpochTallies& t) { ++t.archives_started; });
  Observe(archive, started.value->status_name, "start answer", true);
  session_.archives.push_back(std::move(archive));
}

bool Worker::AdvanceArchive(Step& step, Tracked& archive) {
  ++archive.visits;
  auto const& id = archive.id;
  if (archive.status == "started" || archive.status == "paused") {
    if (archive.manual) {
      auto added = clients_.Sdk("archive.streams", [&](OpenTok const& ot) { ot.AddStreamToArchive(id, session_.stream_id); }, {409});
      if (!added.ok()) ConfirmEnded(archive, "archive", {"stopped", "available", "uploaded", "failed", "expired"});
    }
    clients_.Sdk("archive.layout", [&](OpenTok const& ot) { ot.SetArchiveLayout(id, {.type = "pip"}); }, {409});
    auto stopped = clients_.Sdk("archive.stop", [&](OpenTok const& ot) { return ot.StopArchive(id); }, {409});
    if (stopped.ok()) {
      Observe(archive, stopped.value->status_name, "stop answer");
    } else {
      ConfirmEnded(archive, "archive", {"stopped", "available", "uploaded", "failed", "expired"});
    }
    return true;
  }
  if (archive.status == "stopped") {
    auto status = ReadStatus(archive, "archive");
    if (!status.empty()) Observe(archive, status, "get");
    if (archive.status == "stopped" && AdvanceClock(kProcessingDelay)) {
      status = ReadStatus(archive, "archive");
      if (!status.empty()) Observe(archive, status, "get after the processing delay");
      if (archive.status == "stopped") run_.ledger.Violation("archive " + id + " still 'stopped' after the processing delay");
    }
    return true;
  }
  if ((archive.status == "available" || archive.status == "uploaded") && !archive.keep) {
    auto deleted = clients_.Sdk("archive.delete", [&](OpenTok const& ot) { ot.DeleteArchive(id); }, {409});
    if (!deleted.ok()) {
      ConfirmEnded(archive, "archive", {"expired", "failed"});
      return false;
    }
    ++session_.archives_deleted;
    step.Tally([](EpochTallies& t) { ++t.archives_deleted; });
    // Gone: a read is a 404, or shows it deleted.
    auto read = clients_.Sdk("archive.get", [&](OpenTok const& ot) { return ot.GetArchive(id); }, {404});
    if (read.ok()) Observe(archive, read.value->status_name, "get after delete");
    if (read.ok() && read.value->status_name != "deleted") {
      run_.ledger.Violation("archive " + id + " reads '" + read.value->status_name + "' after its delete");
    }
  }
  return false;  // kept, deleted, expired or failed: its lifecycle is over
}

// The session's lists against what this worker did in it (nobody else touches it).
void Worker::ListStep() {
  auto archives = clients_.Sdk("archive.list", [&](OpenTok const& ot) { return ot.ListArchives(0, 1000, session_.id); });
  if (archives.ok()) {
    auto expected = static_cast<std::int64_t>(session_.archives_started - session_.archives_deleted);
    if (archives.value->total_count != expected) {
      run_.ledger.Violation("archive list of session " + session_.id + ": count " +
                            std::to_string(archives.value->total_count) + ", expected " + std::to_string(expected) +
                            " (started minus deleted)");
    }
    if (!AllDistinct(archives.value->items, [](auto const& a) { return a.id; })) {
      run_.ledger.Violation("archive list of session " + session_.id + " names an archive twice");
    }
    for (auto const& item : archives.value->items) {
      for (auto& archive : session_.archives) {
        if (archive.id == item.id) Observe(archive, item.status_name, "list");
      }
    }
  }
  auto broadcasts = clients_.Sdk("broadcast.list", [&](OpenTok const& ot) { return ot.ListBroadcasts(0, 1000, session_.id); });
  if (broadcasts.ok() && broadcasts.value->total_count != static_cast<std::int64_t>(session_.broadcasts_started)) {
    run_.ledger.Violation("broadcast list of session " + session_.id + ": count " +
                          std::to_string(broadcasts.value->total_count) + ", expected " +
                          std::to_string(session_.broadcasts_started));
  }
}

// Broadcasts: HLS and RTMP, a tag of their own; read, then stopped on the next visit.
void Worker::BroadcastStep(Step& step) {
  if (session_.broadcasts.empty()) {
    opentok::StartBroadcastOptions options{.hls = opentok::HlsOptions{}};
    options.rtmp.push_back({.id = "soak", .server_url = "rtmp://127.0.0.1/live", .stream_name = "soak"});
    options.multi_broadcast_tag = Tag("broadcast");
    options.max_duration = 36000;
    auto started = clients_.Sdk("broadcast.start", [&](OpenTok const& ot) { return ot.StartBroadcast(session_.id, options); });
    if (!started.ok()) return;
    Tracked broadcast{.id = started.value->id, .table = &BroadcastTransitions()};
    run_.ledger.NewId("broadcast", broadcast.id);
    ++session_.broadcasts_started;
    step.Tally([](EpochTallies& t) { ++t.broadcasts_started; });
    Observe(broadcast, started.value->status_name, "start answer", true);
    session_.broadcasts.push_back(std::move(broadcast));
    return;
  }
  auto& broadcast = session_.broadcasts.front();
  auto status = ReadStatus(broadcast, "broadcast");
  if (!status.empty()) Observe(broadcast, status, "get");
  auto stopped = clients_.Sdk("broadcast.stop", [&](OpenTok const& ot) { return ot.StopBroadcast(broadcast.id); }, {404, 409});
  if (stopped.ok()) {
    Observe(broadcast, stopped.value->status_name, "stop answer");
  } else {
    ConfirmEnded(broadcast, "broadcast", {"stopped"});
  }
  session_.broadcasts.erase(session_.broadcasts.begin());
}

// Signals to the session and to the client; the control plane's count of what the client
// received must match what this worker sent.
void Worker::SignalStep() {
  opentok::SignalProperties signal{.type = "soak", .data = std::to_string(session_.signals_to_client)};
  if (clients_.Sdk("signal.session", [&](OpenTok const& ot) { ot.Signal(session_.id, signal); }).ok()) {
    ++session_.signals_to_client;
  }
  if (clients_.Sdk("signal.connection", [&](OpenTok const& ot) { ot.Signal(session_.id, signal, session_.connection_id); }).ok()) {
    ++session_.signals_to_client;
  }
  auto received = clients_.Control("control.signals", "GET",
                                   "/_mock/sessions/" + session_.id + "/connections/" + session_.connection_id + "/signals");
  if (!received.ok()) return;
  auto count = received.Json().value("count", std::uint64_t{0});
  if (count != session_.signals_to_client) {
    run_.ledger.Violation("connection " + session_.connection_id + " received " + std::to_string(count) +
                          " signals, " + std::to_string(session_.signals_to_client) + " were sent");
  }
}

// A second client joins and publishes, is muted (alone, then with everybody but the first
// client), listed, and force-disconnected; the control plane must then not show it.
void Worker::ModerationStep() {
  auto extra = Connect(session_.publisher_token);
  if (extra.empty()) return;
  auto published = clients_.Control("control.publish", "POST",
                                    "/_mock/sessions/" + session_.id + "/connections/" + extra + "/streams", "{}");
  if (published.ok()) {
    auto stream = published.Json().value("streamId", "");
    run_.ledger.NewId("stream", stream);
    clients_.Sdk("moderation.mute", [&](OpenTok const& ot) { ot.ForceMuteStream(session_.id, stream); });
  }
  clients_.Sdk("moderation.mute-all", [&](OpenTok const& ot) { ot.ForceMuteAll(session_.id, {session_.stream_id}); });
  clients_.Sdk("moderation.mute-all", [&](OpenTok const& ot) { ot.DisableForceMute(session_.id); });
  auto listed = clients_.Sdk("connection.list", [&](OpenTok const& ot) { return ot.ListConnections(session_.id); });
  if (listed.ok()) {
    auto const& items = listed.value->items;
    for (auto const& id : {session_.connection_id, extra}) {
      if (std::none_of(items.begin(), items.end(), [&](auto const& c) { return c.connection_id == id; })) {
        run_.ledger.Violation("connection list of session " + session_.id + " misses connected client " + id);
      }
    }
    if (!AllDistinct(items, [](auto const& c) { return c.connection_id; })) {
      run_.ledger.Violation("connection list of session " + session_.id + " names a connection twice");
    }
  }
  if (!clients_.Sdk("connection.disconnect", [&](OpenTok const& ot) { ot.ForceDisconnect(session_.id, extra); }).ok()) return;
  auto view = clients_.Control("control.session", "GET", "/_mock/sessions/" + session_.id);
  if (!view.ok()) return;
  auto json = view.Json();
  for (auto const& connection : json.value("connections", nlohmann::json::array())) {
    if (connection.value("connectionId", "") == extra) {
      run_.ledger.Violation("connection " + extra + " is still in session " + session_.id + " after its force-disconnect");
    }
  }
}

void Worker::SessionStep() {
  auto session = clients_.Sdk("session.create", [](OpenTok const& ot) { return ot.CreateSession(); });
  if (session.ok()) run_.ledger.NewId("session", session.value->id);
}

void Worker::StreamsStep() {
  auto streams = clients_.Sdk("stream.list", [&](OpenTok const& ot) { return ot.ListStreams(session_.id); });
  if (streams.ok() && std::none_of(streams.value->items.begin(), streams.value->items.end(),
                                   [&](auto const& s) { return s.id == session_.stream_id; })) {
    run_.ledger.Violation("stream list of session " + session_.id + " misses published stream " + session_.stream_id);
  }
  auto stream = clients_.Sdk("stream.get", [&](OpenTok const& ot) { return ot.GetStream(session_.id, session_.stream_id); });
  if (stream.ok() && stream.value->id != session_.stream_id) {
    run_.ledger.Violation("stream " + session_.stream_id + " read back as " + stream.value->id);
  }
  clients_.Sdk("stream.class-lists", [&](OpenTok const& ot) {
    ot.SetStreamClassLists(session_.id, {{.stream_id = session_.stream_id, .layout_class_list = {"soak"}}});
  });
}

// Small moves (a second at a time, within the budget) between the lifecycle's own moves;
// the clock never goes back.
void Worker::ClockStep() {
  if (AdvanceClock(1)) return;
  auto now = clients_.Control("control.clock", "GET", "/_mock/clock");
  if (!now.ok()) return;
  auto ms = now.Json().value("now", std::int64_t{0});
  if (ms < last_clock_ms_) run_.ledger.Violation("the mock clock went back from " + std::to_string(last_clock_ms_) + " to " + std::to_string(ms) + " ms");
  last_clock_ms_ = std::max(last_clock_ms_, ms);
}

}  // namespace opentok_soak
