#include "summary_listener.h"

#include <iostream>

#include "redaction.h"
#include "target.h"

namespace opentok::conformance {
namespace {

std::string FirstLine(char const* text) {
  std::string line = text == nullptr ? "" : text;
  auto newline = line.find('\n');
  return Redact(newline == std::string::npos ? line : line.substr(0, newline));
}

char const* Label(Verdict verdict) {
  switch (verdict) {
    case Verdict::kPass: return "PASS";
    case Verdict::kFail: return "FAIL";
    case Verdict::kSkip: return "SKIP";
  }
  return "?";
}

}  // namespace

void SummaryListener::OnTestStart(::testing::TestInfo const&) {
  first_note_.clear();
  if (auto const* target = CurrentTargetOrNull()) target->recorder().Clear();
}

void SummaryListener::OnTestPartResult(::testing::TestPartResult const& result) {
  if (first_note_.empty() && (result.failed() || result.skipped())) first_note_ = FirstLine(result.message());
}

void SummaryListener::OnTestEnd(::testing::TestInfo const& info) {
  auto const* result = info.result();
  Verdict verdict = result->Failed() ? Verdict::kFail : result->Skipped() ? Verdict::kSkip : Verdict::kPass;
  results_.push_back({std::string(info.test_suite_name()) + "." + info.name(), verdict, first_note_});
  auto const* target = CurrentTargetOrNull();
  if (verdict == Verdict::kFail && target != nullptr) {
    std::cout << "Requests and responses of this check (credentials redacted):\n"
              << target->recorder().Format() << std::flush;
  }
}

void SummaryListener::OnTestProgramEnd(::testing::UnitTest const& unit_test) {
  int counts[3] = {0, 0, 0};
  std::cout << "\n=== OpenTok conformance summary ===\n";
  std::cout << "target: " << CurrentTargetDescription() << "\n";
  for (auto const& r : results_) {
    ++counts[static_cast<int>(r.verdict)];
    std::cout << "  " << Label(r.verdict) << "  " << r.name;
    if (!r.note.empty() && r.verdict != Verdict::kPass) std::cout << "  (" << r.note << ")";
    std::cout << "\n";
  }
  std::cout << counts[0] << " passed, " << counts[1] << " failed, " << counts[2] << " skipped\n";
  // What the run cost the endpoint: clean-up included, so this stays proportional to the
  // checks only if every check's clean-up is (a live project's rate limits count these).
  auto requests = CurrentTargetRequestCounts();
  std::cout << "REST calls: " << requests.rest << " for " << results_.size() << " checks";
  if (requests.control_plane > 0) std::cout << " (and " << requests.control_plane << " control-plane requests)";
  std::cout << "\n";
  // Also a failed target set-up (every check then skipped) fails the run.
  std::cout << "result: " << (unit_test.Passed() ? "PASS" : "FAIL") << "\n" << std::flush;
}

std::map<std::string, Verdict> SummaryListener::VerdictsByName() const {
  std::map<std::string, Verdict> verdicts;
  for (auto const& r : results_) verdicts[r.name] = r.verdict;
  return verdicts;
}

}  // namespace opentok::conformance
