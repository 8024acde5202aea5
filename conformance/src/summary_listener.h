#pragma once

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace opentok::conformance {

enum class Verdict { kPass, kFail, kSkip };

struct CheckResult {
  std::string name;  // "Suite.Test" (with the parameter suffix)
  Verdict verdict = Verdict::kPass;
  std::string note;  // skip reason or first failure line
};

// Collects every check's verdict, prints the requests and responses of a failing check
// (credentials redacted) as soon as it fails, and prints a summary with the target at the
// end of the run.
class SummaryListener : public ::testing::EmptyTestEventListener {
 public:
  void OnTestStart(::testing::TestInfo const& info) override;
  void OnTestPartResult(::testing::TestPartResult const& result) override;
  void OnTestEnd(::testing::TestInfo const& info) override;
  void OnTestProgramEnd(::testing::UnitTest const& unit_test) override;

  std::vector<CheckResult> const& results() const { return results_; }
  // Verdict by full test name, for the transition matrix.
  std::map<std::string, Verdict> VerdictsByName() const;

 private:
  std::vector<CheckResult> results_;
  std::string first_note_;
};

}  // namespace opentok::conformance
