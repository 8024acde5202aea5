// opentok::testing, the test-support library shipped with the SDK: the fake transport's
// script, fallback, recording and thread safety; the fake clock and random source; every
// matcher matching, not matching and explaining why.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <barrier>
#include <chrono>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "opentok/opentok.h"
#include "opentok/testing/fake_clock.h"
#include "opentok/testing/fake_transport.h"
#include "opentok/testing/fixed_random.h"
#include "opentok/testing/matchers.h"

namespace opentok {
namespace {

using testing::FakeClock;
using testing::FakeTransport;
using testing::FixedRandom;
using testing::HasEmptyBody;
using testing::HasHeader;
using testing::HasJsonBody;
using testing::HasJsonBodyField;
using testing::HasJsonBodyString;
using testing::HasMethodAndPath;
using testing::HasMethodAndUrl;
using testing::HeaderValue;
using testing::IsRequestException;
using testing::JsonResponse;
using testing::LacksJsonBodyField;
using ::testing::ElementsAre;
using ::testing::Field;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;
using ::testing::UnorderedElementsAreArray;

HttpRequest Post(std::string url, std::string body) {
  return HttpRequest{.method = HttpMethod::kPost,
                     .url = std::move(url),
                     .headers = {{"Content-Type", "application/json"}, {"X-OPENTOK-AUTH", "secret-jwt"}},
                     .body = std::move(body)};
}

// Why `matcher` rejects (or accepts) `value`, as GoogleMock would print it.
template <typename T, typename M>
std::string Explain(M const& matcher, T const& value) {
  ::testing::StringMatchResultListener listener;
  ::testing::SafeMatcherCast<T const&>(matcher).MatchAndExplain(value, &listener);
  return listener.str();
}

// --- FakeTransport ---------------------------------------------------------------------------

TEST(FakeTransport, ServesTheScriptInOrderThenTheFallback) {
  FakeTransport transport;
  transport.Enqueue(201, R"({"a":1})", {{"Retry-After", "2"}});
  transport.Enqueue(HttpResponse{.status = 404, .headers = {}, .body = "gone"});
  EXPECT_EQ(transport.pending(), 2u);

  auto first = transport.Send(Post("https://h/1", ""));
  EXPECT_EQ(first.status, 201);
  EXPECT_EQ(first.body, R"({"a":1})");
  EXPECT_EQ(HeaderValue(first.headers, "content-type"), "application/json");
  EXPECT_EQ(HeaderValue(first.headers, "retry-after"), "2");
  EXPECT_EQ(transport.Send(Post("https://h/2", "")).body, "gone");
  auto third = transport.Send(Post("https://h/3", ""));
  EXPECT_EQ(third.status, 200);
  EXPECT_EQ(third.body, "{}");
  EXPECT_EQ(transport.pending(), 0u);
  EXPECT_THAT(transport.requests(), ElementsAre(Field(&HttpRequest::url, "https://h/1"),
                                                Field(&HttpRequest::url, "https://h/2"),
                                                Field(&HttpRequest::url, "https://h/3")));
}

TEST(FakeTransport, SetFallbackAnswersOnceTheScriptIsUsedUp) {
  FakeTransport transport;
  transport.SetFallback(JsonResponse(503, R"({"code":503})"));
  EXPECT_EQ(transport.Send(Post("https://h/", "")).status, 503);
  EXPECT_EQ(transport.Send(Post("https://h/", "")).status, 503);
}

TEST(FakeTransport, ScriptedExceptionsAreThrownAndTheRequestStillRecorded) {
  FakeTransport transport;
  transport.EnqueueException(TransportException("connection refused"));
  transport.Enqueue(200, "{}");
  EXPECT_THAT([&] { transport.Send(Post("https://h/", "")); },
              ::testing::ThrowsMessage<TransportException>("connection refused"));
  EXPECT_EQ(transport.Send(Post("https://h/", "")).status, 200) << "the script moves past the exception";
  EXPECT_EQ(transport.request_count(), 2u);
  EXPECT_THROW(transport.EnqueueFailure(nullptr), std::invalid_argument);
}

TEST(FakeTransport, SingleRequestInsistsOnExactlyOne) {
  FakeTransport transport;
  EXPECT_THAT([&] { transport.single_request(); }, ::testing::ThrowsMessage<std::logic_error>(HasSubstr("received 0")));
  transport.Send(Post("https://h/only", ""));
  EXPECT_EQ(transport.single_request().url, "https://h/only");
  transport.Send(Post("https://h/again", ""));
  EXPECT_THAT([&] { transport.single_request(); }, ::testing::ThrowsMessage<std::logic_error>(HasSubstr("received 2")));
}

TEST(FakeTransport, ConcurrentSendersEachGetADifferentScriptedAnswer) {
  constexpr int kThreads = 4;
  constexpr int kPerThread = 50;
  FakeTransport transport;
  std::vector<std::string> script;
  for (int i = 0; i < kThreads * kPerThread; ++i) {
    script.push_back(std::to_string(i));
    transport.Enqueue(200, script.back());
  }
  std::vector<std::vector<std::string>> bodies(kThreads);
  std::barrier start(kThreads);  // all threads send at once, so the sends overlap
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      start.arrive_and_wait();
      for (int i = 0; i < kPerThread; ++i) bodies[t].push_back(transport.Send(Post("https://h/", "")).body);
    });
  }
  for (auto& thread : threads) thread.join();
  std::vector<std::string> all;
  for (auto const& some : bodies) all.insert(all.end(), some.begin(), some.end());
  EXPECT_THAT(all, UnorderedElementsAreArray(script)) << "every answer served exactly once";
  EXPECT_EQ(transport.request_count(), script.size());
}

TEST(FakeTransport, DrivesTheSdkClient) {
  auto transport = std::make_shared<FakeTransport>();
  transport->Enqueue(404, R"({"code": 15204, "message": "not found"})");
  OpenTok client(123456, "test-secret", ClientOptions{.transport = transport});
  EXPECT_THAT([&] { client.GetArchive("a-1"); }, ::testing::Throws<NotFoundException>(IsRequestException(404, 15204)));
  EXPECT_THAT(transport->single_request(),
              ::testing::AllOf(HasMethodAndPath(HttpMethod::kGet, "/v2/project/123456/archive/a-1"), HasEmptyBody(),
                               HasHeader("X-OPENTOK-AUTH")));
}

// --- FakeClock and FixedRandom ----------------------------------------------------------------

TEST(FakeClock, StandsStillUntilSetOrAdvanced) {
  using std::chrono::system_clock;
  FakeClock clock(1424221013);
  EXPECT_EQ(system_clock::to_time_t(clock.Now()), 1424221013);
  EXPECT_EQ(clock.Now(), clock.Now());
  clock.Advance(std::chrono::milliseconds(1500));
  EXPECT_EQ(clock.Now().time_since_epoch(), std::chrono::seconds(1424221013) + std::chrono::milliseconds(1500));
  clock.Set(100);
  EXPECT_EQ(system_clock::to_time_t(clock.Now()), 100);
  clock.Set(system_clock::time_point(std::chrono::seconds(7)));
  EXPECT_EQ(system_clock::to_time_t(clock.Now()), 7);
  EXPECT_EQ(FakeClock().Now(), system_clock::time_point());
}

TEST(FixedRandom, RepeatsTheNonceAndNumbersTheIds) {
  FixedRandom random(0.25);
  EXPECT_EQ(random.NextUnitInterval(), 0.25);
  EXPECT_EQ(random.NextUnitInterval(), 0.25);
  EXPECT_EQ(random.NewId(), "jti-1");
  EXPECT_EQ(random.NewId(), "jti-2");
  EXPECT_EQ(random.ids_issued(), 2);
  EXPECT_EQ(FixedRandom(0.5, "req-").NewId(), "req-1");
  EXPECT_THROW(FixedRandom(1.0), std::invalid_argument);
  EXPECT_THROW(FixedRandom(-0.1), std::invalid_argument);
}

TEST(FakeClockAndFixedRandom, MakeTheSdkTokensRepeat) {
  auto make_token = [] {
    OpenTok client(123456, "test-secret",
                   ClientOptions{.clock = std::make_shared<FakeClock>(1424221013),
                                 .random = std::make_shared<FixedRandom>(0.5)});
    return client.GenerateToken("1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4");
  };
  EXPECT_EQ(make_token(), make_token());
}

// --- Matchers ---------------------------------------------------------------------------------

TEST(Matchers, HasMethodAndPathIgnoresHostAndQuery) {
  auto request = Post("https://api.example.test/v2/project/1/archive?offset=0&count=5", "");
  EXPECT_THAT(request, HasMethodAndPath(HttpMethod::kPost, "/v2/project/1/archive"));
  EXPECT_THAT(request, Not(HasMethodAndPath(HttpMethod::kGet, "/v2/project/1/archive")));
  EXPECT_THAT(request, Not(HasMethodAndPath(HttpMethod::kPost, "/v2/project/1")));
  EXPECT_EQ(Explain(HasMethodAndPath(HttpMethod::kGet, "/x"), request), "which is a POST to path /v2/project/1/archive");
  EXPECT_THAT(Post("https://h", ""), HasMethodAndPath(HttpMethod::kPost, "/"));
}

TEST(Matchers, HasMethodAndUrlComparesTheWholeUrl) {
  auto request = Post("https://h/a?b=1", "");
  EXPECT_THAT(request, HasMethodAndUrl(HttpMethod::kPost, "https://h/a?b=1"));
  EXPECT_THAT(request, Not(HasMethodAndUrl(HttpMethod::kPost, "https://h/a")));
}

TEST(Matchers, HasHeaderIgnoresTheNameCase) {
  auto request = Post("https://h/", "");
  EXPECT_THAT(request, HasHeader("content-type"));
  EXPECT_THAT(request, HasHeader("CONTENT-TYPE", "application/json"));
  EXPECT_THAT(request, HasHeader("Content-Type", StartsWith("application/")));
  EXPECT_THAT(request, Not(HasHeader("Content-Type", "text/plain")));
  EXPECT_THAT(request, Not(HasHeader("Accept")));
  EXPECT_EQ(Explain(HasHeader("Accept", "x"), request), "which has no Accept");
}

TEST(Matchers, HasJsonBodyComparesValuesNotText) {
  auto request = Post("https://h/", R"({"b": [1, 2], "a": "x"})");
  EXPECT_THAT(request, HasJsonBody(R"({"a":"x","b":[1,2]})"));
  EXPECT_THAT(request, Not(HasJsonBody(R"({"a":"x"})")));
  EXPECT_THAT(Post("https://h/", "not json"), Not(HasJsonBody("{}")));
  EXPECT_EQ(Explain(HasJsonBody("{}"), Post("https://h/", "not json")), "whose body is not JSON: not json");
  EXPECT_THROW(HasJsonBody("{oops"), std::invalid_argument);
}

TEST(Matchers, HasJsonBodyFieldTakesAMemberNameOrAPointer) {
  auto request = Post("https://h/", R"({"name": "demo", "layout": {"type": "bestFit"}, "a/b": 1, "n": 5})");
  EXPECT_THAT(request, HasJsonBodyField("name", R"("demo")"));
  EXPECT_THAT(request, HasJsonBodyField("/layout/type", R"("bestFit")"));
  EXPECT_THAT(request, HasJsonBodyField("a/b", "1")) << "a member name is not split at '/'";
  EXPECT_THAT(request, HasJsonBodyField("n", "5.0")) << "numbers compare as JSON values";
  EXPECT_THAT(request, Not(HasJsonBodyField("name", R"("other")")));
  EXPECT_THAT(request, Not(HasJsonBodyField("missing", "1")));
  EXPECT_EQ(Explain(HasJsonBodyField("name", "1"), request), R"(whose /name is "demo")");
  EXPECT_THAT(Explain(HasJsonBodyField("/x", "1"), request), StartsWith("whose body has no /x"));
  EXPECT_THROW(HasJsonBodyField("/bad~pointer", "1"), std::invalid_argument);
}

TEST(Matchers, HasJsonBodyStringAppliesAStringMatcher) {
  auto request = Post("https://h/", R"({"name": "weekly demo", "n": 1})");
  EXPECT_THAT(request, HasJsonBodyString("name", HasSubstr("demo")));
  EXPECT_THAT(request, Not(HasJsonBodyString("name", "demo")));
  EXPECT_THAT(request, Not(HasJsonBodyString("n", "1"))) << "a number is not a string";
}

TEST(Matchers, LacksJsonBodyFieldAndHasEmptyBody) {
  auto request = Post("https://h/", R"({"a": null})");
  EXPECT_THAT(request, LacksJsonBodyField("b"));
  EXPECT_THAT(request, Not(LacksJsonBodyField("a"))) << "null is present";
  EXPECT_THAT(Post("https://h/", ""), HasEmptyBody());
  EXPECT_THAT(request, Not(HasEmptyBody()));
}

TEST(Matchers, IsRequestExceptionChecksStatusAndCode) {
  NotFoundException not_found("not found", 404, 15204, "Session not found", "{}");
  EXPECT_THAT(not_found, IsRequestException(404));
  EXPECT_THAT(not_found, IsRequestException(404, 15204));
  EXPECT_THAT(not_found, Not(IsRequestException(404, 1)));
  EXPECT_THAT(not_found, Not(IsRequestException(409)));
  EXPECT_THAT([&] { throw not_found; }, Not(::testing::Throws<ConflictException>(IsRequestException(404))));
}

TEST(Matchers, PrintToShowsTheRequestWithoutCredentials) {
  auto request = Post("https://h/a", R"({"x":1})");
  request.headers.emplace_back("authorization", "Bearer secret-bearer");
  std::string printed = ::testing::PrintToString(request);
  EXPECT_THAT(printed, HasSubstr(R"(POST https://h/a headers {Content-Type: application/json, X-OPENTOK-AUTH: <elided>)"));
  EXPECT_THAT(printed, HasSubstr(R"(body {"x":1})"));
  EXPECT_THAT(printed, Not(HasSubstr("secret-")));
}

}  // namespace
}  // namespace opentok
