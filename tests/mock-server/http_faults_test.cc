// Fault injection and rate limits over HTTP: every action, how scripts are selected and
// counted, seeded probabilities, 429s in mock time, the journal's fault field, the control
// plane's validation, and that the control plane itself is never faulted.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "http_fixture.h"

namespace opentok_mock::testing {
namespace {

using SteadyClock = std::chrono::steady_clock;
constexpr char kJsonType[] = "application/json";

// Sends one request on a fresh loopback connection and returns every byte the server sent
// until it closed (or `timeout` passed: then `closed` is false). httplib's client reports a
// close and a short body alike as an error; the tests need the bytes.
struct RawExchange {
  std::string bytes;
  bool closed = false;
};

RawExchange SendRaw(int port, std::string const& request, std::chrono::milliseconds timeout = std::chrono::seconds(5)) {
  RawExchange exchange;
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      ::send(fd, request.data(), request.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(request.size())) {
    ::close(fd);
    return exchange;
  }
  auto deadline = SteadyClock::now() + timeout;
  while (true) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - SteadyClock::now()).count();
    pollfd p{fd, POLLIN, 0};
    if (left <= 0 || ::poll(&p, 1, static_cast<int>(left)) <= 0) break;
    char chunk[16 * 1024];
    auto n = ::recv(fd, chunk, sizeof chunk, 0);
    if (n <= 0) {
      exchange.closed = true;
      break;
    }
    exchange.bytes.append(chunk, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return exchange;
}

class FaultsTest : public HttpTest {
 protected:
  httplib::Result AddFault(nlohmann::json const& script) {
    return client_.Post("/_mock/faults", script.dump(), kJsonType);
  }
  nlohmann::json AddFaultOk(nlohmann::json const& script) {
    auto res = AddFault(script);
    EXPECT_TRUE(res && res->status == 201) << (res ? res->body : httplib::to_string(res.error()));
    return Json(res);
  }
  httplib::Result ListArchives(httplib::Headers extra = {}) {
    auto headers = Auth();
    headers.insert(extra.begin(), extra.end());
    return client_.Get(Project() + "/archive", headers);
  }
  int ListStatus(httplib::Headers extra = {}) {
    auto res = ListArchives(std::move(extra));
    return res ? res->status : -1;
  }
  nlohmann::json LastJournalEntry() { return Json(client_.Get("/_mock/requests"))["items"].back(); }

  // A raw request for the archive list, with a fresh auth header; the connection closes
  // after a normal answer too.
  std::string RawListRequest() {
    return "GET " + Project() + "/archive HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nX-OPENTOK-AUTH: " +
           Auth().begin()->second + "\r\n\r\n";
  }
};

TEST_F(FaultsTest, ErrorFaultAnswersTheServiceJsonErrorBodyOnceByDefault) {
  auto stored = AddFaultOk({{"operation", "archive.list"}, {"action", {{"type", "error"}, {"status", 503}}}});
  EXPECT_EQ(stored["id"], "fault-1");
  EXPECT_EQ(stored["times"], 1);
  EXPECT_EQ(stored["remaining"], 1);
  EXPECT_EQ(stored["applied"], 0);
  EXPECT_EQ(stored["action"]["type"], "error");

  auto faulted = ListArchives();
  ExpectError(faulted, 503, "Service unavailable", 503);
  EXPECT_EQ(ListStatus(), 200);  // applied once (times defaults to 1)
}

TEST_F(FaultsTest, ErrorFaultWithItsOwnBodyAndHeaders) {
  AddFaultOk({{"operation", "archive.list"},
              {"action",
               {{"type", "error"},
                {"status", 429},
                {"body", {{"code", 429}, {"message", "slow down"}}},
                {"headers", {{"Retry-After", "7"}}}}}});
  auto res = ListArchives();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 429);
  EXPECT_EQ(res->get_header_value("Retry-After"), "7");
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json");
  EXPECT_EQ(Json(res), (nlohmann::json{{"code", 429}, {"message", "slow down"}}));

  AddFaultOk({{"operation", "archive.list"},
              {"action", {{"type", "error"}, {"status", 502}, {"body", "upstream connect error"}}}});
  auto text = ListArchives();
  ASSERT_TRUE(text);
  EXPECT_EQ(text->status, 502);
  EXPECT_EQ(text->body, "upstream connect error");
  EXPECT_EQ(text->get_header_value("Content-Type"), "text/plain");
}

TEST_F(FaultsTest, TimesAppliesToTheNextNMatchingRequests) {
  AddFaultOk({{"operation", "archive.list"}, {"times", 3}, {"action", {{"type", "error"}, {"status", 500}}}});
  std::vector<int> statuses;
  for (int i = 0; i < 5; ++i) statuses.push_back(ListStatus());
  EXPECT_EQ(statuses, (std::vector<int>{500, 500, 500, 200, 200}));
  auto listed = Json(client_.Get("/_mock/faults"));
  EXPECT_EQ(listed["count"], 1);
  EXPECT_EQ(listed["items"][0]["remaining"], 0);
  EXPECT_EQ(listed["items"][0]["applied"], 3);
}

TEST_F(FaultsTest, DelayServesNormallyAfterTheDelay) {
  AddFaultOk({{"operation", "archive.list"}, {"action", {{"type", "delay"}, {"ms", 150}}}});
  auto start = SteadyClock::now();
  auto res = ListArchives();
  auto elapsed = SteadyClock::now() - start;
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_GE(elapsed, std::chrono::milliseconds(150));
  EXPECT_EQ(LastJournalEntry()["fault"], "fault-1:delay");
}

TEST_F(FaultsTest, CloseDropsTheConnectionWithoutAnAnswer) {
  AddFaultOk({{"operation", "archive.list"}, {"action", {{"type", "close"}}}});
  auto exchange = SendRaw(server_.port(), RawListRequest());
  EXPECT_TRUE(exchange.closed);
  EXPECT_EQ(exchange.bytes, "");
  auto entry = LastJournalEntry();
  EXPECT_EQ(entry["fault"], "fault-1:close");
  EXPECT_EQ(entry["status"], 0);  // no answer was sent
  // The next request is served (the script was for one request).
  auto normal = SendRaw(server_.port(), RawListRequest());
  EXPECT_TRUE(normal.closed);
  EXPECT_EQ(normal.bytes.rfind("HTTP/1.1 200 OK\r\n", 0), 0u) << normal.bytes;
}

TEST_F(FaultsTest, PartialSendsTheHeadersAndHalfTheBodyThenCloses) {
  // The real answer, for its length.
  auto whole = ListArchives();
  ASSERT_TRUE(whole);
  auto full_length = whole->body.size();
  ASSERT_GT(full_length, 10u);

  AddFaultOk({{"operation", "archive.list"}, {"action", {{"type", "partial"}}}});
  auto exchange = SendRaw(server_.port(), RawListRequest());
  EXPECT_TRUE(exchange.closed);
  auto end = exchange.bytes.find("\r\n\r\n");
  ASSERT_NE(end, std::string::npos) << exchange.bytes;
  auto head = exchange.bytes.substr(0, end);
  EXPECT_EQ(head.rfind("HTTP/1.1 200 OK\r\n", 0), 0u) << head;
  EXPECT_NE(head.find("Content-Length: " + std::to_string(full_length)), std::string::npos) << head;
  EXPECT_NE(head.find("Content-Type: application/json"), std::string::npos) << head;
  auto body = exchange.bytes.substr(end + 4);
  EXPECT_EQ(body, whole->body.substr(0, full_length / 2));
  EXPECT_EQ(LastJournalEntry()["fault"], "fault-1:partial");

  // httplib's client sees an error, not a short body.
  AddFaultOk({{"operation", "archive.list"}, {"action", {{"type", "partial"}, {"status", 201}}}});
  auto cut = SendRaw(server_.port(), RawListRequest());
  EXPECT_EQ(cut.bytes.rfind("HTTP/1.1 201 Created\r\n", 0), 0u) << cut.bytes;
  AddFaultOk({{"operation", "archive.list"}, {"action", {{"type", "partial"}}}});
  EXPECT_FALSE(ListArchives());
}

// The statuses of `count` archive lists on a fresh mock seeded with `seed`, with a
// probability script.
std::vector<int> ProbabilitySequence(std::uint64_t seed, int count) {
  auto options = FrozenSeededOptions();
  options.service.seed = seed;
  MockServer server(options);
  httplib::Client client(server.url());
  SetTimeouts(client);
  auto const& project = server.default_project();
  auto script = nlohmann::json{{"id", "flaky"},
                               {"operation", "archive.list"},
                               {"probability", 0.5},
                               {"action", {{"type", "error"}, {"status", 503}}}};
  auto added = client.Post("/_mock/faults", script.dump(), kJsonType);
  EXPECT_TRUE(added && added->status == 201);
  std::vector<int> statuses;
  for (int i = 0; i < count; ++i) {
    httplib::Headers auth{
        {"X-OPENTOK-AUTH", MakeJwt(RestClaims(project.api_key, server.service().WallMs() / 1000), project.api_secret)}};
    auto res = client.Get("/v2/project/" + project.api_key + "/archive", auth);
    statuses.push_back(res ? res->status : -1);
  }
  return statuses;
}

TEST(FaultsProbabilityTest, TheSameSeedFaultsTheSameRequests) {
  constexpr int kCount = 40;
  auto first = ProbabilitySequence(7, kCount);
  auto again = ProbabilitySequence(7, kCount);
  auto other = ProbabilitySequence(8, kCount);
  EXPECT_EQ(first, again);
  EXPECT_NE(first, other);
  for (auto const& run : {first, other}) {
    auto faulted = std::count(run.begin(), run.end(), 503);
    EXPECT_EQ(faulted + std::count(run.begin(), run.end(), 200), kCount);
    // p = 0.5 over 40 requests: outside [8, 32] has a probability below 1e-4.
    EXPECT_GE(faulted, 8);
    EXPECT_LE(faulted, 32);
  }
}

// The injector on its own: which of `count` matching requests a probability script faults.
std::vector<bool> Draws(std::uint64_t seed, double probability, int count, bool with_other_script = false) {
  FaultInjector injector({seed, [] { return std::int64_t{0}; }, {}});
  if (with_other_script) {
    FaultScript other;
    other.id = "other";
    other.operation = "archive.get";
    other.probability = 0.5;
    EXPECT_TRUE(injector.Add(other));
  }
  FaultScript script;
  script.id = "flaky";
  script.operation = "archive.list";
  script.probability = probability;
  EXPECT_TRUE(injector.Add(script));
  std::vector<bool> faulted;
  for (int i = 0; i < count; ++i) {
    if (with_other_script) injector.Decide({"GET", "/x", "archive.get", "", ""});
    auto fault = injector.Decide({"GET", "/v2/project/1/archive", "archive.list", "1", ""});
    faulted.push_back(fault.has_value());
    if (fault) {
      EXPECT_EQ(fault->JournalName(), "flaky:error");
    }
  }
  return faulted;
}

TEST(FaultInjectorTest, ProbabilityDrawsDependOnTheSeedAndTheScriptOnly) {
  constexpr int kCount = 2000;
  auto draws = Draws(11, 0.3, kCount);
  EXPECT_EQ(draws, Draws(11, 0.3, kCount));
  EXPECT_EQ(draws, Draws(11, 0.3, kCount, /*with_other_script=*/true));  // another script's traffic changes nothing
  EXPECT_NE(draws, Draws(12, 0.3, kCount));
  auto faulted = std::count(draws.begin(), draws.end(), true);
  EXPECT_GT(faulted, 500);  // 600 expected; the standard deviation is about 20
  EXPECT_LT(faulted, 700);
  auto never = Draws(11, 0.0, 100);
  EXPECT_EQ(std::count(never.begin(), never.end(), true), 0);
  auto always = Draws(11, 1.0, 100);
  EXPECT_EQ(std::count(always.begin(), always.end(), true), 100);
}

TEST_F(FaultsTest, TheFaultHeaderSelectsOneScriptAndHeaderOnlyScriptsNeedIt) {
  AddFaultOk({{"id", "first"}, {"operation", "archive.list"}, {"times", 10}, {"action", {{"type", "error"}, {"status", 500}}}});
  AddFaultOk({{"id", "tagged"},
              {"header_only", true},
              {"times", 10},
              {"action", {{"type", "error"}, {"status", 504}}}});
  EXPECT_EQ(ListStatus(), 500);                              // the first script that matches
  EXPECT_EQ(ListStatus({{"X-Mock-Fault", "tagged"}}), 504);  // the header picks the other one
  ASSERT_TRUE(client_.Delete("/_mock/faults/first"));
  EXPECT_EQ(ListStatus(), 200);  // a header_only script never applies without the header
  EXPECT_EQ(ListStatus({{"X-Mock-Fault", "tagged"}}), 504);
  // A header naming no script: no fault at all.
  EXPECT_EQ(ListStatus({{"X-Mock-Fault", "nobody"}}), 200);
  auto listed = Json(client_.Get("/_mock/faults"));
  EXPECT_EQ(listed["items"][0]["applied"], 2);
  EXPECT_EQ(listed["items"][0]["header_only"], true);
}

TEST_F(FaultsTest, ScriptsMatchByOperationMethodPathAndProject) {
  auto error = nlohmann::json{{"type", "error"}, {"status", 503}};
  AddFaultOk({{"id", "by-op"}, {"operation", "session.create"}, {"times", 100}, {"action", error}});
  AddFaultOk({{"id", "by-path"}, {"method", "get"}, {"path", "/v2/project/[0-9]+/archive/[^/]+"}, {"times", 100},
              {"action", error}});
  auto other = Json(client_.Post("/_mock/projects", R"({"apiKey": "7654321", "apiSecret": "s3cret"})", kJsonType));
  AddFaultOk({{"id", "by-project"}, {"project", "7654321"}, {"times", 100}, {"action", error}});

  auto created = client_.Post("/session/create", WithAccept(Auth()), "", "application/x-www-form-urlencoded");
  ASSERT_TRUE(created);
  EXPECT_EQ(created->status, 503);
  EXPECT_EQ(LastJournalEntry()["fault"], "by-op:error");

  EXPECT_EQ(ListStatus(), 200);  // /archive is not a full match of the path regex
  auto get = client_.Get(Project() + "/archive/0b8d1e0a-0000-4000-8000-000000000000", Auth());
  ASSERT_TRUE(get);
  EXPECT_EQ(get->status, 503);
  EXPECT_EQ(LastJournalEntry()["fault"], "by-path:error");
  auto del = client_.Delete(Project() + "/archive/0b8d1e0a-0000-4000-8000-000000000000", Auth());
  ASSERT_TRUE(del);
  EXPECT_NE(del->status, 503);  // a DELETE: the GET script does not match
  EXPECT_TRUE(LastJournalEntry()["fault"].is_null());

  auto token = MakeJwt(RestClaims("7654321", server_.service().WallMs() / 1000), "s3cret");
  auto theirs = client_.Get("/v2/project/7654321/archive", {{"X-OPENTOK-AUTH", token}});
  ASSERT_TRUE(theirs);
  EXPECT_EQ(theirs->status, 503);
  EXPECT_EQ(LastJournalEntry()["fault"], "by-project:error");
}

TEST_F(FaultsTest, FaultsApplyWhateverTheAuthVerdict) {
  AddFaultOk({{"operation", "archive.list"}, {"action", {{"type", "error"}, {"status", 503}}}});
  auto res = client_.Get(Project() + "/archive");  // no credentials
  ExpectError(res, 503);
  auto entry = LastJournalEntry();
  EXPECT_EQ(entry["auth"], "rejected");
  EXPECT_EQ(entry["fault"], "fault-1:error");
  EXPECT_EQ(entry["apiKey"], key());
}

TEST_F(FaultsTest, RateLimitAnswers429WithRetryAfterUntilTheMockWindowEnds) {
  auto put = client_.Put("/_mock/rate-limits/" + key(), R"({"requests": 2, "window_ms": 10000})", kJsonType);
  ASSERT_TRUE(put);
  EXPECT_EQ(put->status, 200);
  EXPECT_EQ(Json(put), (nlohmann::json{{"project", key()}, {"requests", 2}, {"window_ms", 10000}, {"operation", nullptr}}));

  EXPECT_EQ(ListStatus(), 200);
  EXPECT_EQ(ListStatus(), 200);
  auto refused = ListArchives();
  ExpectError(refused, 429, "Too many requests", 429);
  EXPECT_EQ(refused->get_header_value("Retry-After"), "10");
  EXPECT_EQ(LastJournalEntry()["fault"], "rate-limit");

  AdvanceSeconds(3.5);
  auto later = ListArchives();
  ASSERT_TRUE(later);
  EXPECT_EQ(later->status, 429);
  EXPECT_EQ(later->get_header_value("Retry-After"), "7");  // 6.5 s left, rounded up

  AdvanceSeconds(6.5);  // the window has ended
  EXPECT_EQ(ListStatus(), 200);
  EXPECT_EQ(ListStatus(), 200);
  EXPECT_EQ(ListStatus(), 429);

  // Another project is not limited.
  client_.Post("/_mock/projects", R"({"apiKey": "7654321", "apiSecret": "s3cret"})", kJsonType);
  auto token = MakeJwt(RestClaims("7654321", server_.service().WallMs() / 1000), "s3cret");
  EXPECT_EQ(client_.Get("/v2/project/7654321/archive", {{"X-OPENTOK-AUTH", token}})->status, 200);

  auto listed = Json(client_.Get("/_mock/rate-limits"));
  EXPECT_EQ(listed["count"], 1);
  ASSERT_TRUE(client_.Delete("/_mock/rate-limits/" + key()));
  EXPECT_EQ(ListStatus(), 200);
  ExpectError(client_.Delete("/_mock/rate-limits/" + key()), 404);
}

TEST_F(FaultsTest, AnOperationRateLimitCountsOnlyThatOperation) {
  auto put = client_.Put("/_mock/rate-limits/" + key(),
                         R"({"requests": 1, "window_ms": 1000, "operation": "session.create"})", kJsonType);
  ASSERT_TRUE(put);
  EXPECT_EQ(put->status, 200);
  EXPECT_NO_THROW(CreateSession());
  EXPECT_EQ(ListStatus(), 200);
  EXPECT_EQ(ListStatus(), 200);
  auto refused = client_.Post("/session/create", WithAccept(Auth()), "", "application/x-www-form-urlencoded");
  ExpectError(refused, 429, "session.create", 429);
  EXPECT_EQ(refused->get_header_value("Retry-After"), "1");
}

TEST_F(FaultsTest, TheJournalShowsNoFaultForNormalRequests) {
  EXPECT_EQ(ListStatus(), 200);
  auto entry = LastJournalEntry();
  ASSERT_TRUE(entry.contains("fault"));
  EXPECT_TRUE(entry["fault"].is_null());
}

TEST_F(FaultsTest, ResetClearsScriptsAndRateLimits) {
  AddFaultOk({{"operation", "archive.list"}, {"times", 5}, {"action", {{"type", "error"}, {"status", 503}}}});
  client_.Put("/_mock/rate-limits/" + key(), R"({"requests": 1, "window_ms": 60000})", kJsonType);
  auto reset = client_.Post("/_mock/reset", "", kJsonType);
  ASSERT_TRUE(reset);
  EXPECT_EQ(reset->status, 204);
  EXPECT_EQ(Json(client_.Get("/_mock/faults")), (nlohmann::json{{"count", 0}, {"items", nlohmann::json::array()}}));
  EXPECT_EQ(Json(client_.Get("/_mock/rate-limits"))["count"], 0);
  EXPECT_EQ(ListStatus(), 200);
  EXPECT_EQ(ListStatus(), 200);
  // Generated ids start again.
  EXPECT_EQ(AddFaultOk({{"action", {{"type", "close"}}}, {"header_only", true}})["id"], "fault-1");
}

TEST_F(FaultsTest, DeletingScripts) {
  AddFaultOk({{"id", "a"}, {"header_only", true}, {"action", {{"type", "close"}}}});
  AddFaultOk({{"id", "b"}, {"header_only", true}, {"action", {{"type", "close"}}}});
  auto removed = client_.Delete("/_mock/faults/a");
  ASSERT_TRUE(removed);
  EXPECT_EQ(removed->status, 204);
  ExpectError(client_.Delete("/_mock/faults/a"), 404);
  EXPECT_EQ(Json(client_.Get("/_mock/faults"))["items"][0]["id"], "b");
  auto all = client_.Delete("/_mock/faults");
  ASSERT_TRUE(all);
  EXPECT_EQ(all->status, 204);
  EXPECT_EQ(Json(client_.Get("/_mock/faults"))["count"], 0);
}

TEST_F(FaultsTest, BadScriptsAre400NamingTheField) {
  auto close = nlohmann::json{{"type", "close"}};
  ExpectError(AddFault(nlohmann::json::object()), 400, "'action'");
  ExpectError(AddFault({{"action", {{"type", "explode"}}}}), 400, "'action.type'");
  ExpectError(AddFault({{"action", {{"status", 500}}}}), 400, "'action.type'");
  ExpectError(AddFault({{"action", {{"type", "error"}, {"status", 200}}}}), 400, "'action.status'");
  ExpectError(AddFault({{"action", {{"type", "error"}, {"status", 4294967799LL}}}}), 400, "'action.status'");
  ExpectError(AddFault({{"action", {{"type", "error"}, {"headers", {{"X-A", "1\r\nX-B: 2"}}}}}}), 400,
              "'action.headers'");
  ExpectError(AddFault({{"action", {{"type", "error"}, {"headers", {{"Content-Length", "5"}}}}}}), 400,
              "'action.headers'");
  ExpectError(AddFault({{"action", {{"type", "error"}, {"headers", {{"X-A", 1}}}}}}), 400, "'action.headers'");
  ExpectError(AddFault({{"action", {{"type", "delay"}}}}), 400, "'action.ms'");
  ExpectError(AddFault({{"action", {{"type", "delay"}, {"ms", 60000}}}}), 400, "'action.ms'");
  ExpectError(AddFault({{"action", {{"type", "delay"}, {"ms", "1"}}}}), 400, "'ms'");
  ExpectError(AddFault({{"action", {{"type", "close"}, {"ms", 1}}}}), 400, "unknown field 'ms'");
  ExpectError(AddFault({{"action", close}, {"path", "(["}}), 400, "'path'");
  ExpectError(AddFault({{"action", close}, {"method", "FETCH"}}), 400, "'method'");
  ExpectError(AddFault({{"action", close}, {"operation", "archive.strat"}}), 400, "'operation'");
  ExpectError(AddFault({{"action", close}, {"times", 0}}), 400, "'times'");
  ExpectError(AddFault({{"action", close}, {"probability", 1.5}}), 400, "'probability'");
  ExpectError(AddFault({{"action", close}, {"probability", 0.5}, {"times", 2}}), 400, "'probability'");
  ExpectError(AddFault({{"action", close}, {"id", "has space"}}), 400, "'id'");
  ExpectError(AddFault({{"action", close}, {"operaton", "archive.list"}}), 400, "unknown field 'operaton'");
  ExpectError(client_.Post("/_mock/faults", "[1]", kJsonType), 400, "JSON object");
  AddFaultOk({{"id", "once"}, {"action", close}, {"header_only", true}});
  ExpectError(AddFault({{"id", "once"}, {"action", close}}), 409, "once");
  EXPECT_EQ(Json(client_.Get("/_mock/faults"))["count"], 1);  // nothing bad was stored

  auto limits = "/_mock/rate-limits/" + key();
  ExpectError(client_.Put(limits, R"({"window_ms": 1000})", kJsonType), 400, "'requests'");
  ExpectError(client_.Put(limits, R"({"requests": 0, "window_ms": 1000})", kJsonType), 400, "'requests'");
  ExpectError(client_.Put(limits, R"({"requests": 1})", kJsonType), 400, "'window_ms'");
  ExpectError(client_.Put(limits, R"({"requests": 1, "window_ms": 1000, "operation": "x"})", kJsonType), 400,
              "'operation'");
  ExpectError(client_.Put(limits, R"({"requests": 1, "window": 1000})", kJsonType), 400, "unknown field 'window'");
}

TEST_F(FaultsTest, TheControlPlaneIsNeverFaulted) {
  AddFaultOk({{"path", ".*"}, {"times", 100}, {"action", {{"type", "close"}}}});
  client_.Put("/_mock/rate-limits/" + key(), R"({"requests": 1, "window_ms": 60000})", kJsonType);
  for (int i = 0; i < 3; ++i) {
    auto health = client_.Get("/_mock/health");
    ASSERT_TRUE(health);
    EXPECT_EQ(health->status, 200);
    EXPECT_EQ(client_.Get("/_mock/faults")->status, 200);
    EXPECT_EQ(client_.Get("/_mock/projects/" + key() + "/rest-token")->status, 200);
  }
  EXPECT_FALSE(ListArchives());  // while every REST request is closed
  EXPECT_EQ(Json(client_.Get("/_mock/faults"))["items"][0]["applied"], 1);
}

TEST_F(FaultsTest, TheInProcessApiDrivesTheSameInjector) {
  FaultScript script;
  script.operation = "archive.list";
  script.times = 2;
  script.action.type = FaultType::kError;
  script.action.status = 500;
  auto added = server_.faults().Add(script);
  ASSERT_TRUE(added) << added.error().message;
  EXPECT_EQ(added->id, "fault-1");
  EXPECT_EQ(ListStatus(), 500);
  EXPECT_EQ(Json(client_.Get("/_mock/faults"))["items"][0]["remaining"], 1);
  EXPECT_TRUE(server_.faults().Remove("fault-1"));
  EXPECT_EQ(ListStatus(), 200);

  auto limit = server_.faults().SetRateLimit({key(), 1, 2000, ""});
  ASSERT_TRUE(limit);
  EXPECT_EQ(ListStatus(), 200);
  EXPECT_EQ(ListStatus(), 429);
  server_.service().AdvanceClock(std::chrono::seconds(2));
  EXPECT_EQ(ListStatus(), 200);
  EXPECT_TRUE(server_.faults().ClearRateLimit(key()));
  EXPECT_FALSE(server_.faults().ClearRateLimit(key()));
}

}  // namespace
}  // namespace opentok_mock::testing
