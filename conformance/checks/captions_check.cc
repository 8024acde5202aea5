// Live captions: a start answers 202 with the captions id, GET shows them `started`, both
// read raw through the suite's captions tables (media_wire_schemas.h); a stop answers 202
// with an empty body and ends them (a second stop is 404). A session
// captions once at a time: a second start is 409 with code 60003. Unknown ids are 404, a
// relayed session 409, start bodies the server must refuse 400 (sent at the wire level; the
// SDK refuses them before any request) and start nothing. On a mock, `maxDuration` ends
// them on the mock clock.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "conformance_test.h"
#include "control_session.h"
#include "live_poll.h"
#include "sdk_status.h"
#include "service_error.h"
#include "media_wire_schemas.h"
#include "wire_expect.h"

namespace opentok::conformance {
namespace {

nlohmann::json StartBody(ControlSession const& session) {
  return {{"sessionId", session.id()},
          {"token", session.Token(Role::kModerator)},
          {"languageCode", "en-US"},
          {"maxDuration", 1800},
          {"partialCaptions", true}};
}

// Starts captions at the wire level (tracked when they start).
HttpResponse StartAtTheWire(ControlSession const& session, nlohmann::json const& body) {
  RestClient rest = session.Rest();
  HttpResponse response = rest.Send(HttpMethod::kPost, rest.ProjectPath() + "/captions", body.dump());
  session.TrackAnswer(MediaKind::kCaptions, response, "captionsId");
  return response;
}

bool Stopped(ControlSession const& session, std::string const& captions_id) {
  return session.client().GetLiveCaptions(captions_id).status == CaptionsStatus::kStopped;
}

class CaptionsTest : public ConformanceTest {};

TEST_F(CaptionsTest, StartGetStopAnswers) {
  ControlSession session(OwnProject());
  std::string id = ExpectCaptionsStartAnswer(StartAtTheWire(session, StartBody(session)), "POST captions");
  ASSERT_FALSE(id.empty());

  RestClient rest = session.Rest();
  std::string path = rest.ProjectPath() + "/captions/" + id;
  auto body = ExpectCaptionsAnswer(rest.Get(path), NowMs(), session.credentials(), "GET captions");
  EXPECT_EQ(body.value("captionId", ""), id);
  EXPECT_EQ(body.value("sessionId", ""), session.id());
  EXPECT_EQ(body.value("status", ""), "started");
  EXPECT_EQ(body.value("languageCode", ""), "en-US");

  LiveCaptions captions = session.client().GetLiveCaptions(id);
  EXPECT_EQ(captions.id, id);
  EXPECT_EQ(captions.session_id, session.id());
  EXPECT_EQ(captions.status, CaptionsStatus::kStarted);
  EXPECT_EQ(captions.language_code, "en-US");
  // The stop answers 202 with an empty body (py-ot and rb-ot require exactly 202).
  HttpResponse stop = rest.Send(HttpMethod::kPost, path + "/stop");
  EXPECT_EQ(stop.status, 202) << "POST captions stop: " << stop.body;
  EXPECT_TRUE(stop.body.empty()) << "POST captions stop: 202 with a body";
  EXPECT_TRUE(Eventually([&] { return Stopped(session, id); })) << "captions not stopped after the stop";
  auto stopped = ExpectCaptionsAnswer(rest.Get(path), NowMs(), session.credentials(), "GET stopped captions");
  EXPECT_EQ(stopped.value("status", ""), "stopped");
  ExpectServiceError<NotFoundException>(404, "a second stop", [&] { session.client().StopLiveCaptions(id); });
}

TEST_F(CaptionsTest, SecondCaptioningOfASessionIsConflict60003) {
  ControlSession session(OwnProject());
  std::string first = session.StartCaptions();
  int code = ExpectServiceError<ConflictException>(409, "a second captioning", [&] { session.StartCaptions(); });
  EXPECT_EQ(code, 60003);
  EXPECT_EQ(session.client().GetLiveCaptions(first).status, CaptionsStatus::kStarted) << "the refusal ended the first";
  if (!target().has_control_plane()) return;  // live may free the session later than the stop answers
  session.client().StopLiveCaptions(first);
  EXPECT_NO_THROW(session.StartCaptions()) << "stopped captions still hold the session";
}

TEST_F(CaptionsTest, UnknownIdIsNotFoundAndRelayedSessionIsConflict) {
  ControlSession relayed(OwnProject(), MediaMode::kRelayed);
  std::string id = UnknownId();
  ExpectServiceError<NotFoundException>(404, "get", [&] { relayed.client().GetLiveCaptions(id); });
  ExpectServiceError<NotFoundException>(404, "stop", [&] { relayed.client().StopLiveCaptions(id); });
  ExpectServiceError<ConflictException>(409, "captions of a relayed session", [&] { relayed.StartCaptions(); });
}

TEST_F(CaptionsTest, InvalidStartIsBadRequestAtTheWireAndStartsNothing) {
  ControlSession session(OwnProject());
  auto with = [&](char const* member, nlohmann::json value) {
    nlohmann::json body = StartBody(session);
    body[member] = std::move(value);
    return body;
  };
  nlohmann::json without_session = StartBody(session);
  without_session.erase("sessionId");
  for (auto const& [what, body] : std::vector<std::pair<char const*, nlohmann::json>>{
           {"maxDuration 299", with("maxDuration", 299)},
           {"maxDuration 14401", with("maxDuration", 14401)},
           {"a languageCode that is no language tag", with("languageCode", "english")},
           {"a statusCallbackUrl of 14 characters", with("statusCallbackUrl", "https://a.b/cd")},
           {"no sessionId", without_session},
       }) {
    ExpectErrorAnswer(StartAtTheWire(session, body), 400, what);
  }
  // Had any of them started captions, the session would refuse a second captioning (409).
  EXPECT_EQ(StartAtTheWire(session, StartBody(session)).status, 202) << "a refused start holds the session";
}

TEST_F(CaptionsTest, MaxDurationEndsCaptionsOnTheMockClock) {
  OPENTOK_REQUIRE_CONTROL_PLANE("the mock clock");
  ControlSession session(OwnProject());
  std::string id = session.StartCaptions(LiveCaptionsOptions{.max_duration = 300});
  target().control().Advance(299);
  EXPECT_EQ(session.client().GetLiveCaptions(id).status, CaptionsStatus::kStarted) << "at 299 s of 300";
  target().control().Advance(1);
  LiveCaptions captions = session.client().GetLiveCaptions(id);
  EXPECT_EQ(captions.status, CaptionsStatus::kStopped) << "at 300 s of 300";
  EXPECT_FALSE(captions.reason.empty()) << "a stop by the maximum duration says why";
  EXPECT_EQ(captions.duration, 300);
}

TEST_F(CaptionsTest, SdkRejectsInvalidOptionsBeforeAnyRequest) {
  OpenTok client = target().Client();
  std::string session_id = UnknownSessionId(target().credentials().api_key);
  std::string token = target().TokenClient().GenerateToken(session_id, Role::kModerator);
  int before = target().recorder().request_count();
  for (auto const& [what, options] : std::vector<std::pair<char const*, LiveCaptionsOptions>>{
           {"maxDuration 299", {.max_duration = 299}},
           {"maxDuration 14401", {.max_duration = 14401}},
           {"a statusCallbackUrl of 14 characters", {.status_callback_url = "https://a.b/cd"}},
       }) {
    EXPECT_THROW(client.StartLiveCaptions(session_id, token, options), ArgumentException) << what;
  }
  EXPECT_THROW(client.StartLiveCaptions(session_id, ""), ArgumentException) << "no token";
  EXPECT_THROW(client.GetLiveCaptions(""), ArgumentException);
  EXPECT_THROW(client.StopLiveCaptions(""), ArgumentException);
  EXPECT_EQ(target().recorder().request_count(), before) << "an invalid call reached the network";
}

}  // namespace
}  // namespace opentok::conformance
