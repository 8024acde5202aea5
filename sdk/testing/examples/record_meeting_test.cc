// A unit test of application code that uses the SDK, written with opentok::testing: the
// client talks to a FakeTransport instead of the network, and GoogleMock matchers check
// what it sent. docs/testing-support.md shows these regions; the install test builds this
// file against the installed SDK (sdk/testing/examples/consumer).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "opentok/opentok.h"
#include "opentok/testing/fake_transport.h"
#include "opentok/testing/matchers.h"

//! [app-code]
// Application code: records a meeting, and treats "this session is already being
// archived" (409) as success without an id; every other failure reaches the caller.
std::string RecordMeeting(opentok::OpenTok const& client, std::string const& session_id) {
  try {
    return client.StartArchive(session_id, "meeting").id;
  } catch (opentok::ConflictException const&) {
    return "";
  }
}
//! [app-code]

//! [test]
using opentok::HttpMethod;
using opentok::testing::FakeTransport;
using opentok::testing::HasJsonBodyField;
using opentok::testing::HasMethodAndPath;
using opentok::testing::IsRequestException;
using ::testing::AllOf;
using ::testing::Throws;

// A client that sends every request to `transport`.
opentok::OpenTok ClientOn(std::shared_ptr<FakeTransport> transport) {
  return opentok::OpenTok(123456, "test-secret", opentok::ClientOptions{.transport = std::move(transport)});
}

TEST(RecordMeeting, StartsAnArchiveNamedMeeting) {
  auto transport = std::make_shared<FakeTransport>();
  transport->Enqueue(200, R"({"id": "archive-1", "status": "started", "name": "meeting"})");

  EXPECT_EQ(RecordMeeting(ClientOn(transport), "SESSION"), "archive-1");
  EXPECT_THAT(transport->single_request(),
              AllOf(HasMethodAndPath(HttpMethod::kPost, "/v2/project/123456/archive"),
                    HasJsonBodyField("sessionId", R"("SESSION")"), HasJsonBodyField("name", R"("meeting")")));
}

TEST(RecordMeeting, AnArchiveInProgressIsNoError) {
  auto transport = std::make_shared<FakeTransport>();
  transport->Enqueue(409, R"({"code": 15001, "message": "The session is already being archived"})");

  EXPECT_EQ(RecordMeeting(ClientOn(transport), "SESSION"), "");
}

TEST(RecordMeeting, OtherErrorsReachTheCaller) {
  auto transport = std::make_shared<FakeTransport>();
  transport->Enqueue(404, R"({"code": 15204, "message": "Session not found"})");
  transport->EnqueueException(opentok::TransportException("connection refused"));
  auto client = ClientOn(transport);

  EXPECT_THAT([&] { RecordMeeting(client, "SESSION"); },
              Throws<opentok::NotFoundException>(IsRequestException(404, 15204)));
  EXPECT_THROW(RecordMeeting(client, "SESSION"), opentok::TransportException);
}
//! [test]
