#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>

#include "target.h"

namespace opentok::conformance {

// Base fixture of every check: after each check, archives it left recording, broadcasts
// it left started, and captions, renders, Audio Connector connections and SIP calls it
// left running are ended (so a failing check leaves nothing running on a live project).
class ConformanceTest : public ::testing::Test {
 protected:
  void TearDown() override;

  static Target const& target() { return CurrentTarget(); }
  // Credentials for one check: on a mock a project or application of its own (so nothing another check
  // did can change a count), on live the configured project.
  static Credentials OwnProject() {
    return target().NewCredentials();
  }
  // The target's clock in epoch milliseconds (the mock clock on a mock): what the wire tables
  // compare createdAt/updatedAt with.
  static std::int64_t NowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(target().Now().time_since_epoch()).count();
  }
};

// Skips the current check with a reason unless the target has the mock control plane.
#define OPENTOK_REQUIRE_CONTROL_PLANE(what)                                                 \
  do {                                                                                      \
    if (!::opentok::conformance::CurrentTarget().has_control_plane()) {                     \
      GTEST_SKIP() << "needs the mock's control plane (" << what << "); the target is live"; \
    }                                                                                       \
  } while (false)

}  // namespace opentok::conformance
