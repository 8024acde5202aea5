#include "resetter.h"

#include <set>

namespace opentok_soak {

using opentok::OpenTok;

Resetter::Resetter(SharedRun& run, std::chrono::milliseconds interval)
    : run_(run), interval_(interval), clients_(run.url, run.api_key, run.api_secret, run.ledger) {}

void Resetter::Run() {
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, interval_, [&] { return finished_; })) {
    lock.unlock();
    run_.gate.Exclusive([&](EpochTallies const& tallies) {
      Check(tallies);
      clients_.Control("control.reset", "POST", "/_mock/reset", "");
    });
    lock.lock();
    ++resets_;
  }
}

void Resetter::Finish() {
  std::lock_guard lock(mutex_);
  finished_ = true;
  wake_.notify_all();
}

void Resetter::FinalCheck() {
  run_.gate.Exclusive([&](EpochTallies const& tallies) { Check(tallies); });
}

void Resetter::Check(EpochTallies const& tallies) {
  auto& ledger = run_.ledger;
  auto compare = [&](char const* what, std::int64_t listed, std::uint64_t expected, char const* how) {
    if (listed != static_cast<std::int64_t>(expected)) {
      ledger.Violation(std::string(what) + " list at the end of an epoch: count " + std::to_string(listed) +
                       ", expected " + std::to_string(expected) + " (" + how + ")");
    }
  };
  // Every page of the archive list, 1000 at a time.
  std::set<std::string> ids;
  std::int64_t total = -1, items = 0;
  for (int offset = 0; total < 0 || offset < total; offset += 1000) {
    auto page = clients_.Sdk("archive.list", [&](OpenTok const& ot) { return ot.ListArchives(offset, 1000); });
    if (!page.ok()) return;
    total = page.value->total_count;
    if (page.value->items.empty()) break;
    for (auto const& archive : page.value->items) {
      ++items;
      if (!ids.insert(archive.id).second) ledger.Violation("the archive list names " + archive.id + " twice");
    }
  }
  compare("archive", total, tallies.archives_started - tallies.archives_deleted, "started minus deleted");
  if (items != total) ledger.Violation("the archive list's pages hold " + std::to_string(items) + " archives, its count says " + std::to_string(total));

  auto broadcasts = clients_.Sdk("broadcast.list", [](OpenTok const& ot) { return ot.ListBroadcasts(0, 1000); });
  if (broadcasts.ok()) compare("broadcast", broadcasts.value->total_count, tallies.broadcasts_started, "started");
  auto renders = clients_.Sdk("render.list", [](OpenTok const& ot) { return ot.ListRenders(0, 1000); });
  if (renders.ok()) compare("render", renders.value->total_count, tallies.renders_started, "started");
}

}  // namespace opentok_soak
