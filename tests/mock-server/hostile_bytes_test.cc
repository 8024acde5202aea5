// Bytes that are not UTF-8, field by field: the mock refuses what it would validate, store
// or echo (form fields, query parameters, client-token claims) with a 4xx naming the field
// before anything changes, keeps what it only records (the User-Agent, header values in the
// journal) with U+FFFD in place of the bad parts, and serves valid UTF-8 JSON whatever
// reaches a serializer.

#include <httplib.h>

#include "application_helpers.h"
#include "http_fixture.h"
#include "hostile_bytes.h"
#include "http_util.h"
#include "json_writer.h"
#include "opentok_mock/utf8.h"

namespace opentok_mock::testing {
namespace {

constexpr char kForm[] = "application/x-www-form-urlencoded";
constexpr std::int64_t kWallMs = 1'718'000'000'000;

// A fixed wall clock on top of the frozen, seeded clock: session ids repeat exactly, so a
// session that a refused request created would show as a different next id.
MockServerOptions FixedTimeOptions() {
  auto options = FrozenSeededOptions();
  options.service.wall_clock = [] { return kWallMs; };
  return options;
}

class BadBytesTest : public HttpTest {
 protected:
  BadBytesTest() : HttpTest(FixedTimeOptions()) {}

  std::string Fingerprint(std::vector<std::string> const& sessions) {
    return StateFingerprint(server_.service(), key(), sessions);
  }

  // The id the next session of this project gets, from a service that saw nothing else.
  std::string FirstSessionIdOfAFreshService() {
    MockService fresh(FixedTimeOptions().service);
    fresh.AddProject(key(), secret());
    SessionSettings routed;
    routed.media_mode = MediaMode::kRouted;
    return fresh.CreateSession(key(), routed)->session_id;
  }

  httplib::Result PostToken(std::string const& session_id, std::string const& token) {
    return client_.Post("/_mock/sessions/" + session_id + "/connections", nlohmann::json{{"token", token}}.dump(),
                        "application/json");
  }

  nlohmann::json LastJournalEntry() {
    auto res = client_.Get("/_mock/requests");
    ExpectStrictJsonAnswer(res, "GET /_mock/requests");
    auto items = Json(res)["items"];
    return items.empty() ? nlohmann::json() : items.back();
  }
};

TEST(Utf8Test, ValidatesAndReplacesMaximalSubparts) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("plain ascii"));
  EXPECT_TRUE(IsValidUtf8("\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\xF4\x8F\xBF\xBF"));  // é € 😀 U+10FFFF
  for (std::string bad : {"\xFF", "\xC3\x28", "\xED\xA0\x80", "\xC0\xAF", "\xF4\x90\x80\x80", "\xE2\x82", "\x80"}) {
    EXPECT_FALSE(IsValidUtf8(bad)) << bad;
  }
  EXPECT_EQ(ToValidUtf8("a\xFF\xFE" "b"), "a\xEF\xBF\xBD\xEF\xBF\xBD" "b");
  EXPECT_EQ(ToValidUtf8("x\xE2\x82"), "x\xEF\xBF\xBD");        // one subpart, one U+FFFD
  EXPECT_EQ(ToValidUtf8("\xC3\x28"), "\xEF\xBF\xBD(");         // the '(' survives
  EXPECT_EQ(ToValidUtf8("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // no surrogates
  EXPECT_EQ(ToValidUtf8("ok \xC3\xA9"), "ok \xC3\xA9");
}

TEST(SerializerTest, AnswersReplaceIllFormedTextInsteadOfThrowing) {
  httplib::Response res;
  http::SendJson(res, 200, {{"name", std::string("a\xFF" "b")}});
  EXPECT_EQ(res.body, "{\"name\":\"a\xEF\xBF\xBD" "b\"}");
  http::SendError(res, Error{400, -1, std::string("Bad request. Invalid '\xC3\x28'.")});
  EXPECT_EQ(res.status, 400);
  EXPECT_TRUE(nlohmann::json::accept(res.body)) << res.body;

  std::string text;
  {
    http::ObjectWriter json(text);
    json.String("name", "\xED\xA0\x80x");
  }
  EXPECT_EQ(text, "{\"name\":\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDx\"}");
}

TEST_F(BadBytesTest, SessionCreateRefusesFieldsThatAreNotUtf8BeforeCreatingAnything) {
  for (std::string field : {"p2p.preference", "archiveMode", "e2ee", "location", "archiveName", "archiveResolution"}) {
    for (auto const& bad : BadPercentEncoded()) {
      auto form = "p2p.preference=disabled&archiveMode=always&" + field + "=" + bad;
      SCOPED_TRACE(form);
      auto res = client_.Post("/session/create", WithAccept(Auth()), form, kForm);
      ExpectStrictJsonAnswer(res, form);
      ExpectError(res, 400, "'" + field + "'");
    }
  }
  // A field name that is not UTF-8 is an unknown field: ignored, as every unknown field is
  // (the Node SDK forwards its caller's options).
  EXPECT_EQ(CreateSession("p2p.preference=disabled&x%FF=%FF"), FirstSessionIdOfAFreshService());
}

TEST_F(BadBytesTest, QueryValuesThatAreNotUtf8Get400NamingTheParameter) {
  auto session = CreateSession();
  auto connection = Connect(session);
  auto before = Fingerprint({session});
  for (std::string list : {"/archive", "/broadcast", "/render"}) {
    for (std::string name : {"offset", "count", "sessionId"}) {
      for (auto const& bad : BadPercentEncoded()) {
        auto target = Project() + list + "?" + name + "=" + bad;
        auto res = client_.Get(target, Auth());
        ExpectStrictJsonAnswer(res, target);
        ExpectError(res, 400, "'" + name + "'");
      }
    }
  }
  // The control plane's ?reason= too, and the connection stays.
  auto target = "/_mock/sessions/" + session + "/connections/" + connection + "?reason=%FF";
  ExpectError(client_.Delete(target), 400, "'reason'");
  EXPECT_EQ(Fingerprint({session}), before);
}

TEST_F(BadBytesTest, UserAgentAndAuthHeadersAreJournaledAsValidUtf8) {
  auto headers = Auth();
  headers.emplace("User-Agent", "OpenTok-Test/\xFF\xFE 1.0");
  ExpectStrictJsonAnswer(client_.Get(Project() + "/archive", headers), "GET archives");
  EXPECT_EQ(LastJournalEntry()["userAgent"], "OpenTok-Test/\xEF\xBF\xBD\xEF\xBF\xBD 1.0");

  // The legacy partner header names the project before its secret: an unknown key is a 403
  // and the journal keeps the key as it can.
  auto res = client_.Get(Project() + "/archive", {{"X-TB-PARTNER-AUTH", "1234\xC3\x28:secret"}});
  ExpectStrictJsonAnswer(res, "partner auth");
  ExpectError(res, 403);
  EXPECT_EQ(LastJournalEntry()["status"], 403);
}

TEST_F(BadBytesTest, T1ClaimsThatAreNotUtf8Get403NamingTheClaim) {
  auto session = CreateSession();
  auto before = Fingerprint({session});
  for (std::string claim : {"role", "connection_data", "initial_layout_class_list"}) {
    for (auto const& bad : BadPercentEncoded()) {
      SCOPED_TRACE(claim + "=" + bad);
      auto data = T1DataWith(session, server_.service().NowMs() / 1000, claim, bad);
      auto res = PostToken(session, MakeT1(key(), secret(), data));
      ExpectStrictJsonAnswer(res, claim);
      ExpectError(res, 403, claim);
    }
  }
  EXPECT_EQ(Fingerprint({session}), before);
  ExpectStrictJsonAnswer(client_.Get("/_mock/sessions/" + session), "GET session");

  // Well-formed text other than ASCII is taken and served back as sent.
  auto res = PostToken(session, MakeT1(key(), secret(), T1DataWith(session, server_.service().NowMs() / 1000,
                                                                    "connection_data", "caf%C3%A9")));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 201) << res->body;
  EXPECT_EQ(Json(res)["data"], "caf\xC3\xA9");
}

TEST_F(BadBytesTest, JwtClassListsThatDecodeToBadBytesGet403) {
  auto session = CreateSession();
  auto before = Fingerprint({session});
  auto now = server_.service().NowMs() / 1000;
  for (auto const& bad : BadPercentEncoded()) {
    // The PHP SDK URL-encodes the class list inside its JWT.
    auto claims = ClientClaims(key(), session, "publisher", now);
    claims["initial_layout_class_list"] = "focus " + bad;
    auto res = PostToken(session, MakeJwt(claims, secret()));
    ExpectStrictJsonAnswer(res, bad);
    ExpectError(res, 403, "initial_layout_class_list");
  }
  EXPECT_EQ(Fingerprint({session}), before);
}

TEST_F(BadBytesTest, Rs256ClassListsThatDecodeToBadBytesGet403) {
  auto const& private_key = ApplicationPrivateKey();
  ASSERT_TRUE(server_.service().AddApplication(kApplicationId, private_key.PublicKeyPem()));
  SessionSettings routed;
  routed.media_mode = MediaMode::kRouted;
  auto session = server_.service().CreateSession(kApplicationId, routed)->session_id;
  auto before = Fingerprint({session});
  for (auto const& bad : BadPercentEncoded()) {
    auto claims = ApplicationClientClaims(kApplicationId, session, "publisher", server_.service().NowMs() / 1000);
    claims["initial_layout_class_list"] = "focus+" + bad;
    auto res = PostToken(session, MakeRs256Jwt(claims, private_key));
    ExpectStrictJsonAnswer(res, bad);
    ExpectError(res, 403, "initial_layout_class_list");
  }
  EXPECT_EQ(Fingerprint({session}), before);
}

TEST_F(BadBytesTest, JsonStringsTheParserTakesAreStoredAndServedAsValidJson) {
  auto session = CreateSession("p2p.preference=disabled");
  Connect(session);
  // Raw ill-formed bytes and lone surrogate escapes are refused by the JSON parser ...
  for (std::string name : {"\"a\xFF\"", "\"\\ud800\"", "\"\\udc00x\""}) {
    auto body = "{\"sessionId\":\"" + session + "\",\"name\":" + name + "}";
    auto res = client_.Post(Project() + "/archive", Auth(), body, "application/json");
    ExpectStrictJsonAnswer(res, name);
    ExpectError(res, 400);
  }
  // ... while NUL, noncharacters and astral characters are text like any other.
  auto body = "{\"sessionId\":\"" + session + "\",\"name\":\"a\\u0000b\\uffff\xF0\x9F\x98\x80\"}";
  auto started = client_.Post(Project() + "/archive", Auth(), body, "application/json");
  ASSERT_TRUE(started);
  ASSERT_EQ(started->status, 200) << started->body;
  auto list = client_.Get(Project() + "/archive", Auth());
  ExpectStrictJsonAnswer(list, "archive list");
  EXPECT_EQ(Json(list)["items"][0]["name"], std::string("a\0b\xEF\xBF\xBF\xF0\x9F\x98\x80", 10));
}

}  // namespace
}  // namespace opentok_mock::testing
