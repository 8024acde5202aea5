// SIP interconnect: a dial into a routed session answers the call's id, connection id and
// stream id (read raw through the suite's dial-answer table, media_wire_schemas.h); the callee joins as a connection of kind sip that publishes the call's audio
// (stream named after `from`) until it is force-disconnected. DTMF digits reach every SIP
// call of the session, or one connection, and are recorded per connection. A relayed
// session is 409, unknown sessions and connections 404, invalid digits 400 from the server
// itself (sent at the wire level; the SDK refuses them before any request), with no digits
// recorded.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "conformance_test.h"
#include "control_session.h"
#include "sdk_status.h"
#include "service_error.h"
#include "media_wire_schemas.h"
#include "wire_expect.h"

namespace opentok::conformance {
namespace {

constexpr char kFrom[] = "+15557654321";
// Stands in for a SIP password: it must never come back in any answer.
constexpr char kSipPassword[] = "conformance-sip-password";

nlohmann::json DialBody(ControlSession const& session) {
  return {{"sessionId", session.id()},
          {"token", session.Token()},
          {"sip",
           {{"uri", kSipUri},
            {"from", kFrom},
            {"headers", {{"X-Conformance", "dial"}}},
            {"auth", {{"username", "conformance"}, {"password", kSipPassword}}},
            {"secure", true},
            {"observeForceMute", true}}}};
}

// The digits a connection heard, oldest first (the control plane's record).
std::vector<std::string> DigitsHeard(ControlSession const& session, std::string const& connection_id) {
  auto record = CurrentTarget().control().Dtmf(session.id(), connection_id);
  std::vector<std::string> digits;
  for (auto const& item : record.at("items")) digits.push_back(item.at("digits").get<std::string>());
  return digits;
}

class SipTest : public ConformanceTest {};

TEST_F(SipTest, DialAnswersTheCallIds) {
  ControlSession session(OwnProject());
  HttpResponse response = session.Rest().Send(HttpMethod::kPost, session.Rest().ProjectPath() + "/dial",
                                              DialBody(session).dump());
  session.TrackAnswer(MediaKind::kSipCall, response, "connectionId");
  auto body = ExpectSipDialAnswer(response, NowMs(), session.credentials(), DialBody(session), "POST dial");
  EXPECT_EQ(response.body.find(kSipPassword), std::string::npos) << "the dial answer shows the SIP password";

  SipCall call = session.Dial(DialOptions{.from = kFrom});
  EXPECT_FALSE(call.id.empty());
  EXPECT_FALSE(call.connection_id.empty());
  EXPECT_FALSE(call.stream_id.empty());
  EXPECT_NE(call.connection_id, body.value("connectionId", "")) << "two calls share a connection";
}

TEST_F(SipTest, DialAddsASipConnectionUntilItIsForceDisconnected) {
  OPENTOK_REQUIRE_CONTROL_PLANE("the session view and the calls in progress");
  ControlSession session(OwnProject());
  HttpResponse response = session.Rest().Send(HttpMethod::kPost, session.Rest().ProjectPath() + "/dial",
                                              DialBody(session).dump());
  session.TrackAnswer(MediaKind::kSipCall, response, "connectionId");
  auto call = ExpectSipDialAnswer(response, NowMs(), session.credentials(), DialBody(session), "POST dial");
  ASSERT_TRUE(call.contains("connectionId") && call.contains("streamId")) << call.dump();
  std::string connection_id = call["connectionId"].get<std::string>();

  auto view = session.View();
  auto const connection = FindBy(view.at("connections"), "connectionId", connection_id);
  ASSERT_TRUE(connection) << "the callee is not a connection of the session";
  EXPECT_EQ(connection->value("kind", ""), "sip");
  auto const stream = FindBy(view.at("streams"), "id", call["streamId"].get<std::string>());
  ASSERT_TRUE(stream) << "the call publishes no stream";
  EXPECT_EQ(stream->value("connectionId", ""), connection_id);
  EXPECT_EQ(stream->value("name", ""), kFrom) << "the call's stream is named after `from`";
  EXPECT_EQ(session.client().ListConnections(session.id()).total_count, 1);

  auto calls = CurrentTarget().control().SipCalls(session.id());
  ASSERT_EQ(calls.value("count", 0), 1) << calls.dump();
  auto const& sip = calls.at("items").at(0).at("sip");
  EXPECT_EQ(sip.value("uri", ""), kSipUri);
  EXPECT_EQ(sip.value("headers", nlohmann::json()), (nlohmann::json{{"X-Conformance", "dial"}}));
  EXPECT_EQ(sip.value("secure", false), true);
  EXPECT_EQ(sip.value("observeForceMute", false), true);
  EXPECT_EQ(sip.value("auth", nlohmann::json()), (nlohmann::json{{"username", "conformance"}}));
  EXPECT_EQ(calls.dump().find(kSipPassword), std::string::npos) << "the calls in progress show the SIP password";

  EXPECT_EQ(StatusOf([&] { session.client().ForceDisconnect(session.id(), connection_id); }), 204) << "hang up";
  EXPECT_EQ(CurrentTarget().control().SipCalls(session.id()).value("count", -1), 0) << "the call did not end";
  view = session.View();
  EXPECT_EQ(view.at("streams").size(), 0u) << "the call's stream outlived it";
  auto const left = FindBy(view.at("leftConnections"), "connectionId", connection_id);
  ASSERT_TRUE(left);
  EXPECT_EQ(left->value("reason", ""), "forceDisconnected");
}

TEST_F(SipTest, RelayedSessionIsConflict) {
  ControlSession session(OwnProject(), MediaMode::kRelayed);
  ExpectServiceError<ConflictException>(409, "dial into a relayed session", [&] { session.Dial(); });
  if (!target().has_control_plane()) return;
  EXPECT_TRUE(session.View().at("connections").empty()) << "a refused dial joined the session";
  EXPECT_EQ(CurrentTarget().control().SipCalls(session.id()).value("count", -1), 0);
}

TEST_F(SipTest, UnknownSessionOrConnectionIsNotFound) {
  ControlSession session(OwnProject());
  std::string unknown_session = UnknownSessionId(session.credentials().api_key);
  std::string token = CurrentTarget().TokenClient(session.credentials()).GenerateToken(unknown_session);
  ExpectServiceError<NotFoundException>(404, "dial into an unknown session",
                                        [&] { session.client().Dial(unknown_session, token, kSipUri); });
  ExpectServiceError<NotFoundException>(404, "DTMF to an unknown connection",
                                        [&] { session.client().PlayDTMF(session.id(), "1", UnknownId()); });
  ExpectServiceError<NotFoundException>(404, "DTMF to an unknown session",
                                        [&] { session.client().PlayDTMF(unknown_session, "1"); });
}

TEST_F(SipTest, DtmfIsRecordedPerConnection) {
  OPENTOK_REQUIRE_CONTROL_PLANE("the digits each connection heard");
  ControlSession session(OwnProject());
  std::string client = session.Connect();
  EXPECT_EQ(StatusOf([&] { session.client().PlayDTMF(session.id(), "0"); }), 200) << "no call to hear it is fine";
  SipCall first = session.Dial();
  SipCall second = session.Dial();

  EXPECT_EQ(StatusOf([&] { session.client().PlayDTMF(session.id(), "1234#"); }), 200);
  EXPECT_EQ(StatusOf([&] { session.client().PlayDTMF(session.id(), "p*9", first.connection_id); }), 200);
  EXPECT_EQ(DigitsHeard(session, first.connection_id), (std::vector<std::string>{"1234#", "p*9"}));
  EXPECT_EQ(DigitsHeard(session, second.connection_id), std::vector<std::string>{"1234#"})
      << "digits to one call reached another, or a call dialled later heard old digits";
  EXPECT_TRUE(DigitsHeard(session, client).empty()) << "a client that is not a SIP call heard digits";
}

TEST_F(SipTest, InvalidDtmfIsBadRequestAtTheWire) {
  ControlSession session(OwnProject());
  SipCall call = session.Dial();
  RestClient rest = session.Rest();
  for (std::string const& path : {session.Path() + "/play-dtmf",
                                  session.Path() + "/connection/" + call.connection_id + "/play-dtmf"}) {
    for (std::string const& body : {std::string(R"({"digits":"12a"})"), std::string(R"({"digits":"1 2"})"),
                                    std::string(R"({"digits":""})"), std::string(R"({})")}) {
      ExpectErrorAnswer(rest.Send(HttpMethod::kPost, path, body), 400, path + " " + body);
    }
  }
  if (target().has_control_plane()) {
    EXPECT_TRUE(DigitsHeard(session, call.connection_id).empty()) << "refused digits were played";
  }
}

TEST_F(SipTest, SdkRejectsInvalidDialsAndDigitsBeforeAnyRequest) {
  OpenTok client = target().Client();
  std::string session_id = UnknownSessionId(target().credentials().api_key);
  std::string token = target().TokenClient().GenerateToken(session_id);
  int before = target().recorder().request_count();
  for (auto const& [what, uri, options] : std::vector<std::tuple<char const*, std::string, DialOptions>>{
           {"a tel: URI", "tel:+15551234567", {}},
           {"a header name with a space", kSipUri, {.headers = {{"X Bad", "v"}}}},
           {"a header value with CR LF", kSipUri, {.headers = {{"X-Bad", "v\r\nInjected: 1"}}}},
           {"auth without a user name", kSipUri, {.auth = SipAuth{.username = "", .password = "p"}}},
           {"an empty stream id", kSipUri, {.streams = {""}}},
       }) {
    EXPECT_THROW(client.Dial(session_id, token, uri, options), ArgumentException) << what;
  }
  EXPECT_THROW(client.Dial(session_id, "", kSipUri), ArgumentException) << "no token";
  for (char const* digits : {"", "12a", "1 2"}) {
    EXPECT_THROW(client.PlayDTMF(session_id, digits), ArgumentException) << "digits '" << digits << "'";
  }
  EXPECT_EQ(target().recorder().request_count(), before) << "an invalid call reached the network";
}

}  // namespace
}  // namespace opentok::conformance
