// Signals: to every client of a session and to one connection (204); each targeted client's
// inbox gets the signal and nobody else's (SIP calls have no signalling channel). A session
// nobody is connected to, an unknown session or a connection that is not connected: 404. A
// type over 128 bytes or data over 8192 bytes (UTF-8 bytes, not characters): 413 from the
// server itself, sent at the wire level because the SDK refuses them before any request;
// no data member: 400. A refused signal reaches no inbox.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "conformance_test.h"
#include "control_session.h"
#include "publishing_session.h"
#include "sdk_status.h"
#include "service_error.h"
#include "wire_expect.h"

namespace opentok::conformance {
namespace {

SignalProperties Chat(std::string data) { return {.type = "chat", .data = std::move(data)}; }

// What a simulated connection received, oldest first (the control plane's inbox).
std::vector<SignalProperties> Inbox(std::string const& session_id, std::string const& connection_id) {
  auto inbox = CurrentTarget().control().Signals(session_id, connection_id);
  std::vector<SignalProperties> signals;
  for (auto const& item : inbox.at("items")) signals.push_back({item.at("type").get<std::string>(), item.at("data").get<std::string>()});
  EXPECT_EQ(inbox.at("count"), signals.size()) << "the inbox count disagrees with its items";
  return signals;
}

class SignalTest : public ConformanceTest {};

TEST_F(SignalTest, SessionWithoutClientsIsNotFound) {
  ControlSession session(OwnProject());
  ExpectServiceError<NotFoundException>(404, "signal to a session nobody joined",
                                        [&] { session.client().Signal(session.id(), Chat("anyone?")); });
}

TEST_F(SignalTest, UnknownSessionOrConnectionIsNotFound) {
  ControlSession session(OwnProject());
  ExpectServiceError<NotFoundException>(404, "signal to an unknown session", [&] {
    session.client().Signal(UnknownSessionId(session.credentials().api_key), Chat("hello"));
  });
  ExpectServiceError<NotFoundException>(404, "signal to an unknown connection",
                                        [&] { session.client().Signal(session.id(), Chat("hello"), UnknownId()); });
}

TEST_F(SignalTest, SessionSignalReachesEveryClientOnly) {
  OPENTOK_REQUIRE_CONTROL_PLANE("simulated clients with inboxes");
  ControlSession session(OwnProject());
  std::string first = session.Connect();
  std::string second = session.Connect();
  SipCall call = session.Dial();
  EXPECT_EQ(StatusOf([&] { session.client().Signal(session.id(), Chat("hello, everyone")); }), 204);
  std::vector<SignalProperties> expected{Chat("hello, everyone")};
  EXPECT_EQ(Inbox(session.id(), first), expected);
  EXPECT_EQ(Inbox(session.id(), second), expected);
  EXPECT_TRUE(Inbox(session.id(), call.connection_id).empty()) << "a SIP call has no signalling channel";
}

TEST_F(SignalTest, ConnectionSignalReachesOnlyThatConnection) {
  OPENTOK_REQUIRE_CONTROL_PLANE("simulated clients with inboxes");
  ControlSession session(OwnProject());
  std::string target_id = session.Connect();
  std::string other = session.Connect();
  EXPECT_EQ(StatusOf([&] { session.client().Signal(session.id(), Chat("just you"), target_id); }), 204);
  EXPECT_EQ(Inbox(session.id(), target_id), std::vector<SignalProperties>{Chat("just you")});
  EXPECT_TRUE(Inbox(session.id(), other).empty()) << "a signal to one connection reached another";

  CurrentTarget().control().Disconnect(session.id(), other);
  ExpectServiceError<NotFoundException>(404, "signal to a connection that left",
                                        [&] { session.client().Signal(session.id(), Chat("gone?"), other); });
  EXPECT_TRUE(Inbox(session.id(), other).empty()) << "a refused signal reached an inbox";
}

// Sizes are bytes of UTF-8: 4097 two-byte characters are 8194 bytes, over the limit.
TEST_F(SignalTest, OversizedOrIncompleteSignalIsRefusedAtTheWire) {
  // Connected clients, so that the answers are about the signal, not about an empty session.
  PublishingSession session;
  if (std::string why = OpenPublishingSession(0, session); !why.empty()) GTEST_SKIP() << why;
  RestClient rest = target().Rest(session.credentials);
  std::string session_path = rest.ProjectPath() + "/session/" + session.session_id;
  std::vector<std::string> paths{session_path + "/signal"};
  if (!session.connection_id.empty()) paths.push_back(session_path + "/connection/" + session.connection_id + "/signal");
  std::string two_byte_chars;
  for (int i = 0; i < 4097; ++i) two_byte_chars += "\xc3\xa9";  // U+00E9
  std::vector<std::tuple<char const*, int, nlohmann::json>> cases{
      {"type of 129 bytes", 413, {{"type", std::string(129, 't')}, {"data", "x"}}},
      {"data of 8193 bytes", 413, {{"type", "chat"}, {"data", std::string(8193, 'd')}}},
      {"data of 4097 characters, 8194 bytes", 413, {{"type", "chat"}, {"data", two_byte_chars}}},
      {"no data member", 400, {{"type", "chat"}}},
  };
  for (auto const& path : paths) {
    for (auto const& [what, status, body] : cases) {
      ExpectErrorAnswer(rest.Send(HttpMethod::kPost, path, body.dump()), status, std::string(what) + " to " + path);
    }
  }
  // The limits themselves are allowed.
  nlohmann::json largest = {{"type", std::string(128, 't')}, {"data", std::string(8192, 'd')}};
  HttpResponse accepted = rest.Send(HttpMethod::kPost, paths.front(), largest.dump());
  EXPECT_EQ(accepted.status, 204) << "a 128-byte type with 8192 bytes of data";
  if (!target().has_control_plane()) return;
  auto inbox = Inbox(session.session_id, session.connection_id);
  ASSERT_EQ(inbox.size(), 1u) << "only the signal within the limits may arrive";
  EXPECT_EQ(inbox[0].type.size(), 128u);
  EXPECT_EQ(inbox[0].data.size(), 8192u);
}

TEST_F(SignalTest, SdkRejectsInvalidSignalsBeforeAnyRequest) {
  OpenTok client = target().Client();
  std::string session_id = UnknownSessionId(target().credentials().api_key);
  int before = target().recorder().request_count();
  for (auto const& [what, signal] : std::vector<std::pair<char const*, SignalProperties>>{
           {"type of 129 bytes", {.type = std::string(129, 't'), .data = "x"}},
           {"data of 8193 bytes", {.type = "chat", .data = std::string(8193, 'd')}},
           {"data that is not UTF-8", {.type = "chat", .data = "\xff\xfe"}},
       }) {
    EXPECT_THROW(client.Signal(session_id, signal), ArgumentException) << what;
  }
  EXPECT_THROW(client.Signal("", Chat("hello")), ArgumentException) << "no session id";
  EXPECT_EQ(target().recorder().request_count(), before) << "an invalid signal reached the network";
}

}  // namespace
}  // namespace opentok::conformance
