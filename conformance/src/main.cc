// opentok-conformance: checks that an OpenTok endpoint (the mock, in process or at a URL,
// or the live service) and this SDK agree on token formats, session ids, the archive
// and broadcast lifecycles, layouts, stream selection, class lists, error semantics,
// listing, signals, moderation, SIP, live captions, renders and the Audio Connector.
#include <gtest/gtest.h>

#include <cstring>
#include <fstream>
#include <iostream>

#include "archive_tracker.h"
#include "broadcast_tracker.h"
#include "conformance_test.h"
#include "media_tracker.h"
#include "summary_listener.h"
#include "transition_matrix.h"

namespace opentok::conformance {
namespace {

constexpr char kUsage[] = R"(opentok-conformance: OpenTok REST conformance suite.

Target (environment):
  (nothing)                          start a mock server in this process and check it
  OPENTOK_API_URL=URL                check that endpoint; a mock server (one that answers
                                     GET /_mock/health) is driven through its control plane,
                                     anything else is treated as the live service
  OPENTOK_API_KEY, OPENTOK_API_SECRET  project credentials (required for live; optional for
                                     a mock at a URL, which mints a project)
  OPENTOK_CONFORMANCE_TARGET=live    treat a mock at OPENTOK_API_URL as live
  OPENTOK_CONFORMANCE_WAIT_FOR_PUBLISHER=SECONDS
                                     live: create a routed session, print its id and a
                                     publisher token, wait for a stream, then run the
                                     archive checks that are reachable live
  OPENTOK_CONFORMANCE_POLL_MS=MS     live polling interval (default 1000)
  OPENTOK_CONFORMANCE_ARCHIVE_PROCESSING_SECONDS, OPENTOK_CONFORMANCE_ARCHIVE_MAX_DURATION
                                     a standalone mock's archive timings, if not the defaults

Options:
  --matrix-out=FILE                  write the archive and broadcast transition matrices
                                     with this run's verdicts (Markdown, between the
                                     marker comments of docs/conformance.md) to FILE
  --gtest_output=xml:FILE            JUnit-style report; all other --gtest_* flags work too

)";

class TargetEnvironment : public ::testing::Environment {
 public:
  void SetUp() override {
    try {
      target_ = Target::FromEnvironment();
      SetCurrentTarget(target_.get());
      std::cout << "[conformance] target: " << target_->Describe() << std::endl;
    } catch (std::exception const& e) {
      FAIL() << "cannot set up the conformance target: " << e.what();
    }
  }
  void TearDown() override {
    if (!target_) return;
    for (auto const& left : ArchiveTracker::Instance().CleanUpAll()) {
      ADD_FAILURE() << "archive left behind after clean-up: " << left;
    }
    for (auto const& left : BroadcastTracker::Instance().CleanUpAll()) {
      ADD_FAILURE() << "broadcast still started after clean-up: " << left;
    }
    for (auto const& left : MediaTracker::Instance().CleanUpAll()) {
      ADD_FAILURE() << "still running after clean-up: " << left;
    }
    // Stop an in-process mock here, not during static destruction: its worker threads
    // use library statics that are gone by then.
    SetCurrentTarget(nullptr);
    target_.reset();
  }

 private:
  std::unique_ptr<Target> target_;
};

}  // namespace

void ConformanceTest::TearDown() {
  ArchiveTracker::Instance().StopRecording();
  BroadcastTracker::Instance().StopStarted();
  MediaTracker::Instance().EndPending();
}

}  // namespace opentok::conformance

int main(int argc, char** argv) {
  using namespace opentok::conformance;
  std::string matrix_out;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) std::cout << kUsage;
    if (std::strncmp(argv[i], "--matrix-out=", 13) == 0) matrix_out = argv[i] + 13;
  }
  ::testing::InitGoogleTest(&argc, argv);
  auto* summary = new SummaryListener();
  ::testing::UnitTest::GetInstance()->listeners().Append(summary);  // gtest owns it
  auto* environment = new TargetEnvironment();
  ::testing::AddGlobalTestEnvironment(environment);  // gtest owns it
  int status = RUN_ALL_TESTS();
  if (!matrix_out.empty()) {
    std::ofstream out(matrix_out);
    out << FormatReadmeMatrices(summary->VerdictsByName(), CurrentTargetKind());
    if (!out) {
      std::cerr << "cannot write " << matrix_out << "\n";
      return 1;
    }
  }
  return status;
}
