// SIP dial and DTMF over HTTP: the answer's shape, the SDKs' body variants (the PHP SDK's
// /call and null members, the Ruby SDK's string booleans), bad input (4xx JSON naming the
// problem, nothing dialled) and the control plane's SIP calls and DTMF logs.

#include "http_fixture.h"

namespace opentok_mock::testing {
namespace {

class SipHttpTest : public HttpTest {
 protected:
  void SetUp() override { session_ = CreateSession(); }

  nlohmann::json DialBody(nlohmann::json sip = nlohmann::json::object()) {
    nlohmann::json body{{"sessionId", session_}, {"token", ClientToken(session_)}, {"sip", {{"uri", kUri}}}};
    body["sip"].update(sip);
    return body;
  }

  httplib::Result Dial(nlohmann::json const& body, std::string const& path = "/dial") {
    return client_.Post(Project() + path, Auth(), body.dump(), "application/json");
  }

  httplib::Result Dtmf(std::string const& path, nlohmann::json const& body) {
    return client_.Post(Project() + path, Auth(), body.dump(), "application/json");
  }

  nlohmann::json DtmfLog(std::string const& connection) {
    return Json(client_.Get("/_mock/sessions/" + session_ + "/connections/" + connection + "/dtmf"));
  }

  nlohmann::json SessionView() { return Json(client_.Get("/_mock/sessions/" + session_)); }

  std::string LastOperation() {
    auto items = Json(client_.Get("/_mock/requests"))["items"];
    return items.empty() ? "" : items.back()["operation"].get<std::string>();
  }

  static constexpr char kUri[] = "sip:user@sip.example.com;transport=tls";
  std::string session_;
};

TEST_F(SipHttpTest, DialAnswersTheRecordedShapeAndAddsASipConnection) {
  AdvanceSeconds(1);
  auto res = Dial(DialBody({{"from", "from@example.com"},
                            {"headers", {{"X-Custom", "v"}}},
                            {"auth", {{"username", "u"}, {"password", "p"}}},
                            {"secure", false},
                            {"video", false},
                            {"observeForceMute", true}}));
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json");
  EXPECT_EQ(LastOperation(), "sip.dial");
  auto call = Json(res);
  for (auto const* field : {"id", "connectionId", "streamId"}) {
    ASSERT_TRUE(call[field].is_string()) << field;
    EXPECT_EQ(call[field].get<std::string>().size(), 36u) << field;  // UUIDs: the Java SDK parses them
  }
  EXPECT_EQ(call["projectId"], key());
  EXPECT_EQ(call["sessionId"], session_);
  auto now = Json(client_.Get("/_mock/clock"))["now"];
  EXPECT_EQ(call["createdAt"], now);
  EXPECT_EQ(call["updatedAt"], now);
  EXPECT_EQ(call.size(), 7u);

  auto view = SessionView();
  ASSERT_EQ(view["connections"].size(), 1u);
  EXPECT_EQ(view["connections"][0]["connectionId"], call["connectionId"]);
  EXPECT_EQ(view["connections"][0]["kind"], "sip");
  ASSERT_EQ(view["streams"].size(), 1u);
  EXPECT_EQ(view["streams"][0]["id"], call["streamId"]);
  EXPECT_EQ(view["streams"][0]["hasAudio"], true);
  EXPECT_EQ(view["streams"][0]["hasVideo"], false);

  // The control plane shows what was dialled, never the password.
  auto calls = Json(client_.Get("/_mock/sessions/" + session_ + "/sip-calls"));
  ASSERT_EQ(calls["count"], 1);
  auto shown = calls["items"][0];
  EXPECT_EQ(shown["id"], call["id"]);
  EXPECT_EQ(shown["sip"]["uri"], kUri);
  EXPECT_EQ(shown["sip"]["headers"], (nlohmann::json{{"X-Custom", "v"}}));
  EXPECT_EQ(shown["sip"]["auth"], (nlohmann::json{{"username", "u"}}));
  EXPECT_EQ(shown["sip"]["observeForceMute"], true);
  EXPECT_EQ(calls.dump().find("\"p\""), std::string::npos);

  // The call ends with a force-disconnect.
  ASSERT_EQ(client_.Delete(Project() + "/session/" + session_ + "/connection/" + call["connectionId"].get<std::string>(),
                           Auth())
                ->status,
            204);
  EXPECT_EQ(Json(client_.Get("/_mock/sessions/" + session_ + "/sip-calls"))["count"], 0);
  EXPECT_EQ(SessionView()["leftConnections"][0]["kind"], "sip");
}

TEST_F(SipHttpTest, EverySdksBodyVariantDials) {
  // PHP: /call, null members, secure true by default.
  auto php = DialBody({{"from", nullptr}, {"auth", nullptr}, {"streams", nullptr}, {"secure", true}, {"headers", nullptr}});
  auto res = Dial(php, "/call");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(LastOperation(), "sip.dial.call");
  // Ruby: booleans as strings; trailing slash; the legacy prefix.
  auto ruby = DialBody({{"secure", "true"}, {"video", "true"}, {"observeForceMute", "false"}});
  res = client_.Post("/v2/partner/" + key() + "/dial/", Auth(), ruby.dump(), "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << res->body;
  // Java: every boolean present, streams listed.
  auto stream = Publish(session_, Connect(session_));
  res = Dial(DialBody({{"secure", false}, {"video", false}, {"observeForceMute", false}, {"streams", {stream}}}));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << res->body;
  auto calls = Json(client_.Get("/_mock/sessions/" + session_ + "/sip-calls"))["items"];
  ASSERT_EQ(calls.size(), 3u);
  EXPECT_EQ(calls[0]["sip"]["secure"], true);
  EXPECT_EQ(calls[1]["sip"]["video"], true);
  EXPECT_EQ(calls[2]["sip"]["streams"], (nlohmann::json{stream}));
  // Of the calls, only the video one publishes video.
  auto const view = SessionView();
  for (auto const& view_stream : view["streams"]) {
    if (view_stream["id"] == stream) continue;  // the client's camera
    EXPECT_EQ(view_stream["hasVideo"], view_stream["id"] == calls[1]["streamId"]) << view_stream.dump();
  }
}

TEST_F(SipHttpTest, BadDialsAreRejectedAndDialNothing) {
  auto relayed = CreateSession("p2p.preference=enabled");
  struct Case {
    nlohmann::json body;
    int status;
    std::string message_part;
  };
  auto without = [&](char const* member) {
    auto body = DialBody();
    body.erase(member);
    return body;
  };
  auto other_session = CreateSession();
  std::vector<Case> cases{
      {without("sessionId"), 400, "sessionId"},
      {without("token"), 400, "token"},
      {without("sip"), 400, "'sip'"},
      {DialBody({{"uri", nullptr}}), 400, "sip.uri"},
      {DialBody({{"uri", "tel:+15551234567"}}), 400, "sip.uri"},
      {DialBody({{"uri", 7}}), 400, "sip: 'uri'"},
      {DialBody({{"headers", {{"Bad Header", "v"}}}}), 400, "Bad Header"},
      {DialBody({{"headers", {{"X-Num", 1}}}}), 400, "X-Num"},
      {DialBody({{"headers", {{"X-Crlf", "a\r\nInjected: yes"}}}}), 400, "CR or LF"},
      {DialBody({{"headers", "X-A: b"}}), 400, "headers"},
      {DialBody({{"auth", {{"password", "p"}}}}), 400, "sip.auth.username"},
      {DialBody({{"secure", "maybe"}}), 400, "secure"},
      {DialBody({{"video", 1}}), 400, "video"},
      {DialBody({{"streams", "abc"}}), 400, "streams"},
      {DialBody({{"streams", {1}}}), 400, "sip.streams[0]"},
      {DialBody({{"unknown", true}}), 400, "unknown"},
      {nlohmann::json{{"sessionId", "not-a-session"}, {"token", "t"}, {"sip", {{"uri", kUri}}}}, 400, "sessionId"},
      {nlohmann::json{{"sessionId", session_}, {"token", "garbage"}, {"sip", {{"uri", kUri}}}}, 403, ""},
      {nlohmann::json{{"sessionId", session_}, {"token", ClientToken(other_session)}, {"sip", {{"uri", kUri}}}}, 403,
       "another session"},
      {nlohmann::json{{"sessionId", relayed}, {"token", ClientToken(relayed)}, {"sip", {{"uri", kUri}}}}, 409,
       "A SIP call should use the OpenTok routed mode."},
  };
  for (auto const& c : cases) {
    SCOPED_TRACE(c.body.dump());
    ExpectError(Dial(c.body), c.status, c.message_part);
  }
  ExpectError(client_.Post(Project() + "/dial", Auth(), "{", "application/json"), 400, "JSON");
  EXPECT_TRUE(SessionView()["connections"].empty());
  EXPECT_TRUE(Json(client_.Get("/_mock/sessions/" + relayed))["connections"].empty());
  EXPECT_EQ(Json(client_.Get("/_mock/sessions/" + session_ + "/sip-calls"))["count"], 0);
}

TEST_F(SipHttpTest, DtmfAnswers200EmptyAndIsLoggedPerConnection) {
  auto first = Json(Dial(DialBody()))["connectionId"].get<std::string>();
  auto second = Json(Dial(DialBody()))["connectionId"].get<std::string>();
  auto client = Connect(session_);
  AdvanceSeconds(3);
  auto now = Json(client_.Get("/_mock/clock"))["now"];
  auto res = Dtmf("/session/" + session_ + "/play-dtmf", {{"digits", "1p2#"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << res->body;
  EXPECT_TRUE(res->body.empty());
  EXPECT_EQ(LastOperation(), "sip.dtmf.session");
  res = Dtmf("/session/" + session_ + "/connection/" + second + "/play-dtmf/", {{"digits", "*9"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(LastOperation(), "sip.dtmf.connection");

  auto log = DtmfLog(first);
  EXPECT_EQ(log["connectionId"], first);
  EXPECT_EQ(log["count"], 1);
  EXPECT_EQ(log["items"], (nlohmann::json{{{"digits", "1p2#"}, {"at", now}}}));
  EXPECT_EQ(DtmfLog(second)["count"], 2);
  EXPECT_EQ(DtmfLog(second)["items"][1]["digits"], "*9");
  EXPECT_EQ(DtmfLog(client)["count"], 0);  // only SIP calls hear a session's digits

  for (auto const& body : {nlohmann::json{{"digits", "12a"}}, nlohmann::json{{"digits", ""}}, nlohmann::json::object()}) {
    SCOPED_TRACE(body.dump());
    auto bad = Dtmf("/session/" + session_ + "/play-dtmf", body);
    ExpectError(bad, 400, "Invalid DTMF Digits", 400);
  }
  ExpectError(Dtmf("/session/" + session_ + "/play-dtmf", {{"digits", 12}}), 400, "'digits'");
  ExpectError(Dtmf("/session/" + session_ + "/play-dtmf", {{"digits", "1"}, {"tones", "1"}}), 400, "tones");
  ExpectError(Dtmf("/session/" + session_ + "/connection/ghost/play-dtmf", {{"digits", "1"}}), 404, "connection");
  ExpectError(Dtmf("/session/unknown/play-dtmf", {{"digits", "1"}}), 404, "session");
  EXPECT_EQ(DtmfLog(first)["count"], 1);
  EXPECT_EQ(DtmfLog(second)["count"], 2);
}

TEST_F(SipHttpTest, MuteAllSparesCallsThatDoNotObserveForceMute) {
  auto deaf = Json(Dial(DialBody()))["streamId"];
  auto obedient = Json(Dial(DialBody({{"observeForceMute", true}})))["streamId"];
  ASSERT_EQ(client_.Post(Project() + "/session/" + session_ + "/mute", Auth(), "{}", "application/json")->status, 200);
  auto const view = SessionView();
  for (auto const& stream : view["streams"]) {
    EXPECT_EQ(stream["audioMuted"], stream["id"] == obedient) << stream.dump();
  }
  EXPECT_NE(deaf, obedient);
}

}  // namespace
}  // namespace opentok_mock::testing
