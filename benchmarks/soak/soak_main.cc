// opentok_soak: a long mixed workload against the standalone mock, checking state
// invariants as it goes, and the mock's resident memory. See docs/development.md, "Soak".
//
//   opentok_soak --mock PATH [--seconds 120] [--workers 6] [--reset-every 15]
//                [--clock-rate 30] [--seed N] [--sample-ms 1000] [--no-memory-check]
//                [--memory-limit-percent 5] [--memory-limit-floor-mib 4] [--mock-flag F]...
//
// Exit 0 when every request was answered without a 5xx, every 4xx was one the state
// explains, every invariant held, the mock's memory stopped growing (unless
// --no-memory-check) and the mock exited cleanly (a sanitizer report makes it exit
// non-zero); 1 otherwise, with the report; 2 for bad flags.
#include <charconv>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "memory_trend.h"
#include "mock_process.h"
#include "resetter.h"
#include "worker.h"

namespace {

using namespace opentok_soak;
using Clock = std::chrono::steady_clock;

struct Flags {
  std::string mock;
  double seconds = 120;
  int workers = 6;
  double reset_every = 15;
  double clock_rate = 30;
  std::uint64_t seed = std::random_device{}();
  int sample_ms = 1000;
  bool memory_check = true;
  double memory_limit_percent = 5;
  double memory_limit_floor_mib = 4;
  std::vector<std::string> mock_flags;
};

[[noreturn]] void Usage(std::string const& problem) {
  if (!problem.empty()) std::cerr << "opentok_soak: " << problem << "\n";
  (problem.empty() ? std::cout : std::cerr)
            << "usage: opentok_soak --mock PATH [--seconds N] [--workers N] [--reset-every SECONDS] [--clock-rate R]\n"
            << "                    [--seed N] [--sample-ms N] [--no-memory-check] [--memory-limit-percent P]\n"
            << "                    [--memory-limit-floor-mib M] [--mock-flag FLAG]...\n";
  std::exit(problem.empty() ? 0 : 2);
}

template <typename T>
T Number(std::string const& flag, std::string const& text) {
  T value{};
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < T{0}) Usage("bad value for " + flag + ": " + text);
  return value;
}

Flags ParseFlags(int argc, char** argv) {
  Flags flags;
  for (int i = 1; i < argc; ++i) {
    std::string flag = argv[i];
    if (flag == "--help") Usage("");
    if (flag == "--no-memory-check") {
      flags.memory_check = false;
      continue;
    }
    if (i + 1 >= argc) Usage("missing value for " + flag);
    std::string value = argv[++i];
    if (flag == "--mock") flags.mock = value;
    else if (flag == "--seconds") flags.seconds = Number<double>(flag, value);
    else if (flag == "--workers") flags.workers = Number<int>(flag, value);
    else if (flag == "--reset-every") flags.reset_every = Number<double>(flag, value);
    else if (flag == "--clock-rate") flags.clock_rate = Number<double>(flag, value);
    else if (flag == "--seed") flags.seed = Number<std::uint64_t>(flag, value);
    else if (flag == "--sample-ms") flags.sample_ms = Number<int>(flag, value);
    else if (flag == "--memory-limit-percent") flags.memory_limit_percent = Number<double>(flag, value);
    else if (flag == "--memory-limit-floor-mib") flags.memory_limit_floor_mib = Number<double>(flag, value);
    else if (flag == "--mock-flag") flags.mock_flags.push_back(value);
    else Usage("unknown flag " + flag);
  }
  if (flags.mock.empty()) Usage("--mock is required");
  if (flags.workers < 1 || flags.sample_ms < 10 || flags.reset_every <= 0) Usage("--workers, --sample-ms or --reset-every out of range");
  return flags;
}

// A fresh project for this run; the secret is passed to the mock on its command line and
// never printed.
std::pair<std::int64_t, std::string> MakeProject() {
  std::random_device device;
  std::int64_t key = std::uniform_int_distribution<std::int64_t>(100000000, 999999999)(device);
  std::string secret;
  for (int i = 0; i < 40; ++i) secret.push_back("0123456789abcdef"[device() % 16]);
  return {key, secret};
}

void PrintFamilies(Ledger const& ledger) {
  std::printf("%-24s %9s %9s %9s %6s %8s\n", "family", "requests", "2xx", "4xx-ok", "5xx", "dropped");
  for (auto const& [family, c] : ledger.Families()) {
    std::printf("%-24s %9llu %9llu %9llu %6llu %8llu\n", family.c_str(), static_cast<unsigned long long>(c.Total()),
                static_cast<unsigned long long>(c.ok), static_cast<unsigned long long>(c.expected),
                static_cast<unsigned long long>(c.server_errors), static_cast<unsigned long long>(c.dropped));
  }
}

}  // namespace

int main(int argc, char** argv) {
  auto flags = ParseFlags(argc, argv);
  auto [api_key, api_secret] = MakeProject();
  std::unique_ptr<MockProcess> mock;
  try {
    // A sanitizer build of the mock starts slowly: give it a minute.
    mock = std::make_unique<MockProcess>(flags.mock, std::to_string(api_key) + ":" + api_secret, flags.mock_flags, 60000);
  } catch (std::exception const& e) {
    std::cerr << "opentok_soak: " << e.what() << "\n";
    return 1;
  }
  std::printf("soak: mock %s (pid %d), %d workers, %.0f s, reset every %.0f s, clock rate %.0fx, seed %llu\n",
              mock->url().c_str(), static_cast<int>(mock->pid()), flags.workers, flags.seconds, flags.reset_every,
              flags.clock_rate, static_cast<unsigned long long>(flags.seed));
  std::fflush(stdout);

  Ledger ledger;
  EpochGate gate;
  ClockBudget clock(flags.clock_rate);
  std::atomic<bool> stop{false};
  SharedRun run{mock->url(), api_key, api_secret, ledger, gate, clock, stop};

  auto start = Clock::now();
  std::vector<std::thread> threads;
  for (int i = 0; i < flags.workers; ++i) {
    threads.emplace_back([&run, i, seed = flags.seed + static_cast<std::uint64_t>(i)] { Worker(run, i, seed).Run(); });
  }
  Resetter resetter(run, std::chrono::milliseconds(static_cast<std::int64_t>(flags.reset_every * 1000)));
  std::thread reset_thread([&] { resetter.Run(); });

  // The memory samples; a mock that dies ends the run at once.
  std::vector<MemorySample> samples;
  bool mock_died = false;
  auto deadline = start + std::chrono::duration<double>(flags.seconds);
  for (auto next = start; next < deadline; next += std::chrono::milliseconds(flags.sample_ms)) {
    std::this_thread::sleep_until(next);
    auto rss = mock->ResidentKiB();
    if (rss < 0 || !mock->Running()) {
      mock_died = true;
      break;
    }
    samples.push_back({std::chrono::duration<double>(Clock::now() - start).count(), rss});
  }
  stop = true;
  resetter.Finish();
  reset_thread.join();
  for (auto& thread : threads) thread.join();
  auto elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  if (!mock_died) resetter.FinalCheck();
  int mock_exit = mock->Stop();

  auto requests = ledger.TotalRequests();
  std::printf("\nsoak: %llu requests in %.1f s (%.0f/s), %d resets, mock clock moved %.0f s\n",
              static_cast<unsigned long long>(requests), elapsed, static_cast<double>(requests) / elapsed,
              resetter.resets(), clock.Used());
  PrintFamilies(ledger);

  std::printf("\nmock VmRSS samples (MiB):\n%s", FormatSamples(samples).c_str());
  auto memory = JudgeMemory(samples, flags.memory_limit_percent, flags.memory_limit_floor_mib * 1024);
  std::printf("memory: first %.1f MiB, peak %.1f MiB, last %.1f MiB; second half: mean %.1f MiB, slope %+.1f KiB/s, "
              "growth %+.0f KiB (limit %.0f KiB)%s\n",
              memory.first_kib / 1024.0, memory.peak_kib / 1024.0, memory.last_kib / 1024.0, memory.mean_kib / 1024,
              memory.slope_kib_per_s, memory.growth_kib, memory.limit_kib, flags.memory_check ? "" : " [not checked]");

  std::vector<std::string> failures;
  if (mock_died) failures.push_back("the mock died during the run");
  if (mock_exit != 0) failures.push_back("the mock exited with status " + std::to_string(mock_exit) + " (a sanitizer report?)");
  if (auto count = ledger.ViolationCount()) failures.push_back(std::to_string(count) + " violations (first ones below)");
  if (flags.memory_check && !memory.enough_samples) failures.push_back("too few memory samples to judge growth");
  if (flags.memory_check && memory.enough_samples && !memory.ok) failures.push_back("the mock's resident memory kept growing");
  if (requests == 0) failures.push_back("no requests were made");
  for (auto const& v : ledger.Violations()) std::printf("violation: %s\n", v.c_str());
  if (failures.empty()) {
    std::printf("soak: PASS\n");
    return 0;
  }
  for (auto const& f : failures) std::printf("soak: FAIL: %s\n", f.c_str());
  return 1;
}
