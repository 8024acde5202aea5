// HTTP error statuses, undecodable bodies and transport failures become the right
// exception, carrying status, service code, message and raw body; secrets never leak.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>
#include <typeinfo>

#include "opentok/opentok.h"
#include "test_client.h"

namespace opentok {
namespace {

using testing::JsonResponse;
using testing_util::kApiSecret;
using testing_util::kArchiveId;
using testing_util::kSessionId;
using testing_util::TestClient;
using ::testing::HasSubstr;
using ::testing::Not;

// One call of every REST method, so each mapping is checked for all of them.
struct Operation {
  char const* name;
  std::function<void(OpenTok const&)> call;
  bool decodes_answer = true;  // false: the answer's body is not read (DELETE, PUT, PATCH)
};

std::vector<Operation> AllOperations() {
  return {
      {"CreateSession", [](OpenTok const& c) { c.CreateSession(); }},
      {"StartArchive", [](OpenTok const& c) { c.StartArchive(kSessionId); }},
      {"StopArchive", [](OpenTok const& c) { c.StopArchive(kArchiveId); }},
      {"GetArchive", [](OpenTok const& c) { c.GetArchive(kArchiveId); }},
      {"ListArchives", [](OpenTok const& c) { c.ListArchives(); }},
      {"DeleteArchive", [](OpenTok const& c) { c.DeleteArchive(kArchiveId); }, false},
      {"SetArchiveLayout", [](OpenTok const& c) { c.SetArchiveLayout(kArchiveId, ArchiveLayout{}); }, false},
      {"AddStreamToArchive", [](OpenTok const& c) { c.AddStreamToArchive(kArchiveId, "s"); }, false},
      {"RemoveStreamFromArchive", [](OpenTok const& c) { c.RemoveStreamFromArchive(kArchiveId, "s"); }, false},
      {"StartBroadcast",
       [](OpenTok const& c) { c.StartBroadcast(kSessionId, StartBroadcastOptions{.hls = HlsOptions{}}); }},
      {"StopBroadcast", [](OpenTok const& c) { c.StopBroadcast("b"); }},
      {"GetBroadcast", [](OpenTok const& c) { c.GetBroadcast("b"); }},
      {"ListBroadcasts", [](OpenTok const& c) { c.ListBroadcasts(); }},
      {"SetBroadcastLayout", [](OpenTok const& c) { c.SetBroadcastLayout("b", BroadcastLayout{}); }, false},
      {"AddStreamToBroadcast", [](OpenTok const& c) { c.AddStreamToBroadcast("b", "s"); }, false},
      {"RemoveStreamFromBroadcast", [](OpenTok const& c) { c.RemoveStreamFromBroadcast("b", "s"); }, false},
      {"GetStream", [](OpenTok const& c) { c.GetStream(kSessionId, "s"); }},
      {"ListStreams", [](OpenTok const& c) { c.ListStreams(kSessionId); }},
      {"SetStreamClassLists", [](OpenTok const& c) { c.SetStreamClassLists(kSessionId, {{.stream_id = "s"}}); }, false},
  };
}

template <typename Expected>
Expected CatchFrom(Operation const& op, HttpResponse response) {
  TestClient t;
  t.transport->Enqueue(std::move(response));
  try {
    op.call(t.client);
  } catch (Expected const& e) {
    // The exact type, not merely a base class of it.
    EXPECT_EQ(typeid(e), typeid(Expected)) << op.name << " threw " << typeid(e).name();
    EXPECT_THAT(e.what(), HasSubstr(op.name));
    EXPECT_THAT(e.what(), Not(HasSubstr(kApiSecret)));
    return e;
  } catch (std::exception const& e) {
    ADD_FAILURE() << op.name << " threw the wrong type: " << typeid(e).name() << ": " << e.what();
  }
  ADD_FAILURE() << op.name << " did not throw";
  return Expected("", 0, 0, "", "");
}

template <typename Expected>
void ExpectMapped(Operation const& op, HttpResponse response) {
  int status = response.status;
  auto e = CatchFrom<Expected>(op, response);
  EXPECT_EQ(e.http_status(), status);
  EXPECT_EQ(e.error_code(), -1);
  EXPECT_EQ(e.service_message(), "Something specific went wrong");
  EXPECT_EQ(e.body(), response.body);
  EXPECT_THAT(e.what(), HasSubstr(std::to_string(status)));
  EXPECT_THAT(e.what(), HasSubstr("Something specific went wrong"));
}

TEST(ErrorMapping, EachStatusBecomesItsException) {
  std::string body = R"({"code":-1,"message":"Something specific went wrong","description":"d"})";
  for (auto const& op : AllOperations()) {
    ExpectMapped<RequestException>(op, JsonResponse(400, body));
    ExpectMapped<AuthenticationException>(op, JsonResponse(401, body));
    ExpectMapped<AuthenticationException>(op, JsonResponse(403, body));
    ExpectMapped<NotFoundException>(op, JsonResponse(404, body));
    // 405: what the service answers to stream selection changes in auto stream mode.
    ExpectMapped<ConflictException>(op, JsonResponse(405, body));
    ExpectMapped<ConflictException>(op, JsonResponse(409, body));
    ExpectMapped<RequestException>(op, JsonResponse(500, body));
    ExpectMapped<RequestException>(op, JsonResponse(503, body));
  }
}

TEST(ErrorMapping, ConflictCarriesTheServiceCodeAndMessageVerbatim) {
  auto op = AllOperations()[2];  // StopArchive
  auto e = CatchFrom<ConflictException>(
      op, JsonResponse(409, R"({"code":15002,"message":"You can only stop an archive that has one of the following statuses: started OR paused OR stopped"})"));
  EXPECT_EQ(e.error_code(), 15002);
  EXPECT_EQ(e.service_message(),
            "You can only stop an archive that has one of the following statuses: started OR paused OR stopped");
  EXPECT_STREQ(e.what(),
               "StopArchive failed: HTTP 409 Conflict (code 15002): You can only stop an archive that has one of "
               "the following statuses: started OR paused OR stopped");
}

TEST(ErrorMapping, MessageOnlyAndStringCodes) {
  auto op = AllOperations()[3];
  auto e = CatchFrom<NotFoundException>(op, JsonResponse(404, R"({"message":"Archive not found"})"));
  EXPECT_EQ(e.error_code(), 0);
  EXPECT_EQ(e.service_message(), "Archive not found");
  auto e2 = CatchFrom<RequestException>(op, JsonResponse(400, R"({"code":"15202","message":"bad"})"));
  EXPECT_EQ(e2.error_code(), 15202);
}

TEST(ErrorMapping, GarbageAndEmptyErrorBodiesKeepStatusAndBody) {
  for (auto const& op : AllOperations()) {
    for (std::string body : {"<html><body>Bad Gateway</body></html>", "", "{not json", "[1,2,3]", R"({"message":7})"}) {
      HttpResponse response{.status = 500, .headers = {{"Content-Type", "text/html"}}, .body = body};
      auto e = CatchFrom<RequestException>(op, response);
      EXPECT_EQ(e.http_status(), 500);
      EXPECT_EQ(e.error_code(), 0);
      EXPECT_EQ(e.service_message(), "");
      EXPECT_EQ(e.body(), body);
      EXPECT_THAT(e.what(), HasSubstr("HTTP 500"));
    }
    auto e = CatchFrom<AuthenticationException>(op, HttpResponse{.status = 403});
    EXPECT_EQ(e.http_status(), 403);
    EXPECT_EQ(e.body(), "");
  }
}

TEST(ErrorMapping, XmlErrorPayload) {
  auto e = CatchFrom<AuthenticationException>(
      AllOperations()[0],
      HttpResponse{.status = 403,
                   .headers = {{"Content-Type", "application/xml"}},
                   .body = "<errorPayload><code>-1</code><message>Issuer not found</message></errorPayload>"});
  EXPECT_EQ(e.error_code(), -1);
  EXPECT_EQ(e.service_message(), "Issuer not found");
}

TEST(ErrorMapping, SuccessWithGarbageOrEmptyBodyIsInvalidResponse) {
  for (auto const& op : AllOperations()) {
    if (!op.decodes_answer) continue;
    for (std::string body : {"garbage", "", "{}", "[]", R"({"items":"no"})"}) {
      auto e = CatchFrom<InvalidResponseException>(op, JsonResponse(200, body));
      EXPECT_EQ(e.http_status(), 200);
      EXPECT_EQ(e.body(), body);
    }
  }
}

TEST(ErrorMapping, AnyTwoHundredIsSuccess) {
  for (int status : {200, 201, 202, 204, 299}) {
    TestClient t;
    t.transport->Enqueue(JsonResponse(status, testing_util::kArchiveJson));
    t.transport->Enqueue(HttpResponse{.status = status});
    EXPECT_EQ(t.client.GetArchive(kArchiveId).id, kArchiveId) << status;
    EXPECT_NO_THROW(t.client.DeleteArchive(kArchiveId)) << status;
  }
}

TEST(ErrorMapping, RedirectsAndInformationalStatusesAreErrors) {
  for (int status : {100, 301, 304}) {
    TestClient t;
    t.transport->Enqueue(HttpResponse{.status = status});
    try {
      t.client.GetArchive(kArchiveId);
      ADD_FAILURE() << status;
    } catch (RequestException const& e) {
      EXPECT_EQ(e.http_status(), status);
    }
  }
}

TEST(TransportFailures, PropagateAsTransportException) {
  for (auto const& op : AllOperations()) {
    TestClient t;
    t.transport->EnqueueFailure(std::make_exception_ptr(TransportException("connection refused")));
    EXPECT_THROW(op.call(t.client), TransportException) << op.name;
  }
}

TEST(TransportFailures, ForeignExceptionsFromCustomTransportsAreWrapped) {
  TestClient t;
  t.transport->EnqueueFailure(std::make_exception_ptr(std::runtime_error("socket exploded")));
  try {
    t.client.GetArchive(kArchiveId);
    FAIL() << "expected TransportException";
  } catch (TransportException const& e) {
    EXPECT_THAT(e.what(), HasSubstr("socket exploded"));
    EXPECT_THAT(e.what(), HasSubstr("GetArchive"));
  }
}

TEST(Secrets, NoMessageContainsTheSecretOrAnAuthToken) {
  TestClient t;
  t.transport->Enqueue(JsonResponse(403, R"({"code":-1,"message":"Issuer not found"})"));
  try {
    t.client.GetArchive(kArchiveId);
    FAIL();
  } catch (OpenTokException const& e) {
    std::string auth = testing::HeaderValue(t.transport->single_request().headers, "X-OPENTOK-AUTH");
    ASSERT_FALSE(auth.empty());
    EXPECT_THAT(e.what(), Not(HasSubstr(auth)));
    EXPECT_THAT(e.what(), Not(HasSubstr(kApiSecret)));
    EXPECT_THAT(e.what(), Not(HasSubstr("eyJ")));
  }
}

}  // namespace
}  // namespace opentok
