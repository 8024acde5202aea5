#pragma once

// Downloads archives whose callback said `available`, one at a time on its own thread: the
// callback's HTTP answer must not wait for a download (the service would time out and post
// the callback again), and a callback posted twice must not download twice.

#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <functional>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <opentok/archive.h>

namespace webhook_receiver {

struct DownloadPolicy {
  // Only URLs starting with one of these are fetched ("https://archives.example.com/").
  // An archive URL is wherever the callback body says: without a list, a forged callback
  // could make the receiver fetch any address. Empty: nothing is downloaded.
  std::vector<std::string> allowed_prefixes;
  std::filesystem::path directory = ".";
  std::chrono::seconds connect_timeout{5};
  std::chrono::seconds read_timeout{30};  // between two reads, not for the whole file
};

class ArchiveDownloader {
 public:
  using Report = std::function<void(std::string const& line)>;

  ArchiveDownloader(DownloadPolicy policy, Report report);
  // Finishes the download in progress; queued ones are dropped.
  ~ArchiveDownloader();
  ArchiveDownloader(ArchiveDownloader const&) = delete;
  ArchiveDownloader& operator=(ArchiveDownloader const&) = delete;

  // Queues the archive unless its id was queued before.
  void Enqueue(opentok::Archive const& archive);

 private:
  void Run();
  void Download(opentok::Archive const& archive);

  DownloadPolicy const policy_;
  Report const report_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<opentok::Archive> queue_;
  std::set<std::string> seen_ids_;
  bool stopping_ = false;
  std::thread worker_;  // last: starts once everything above exists
};

}  // namespace webhook_receiver
