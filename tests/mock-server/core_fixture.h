#pragma once

// A MockService with a frozen clock, a seed, an injectable wall clock and one project, plus
// helpers that drive simulated clients. No sockets.

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <stdexcept>
#include <string>

#include "opentok_mock/service.h"
#include "token_helpers.h"

namespace opentok_mock::testing {

// Unwraps a Result, turning an unexpected error into a test failure with its message.
template <typename T>
T Must(Result<T> result) {
  if (!result) {
    throw std::runtime_error("unexpected error " + std::to_string(result.error().http_status) + ": " +
                             result.error().message);
  }
  return std::move(result).value();
}

inline constexpr std::int64_t kWallStartMs = 1'750'000'000'000;
inline constexpr char kKey[] = "12345678";
inline constexpr char kSecret[] = "0123456789abcdef0123456789abcdef01234567";

class CoreTest : public ::testing::Test {
 protected:
  explicit CoreTest(ServiceOptions options = DefaultOptions())
      : wall_ms_(std::make_shared<std::atomic<std::int64_t>>(kWallStartMs)),
        service_(WithWall(std::move(options), wall_ms_)) {
    Must(service_.AddProject(kKey, kSecret));
  }

  static ServiceOptions DefaultOptions() {
    ServiceOptions options;
    options.frozen_clock = true;
    options.seed = 42;
    return options;
  }

  std::string RoutedSession(ArchiveMode archive_mode = ArchiveMode::kManual, std::string archive_name = {}) {
    SessionSettings settings;
    settings.media_mode = MediaMode::kRouted;
    settings.archive_mode = archive_mode;
    settings.archive_name = std::move(archive_name);
    return Must(service_.CreateSession(kKey, settings)).session_id;
  }

  std::string Token(std::string const& session_id, std::string const& role = "publisher") {
    return MakeJwt(ClientClaims(kKey, session_id, role, service_.NowMs() / 1000), kSecret);
  }

  std::string Connect(std::string const& session_id, std::string const& role = "publisher") {
    return Must(service_.Connect(session_id, Token(session_id, role))).connection_id;
  }

  std::string Publish(std::string const& session_id, std::string const& connection_id) {
    return Must(service_.Publish(session_id, connection_id, PublishSettings{})).stream_id;
  }

  Archive Start(std::string const& session_id, std::string tag = {}) {
    StartArchiveRequest request;
    request.session_id = session_id;
    request.multi_archive_tag = std::move(tag);
    return Must(service_.StartArchive(kKey, request));
  }

  Archive Get(std::string const& archive_id) { return Must(service_.GetArchive(kKey, archive_id)); }

  void Advance(std::int64_t seconds) { Must(service_.AdvanceClock(std::chrono::seconds(seconds))); }

  // Moves the "real" time the service sees, without touching the mock clock's offset.
  void MoveWall(std::int64_t ms) { wall_ms_->fetch_add(ms); }

  std::shared_ptr<std::atomic<std::int64_t>> wall_ms_;
  MockService service_;

 private:
  static ServiceOptions WithWall(ServiceOptions options, std::shared_ptr<std::atomic<std::int64_t>> wall) {
    options.wall_clock = [wall] { return wall->load(); };
    return options;
  }
};

}  // namespace opentok_mock::testing
