#include "archive_downloader.h"

#include <httplib.h>

#include <cstdint>
#include <fstream>
#include <optional>
#include <string_view>
#include <system_error>
#include <utility>

namespace webhook_receiver {
namespace {

struct SplitUrl {
  std::string origin;  // "https://host:port"
  std::string target;  // "/path?query"
};

std::optional<SplitUrl> Split(std::string const& url) {
  auto scheme_end = url.find("://");
  if (scheme_end == std::string::npos) return std::nullopt;
  std::string_view scheme(url.data(), scheme_end);
  if (scheme != "http" && scheme != "https") return std::nullopt;
  auto host_end = url.find_first_of("/?#", scheme_end + 3);
  if (host_end == scheme_end + 3) return std::nullopt;
  if (host_end == std::string::npos) return SplitUrl{url, "/"};
  std::string target = url.substr(host_end);
  if (target.front() != '/') target.insert(0, "/");
  return SplitUrl{url.substr(0, host_end), std::move(target)};
}

// Storage URLs are often pre-signed: their query string is a credential. Reports show the
// URL without it.
std::string WithoutQuery(std::string const& url) { return url.substr(0, url.find_first_of("?#")); }

// Archive ids are UUIDs; anything else could name a path outside the directory.
bool IsPlainId(std::string const& id) {
  return !id.empty() && id.size() <= 64 &&
         id.find_first_not_of("0123456789abcdefABCDEF-") == std::string::npos;
}

}  // namespace

ArchiveDownloader::ArchiveDownloader(DownloadPolicy policy, Report report)
    : policy_(std::move(policy)), report_(std::move(report)), worker_([this] { Run(); }) {}

ArchiveDownloader::~ArchiveDownloader() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  worker_.join();
}

void ArchiveDownloader::Enqueue(opentok::Archive const& archive) {
  {
    std::lock_guard lock(mutex_);
    if (!seen_ids_.insert(archive.id).second) return;
    queue_.push_back(archive);
  }
  wake_.notify_one();
}

void ArchiveDownloader::Run() {
  for (;;) {
    opentok::Archive archive;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;
      archive = std::move(queue_.front());
      queue_.pop_front();
    }
    Download(archive);
  }
}

void ArchiveDownloader::Download(opentok::Archive const& archive) {
  auto fail = [&](std::string const& why) { report_("download of archive " + archive.id + " failed: " + why); };
  if (!IsPlainId(archive.id)) return fail("the archive id is not a UUID");
  if (!archive.url) return fail("the callback has no url");
  std::string const shown_url = WithoutQuery(*archive.url);
  bool allowed = false;
  for (auto const& prefix : policy_.allowed_prefixes) allowed = allowed || archive.url->starts_with(prefix);
  if (!allowed) return fail(shown_url + " is not under an allowed prefix (--download-from)");
  auto url = Split(*archive.url);
  if (!url) return fail(shown_url + " is not an http or https URL");

  httplib::Client client(url->origin);
  client.set_connection_timeout(policy_.connect_timeout);
  client.set_read_timeout(policy_.read_timeout);
  client.set_write_timeout(policy_.connect_timeout);
  // A redirect could leave the allowed prefixes.
  client.set_follow_location(false);

  // Written under a temporary name and renamed once complete, so the file is either whole
  // or absent. Individual-stream archives are ZIP files of per-stream files.
  char const* extension = archive.output_mode == opentok::OutputMode::kIndividual ? ".zip" : ".mp4";
  std::filesystem::path const path = policy_.directory / (archive.id + extension);
  std::filesystem::path const partial = policy_.directory / (archive.id + ".part");
  std::ofstream out(partial, std::ios::binary | std::ios::trunc);
  if (!out) return fail("cannot write " + partial.string());
  std::uint64_t bytes = 0;
  auto result = client.Get(url->target, [&](char const* data, std::size_t length) {
    out.write(data, static_cast<std::streamsize>(length));
    bytes += length;
    return static_cast<bool>(out);
  });
  out.close();
  std::error_code ignored;
  if (!result) {
    std::filesystem::remove(partial, ignored);
    return fail(shown_url + ": no response (" + httplib::to_string(result.error()) + ")");
  }
  if (result->status != 200) {
    std::filesystem::remove(partial, ignored);
    return fail(shown_url + ": HTTP " + std::to_string(result->status));
  }
  if (!out) {
    std::filesystem::remove(partial, ignored);
    return fail("cannot write " + partial.string());
  }
  std::error_code error;
  std::filesystem::rename(partial, path, error);
  if (error) return fail("cannot rename to " + path.string() + ": " + error.message());
  report_("downloaded archive " + archive.id + ": " + std::to_string(bytes) + " bytes to " + path.string());
}

}  // namespace webhook_receiver
