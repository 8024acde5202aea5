// Resident memory per stored archive in the mock core: RSS (from /proc/self/statm) and
// heap in use (glibc mallinfo2, a cross-check that does not depend on what the allocator
// returned to the kernel) before and after storing N archives (default 100,000), divided
// by N. Prints one JSON object.
//
//   mock_memory [--archives N]

#include <malloc.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>

#include "mock_fixture.h"

namespace {

long ResidentBytes() {
  std::ifstream statm("/proc/self/statm");
  long size_pages = 0;
  long resident_pages = 0;
  statm >> size_pages >> resident_pages;
  return resident_pages * sysconf(_SC_PAGESIZE);
}

long HeapInUseBytes() { return static_cast<long>(mallinfo2().uordblks); }

}  // namespace

int main(int argc, char** argv) {
  long archives = 100'000;
  if (argc == 3 && std::strcmp(argv[1], "--archives") == 0) archives = std::stol(argv[2]);
  if (archives <= 0 || (argc != 1 && argc != 3)) {
    std::cerr << "usage: mock_memory [--archives N]\n";
    return 2;
  }
  opentok_mock::ServiceOptions options;
  options.frozen_clock = true;
  opentok_mock::MockService service(options);
  auto project = opentok::bench::Must(service.AddProject());
  auto session_id = opentok::bench::PublishingSession(service, project);
  // One archive first, so that one-time allocations (timer heap, indexes) are in the
  // baseline rather than charged to the archives.
  opentok::bench::StoreArchives(service, project.api_key, session_id, 1);

  long rss_before = ResidentBytes();
  long heap_before = HeapInUseBytes();
  opentok::bench::StoreArchives(service, project.api_key, session_id, static_cast<std::size_t>(archives));
  long rss_delta = ResidentBytes() - rss_before;
  long heap_delta = HeapInUseBytes() - heap_before;

  std::printf(
      "{\"archives\": %ld, \"rss_delta_bytes\": %ld, \"heap_delta_bytes\": %ld, "
      "\"rss_bytes_per_archive\": %.1f, \"heap_bytes_per_archive\": %.1f}\n",
      archives, rss_delta, heap_delta, static_cast<double>(rss_delta) / archives,
      static_cast<double>(heap_delta) / archives);
  return 0;
}
