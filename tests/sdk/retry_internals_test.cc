// The retry policy's pieces below the public API: the idempotency table covers exactly the
// operations the SDK sends (read from its sources), the backoff stays in its jitter
// bounds, and Retry-After values and HTTP-dates parse as RFC 9110 says.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "internal/http_date.h"
#include "internal/operation_safety.h"
#include "internal/retry_schedule.h"

namespace opentok::internal {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using std::chrono::system_clock;

// Operation names as the SDK's sources pass them to RestConnection::Send: a
// `kOperation[] = "Name"` constant or a literal first argument `.Send("Name", ...`.
std::set<std::string> OperationNamesInSources() {
  std::regex const pattern(R"re((?:kOperation\[\]\s*=\s*|\.Send\(\s*)"([A-Za-z]+)")re");
  std::set<std::string> names;
  for (auto const& entry : std::filesystem::recursive_directory_iterator(OPENTOK_SDK_SOURCE_DIR)) {
    if (entry.path().extension() != ".cc") continue;
    std::ifstream in(entry.path());
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (std::sregex_iterator it(text.begin(), text.end(), pattern), end; it != end; ++it) names.insert((*it)[1]);
  }
  return names;
}

TEST(OperationSafetyTable, CoversEveryOperationTheSdkSendsAndNothingElse) {
  std::set<std::string> used = OperationNamesInSources();
  // A scan that finds nothing would pass the subset checks vacuously; the SDK has dozens.
  ASSERT_GE(used.size(), 30u) << "the source scan is broken";
  std::set<std::string> table;
  for (auto const& row : OperationSafetyTable()) {
    EXPECT_TRUE(table.insert(std::string(row.operation)).second) << "listed twice: " << row.operation;
  }
  for (auto const& name : used) EXPECT_TRUE(table.contains(name)) << name << " has no row in operation_safety.cc";
  for (auto const& name : table) EXPECT_TRUE(used.contains(name)) << name << " is in the table but never sent";
}

TEST(OperationSafetyTable, StartsAndMessagesAreNotIdempotentReadsAndStopsAre) {
  for (auto name : {"StartArchive", "StartBroadcast", "StartRender", "StartLiveCaptions", "Dial",
                    "ConnectAudioToWebSocket", "Signal", "PlayDTMF", "ForceMuteStream", "ForceMuteAll"}) {
    EXPECT_FALSE(IsIdempotent(name)) << name;
  }
  for (auto name : {"GetArchive", "ListBroadcasts", "StopArchive", "DeleteArchive", "SetBroadcastLayout",
                    "AddStreamToArchive", "StopRender", "CreateSession"}) {
    EXPECT_TRUE(IsIdempotent(name)) << name;
  }
}

TEST(OperationSafetyTable, AnUnknownOperationIsNotIdempotent) { EXPECT_FALSE(IsIdempotent("SomethingNew")); }

TEST(IsRetryable, ByStatusTransportFailureAndIdempotency) {
  for (int status : {429, 502, 503, 504}) {
    EXPECT_TRUE(IsRetryable({.status = status}, true)) << status;
    EXPECT_FALSE(IsRetryable({.status = status}, false)) << status;
  }
  for (int status : {400, 401, 404, 409, 500, 501}) EXPECT_FALSE(IsRetryable({.status = status}, true)) << status;
  EXPECT_TRUE(IsRetryable({.status = 0, .request_may_have_been_sent = true}, true));
  EXPECT_FALSE(IsRetryable({.status = 0, .request_may_have_been_sent = true}, false));
  EXPECT_TRUE(IsRetryable({.status = 0, .request_may_have_been_sent = false}, false));
}

TEST(BackoffDelay, StaysWithinItsJitterBounds) {
  RetryPolicy policy;
  policy.initial_backoff = milliseconds(100);
  policy.max_backoff = milliseconds(1500);
  policy.multiplier = 2.0;
  policy.jitter = 0.4;
  for (int retry = 1; retry <= 8; ++retry) {
    double const base = std::min(1500.0, 100.0 * (1 << (retry - 1)));
    for (double unit : {0.0, 0.1, 0.5, 0.9, 0.999999}) {
      auto wait = BackoffDelay(policy, retry, unit).count();
      EXPECT_LE(wait, base) << "retry " << retry << " unit " << unit;
      EXPECT_GE(wait, static_cast<std::int64_t>(base * 0.6) - 1) << "retry " << retry << " unit " << unit;
    }
    EXPECT_EQ(BackoffDelay(policy, retry, 0.0).count(), static_cast<std::int64_t>(base));
  }
}

TEST(BackoffDelay, HugeExponentsSaturateAtTheMaximum) {
  RetryPolicy policy;
  policy.initial_backoff = milliseconds(1);
  policy.max_backoff = seconds(30);
  policy.multiplier = 10.0;
  policy.jitter = 0.0;
  EXPECT_EQ(BackoffDelay(policy, 400, 0.0), seconds(30));  // 10^399 overflows a double
}

system_clock::time_point At(std::int64_t epoch_seconds) { return system_clock::time_point(seconds(epoch_seconds)); }

// RFC 9110's example instant, Sun, 06 Nov 1994 08:49:37 GMT.
constexpr std::int64_t kExample = 784111777;

TEST(ParseHttpDate, AcceptsTheThreeFormsOfRfc9110) {
  EXPECT_EQ(ParseHttpDate("Sun, 06 Nov 1994 08:49:37 GMT"), At(kExample));
  EXPECT_EQ(ParseHttpDate("Sunday, 06-Nov-94 08:49:37 GMT"), At(kExample));
  EXPECT_EQ(ParseHttpDate("Sun Nov  6 08:49:37 1994"), At(kExample));
  EXPECT_EQ(ParseHttpDate("Thu, 01 Jan 1970 00:00:00 GMT"), At(0));
  EXPECT_EQ(ParseHttpDate("Monday, 01-Jan-35 00:00:00 GMT"), At(2051222400));
}

TEST(ParseHttpDate, RejectsAnythingElse) {
  for (auto bad : {"", "Sun", "Sun, 06 Nov 1994 08:49:37", "Sun, 06 Nov 1994 08:49:37 UTC",
                   "Sun, 06 Nov 1994 08:49:37 GMT ", "Sun, 6 Nov 1994 08:49:37 GMT", "Sun, 06 nov 1994 08:49:37 GMT",
                   "Sun, 31 Feb 1994 08:49:37 GMT", "Sun, 06 Nov 1994 24:00:00 GMT", "Sun, 06 Nov 1994 08:61:00 GMT",
                   "Sun Nov 6 08:49:37 1994", "1994-11-06T08:49:37Z", "Sun, 06-Nov 1994 08:49:37 GMT"}) {
    EXPECT_EQ(ParseHttpDate(bad), std::nullopt) << '"' << bad << '"';
  }
}

TEST(RetryAfterDelay, DelaySecondsAndDates) {
  auto const now = At(kExample);
  EXPECT_EQ(RetryAfterDelay("120", now), seconds(120));
  EXPECT_EQ(RetryAfterDelay(" 3 ", now), seconds(3));
  EXPECT_EQ(RetryAfterDelay("0", now), seconds(0));
  EXPECT_EQ(RetryAfterDelay("Sun, 06 Nov 1994 08:50:07 GMT", now), seconds(30));
  EXPECT_EQ(RetryAfterDelay("Sun, 06 Nov 1994 08:49:00 GMT", now), milliseconds(0)) << "a past date asks for no wait";
  // Far too long for any budget, and clamped rather than overflowing.
  auto huge = RetryAfterDelay("99999999999999999999999", now);
  ASSERT_TRUE(huge.has_value());
  EXPECT_GE(*huge, seconds(1'000'000));
  for (auto bad : {"", " ", "-1", "1.5", "soon", "+3", "3 s"}) {
    EXPECT_EQ(RetryAfterDelay(bad, now), std::nullopt) << '"' << bad << '"';
  }
}

}  // namespace
}  // namespace opentok::internal
