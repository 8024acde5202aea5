// Vonage applications over HTTP: the control plane registers them, and an application then
// creates sessions, runs archives, lists streams and connects clients with RS256 tokens, its
// requests journaled with the credential kind (never the token).

#include "application_helpers.h"
#include "http_fixture.h"

namespace opentok_mock::testing {
namespace {

constexpr char kJsonType[] = "application/json";

class ApplicationHttpTest : public HttpTest {
 protected:
  // One generated application per test: its private key comes back once, at creation.
  void SetUp() override {
    auto created = client_.Post("/_mock/applications", "", kJsonType);
    ASSERT_TRUE(created);
    ASSERT_EQ(created->status, 201) << created->body;
    auto body = Json(created);
    id_ = body["applicationId"].get<std::string>();
    private_key_pem_ = body["privateKey"].get<std::string>();
    auto key = opentok::common::RsaPrivateKey::FromPem(private_key_pem_);
    ASSERT_TRUE(key);
    EXPECT_EQ(body["publicKey"], key->PublicKeyPem());
    key_.emplace(std::move(*key));
  }

  std::string Path() const { return "/v2/project/" + id_; }
  httplib::Headers Bearer() {
    return {{"Authorization",
             "Bearer " + MakeRs256Jwt(ApplicationRestClaims(id_, server_.service().WallMs() / 1000), *key_)}};
  }
  std::string ApplicationSession() {
    auto res = client_.Post("/session/create", WithAccept(Bearer()), "p2p.preference=disabled",
                            "application/x-www-form-urlencoded");
    if (!res || res->status != 200) throw std::runtime_error("session create failed");
    return Json(res)[0]["session_id"].get<std::string>();
  }
  httplib::Result ConnectWith(std::string const& session_id, std::string const& token) {
    return client_.Post("/_mock/sessions/" + session_id + "/connections", nlohmann::json{{"token", token}}.dump(),
                        kJsonType);
  }
  std::string ApplicationToken(std::string const& session_id) {
    return MakeRs256Jwt(ApplicationClientClaims(id_, session_id, "publisher", server_.service().NowMs() / 1000),
                        *key_);
  }

  std::string id_;
  std::string private_key_pem_;
  std::optional<opentok::common::RsaPrivateKey> key_;
};

TEST_F(ApplicationHttpTest, CreatesSessionsRunsArchivesAndListsStreams) {
  auto created = client_.Post("/session/create", WithAccept(Bearer()), "p2p.preference=disabled",
                              "application/x-www-form-urlencoded");
  ASSERT_TRUE(created);
  ASSERT_EQ(created->status, 200) << created->body;
  auto session = Json(created)[0];
  EXPECT_EQ(session["project_id"], id_);
  auto session_id = session["session_id"].get<std::string>();

  auto connected = ConnectWith(session_id, ApplicationToken(session_id));
  ASSERT_TRUE(connected);
  ASSERT_EQ(connected->status, 201) << connected->body;
  EXPECT_EQ(Json(connected)["tokenFormat"], "jwt");
  Publish(session_id, Json(connected)["connectionId"].get<std::string>());

  auto started = client_.Post(Path() + "/archive", Bearer(), nlohmann::json{{"sessionId", session_id}}.dump(),
                              kJsonType);
  ASSERT_TRUE(started);
  ASSERT_EQ(started->status, 200) << started->body;
  auto archive = Json(started);
  EXPECT_EQ(archive["projectId"], id_);  // a string: an application id is no JSON number
  EXPECT_EQ(archive["applicationId"], id_);  // what the Vonage SDKs read
  auto archive_id = archive["id"].get<std::string>();
  auto got = client_.Get(Path() + "/archive/" + archive_id, Bearer());
  ASSERT_TRUE(got);
  EXPECT_EQ(Json(got)["status"], "started");
  auto streams = client_.Get(Path() + "/session/" + session_id + "/stream", Bearer());
  ASSERT_TRUE(streams);
  EXPECT_EQ(Json(streams)["count"], 1);
  // Setting class lists answers the updated streams (the Vonage Python SDK reads them).
  auto stream_id = Json(streams)["items"][0]["id"];
  auto classes = client_.Put(Path() + "/session/" + session_id + "/stream", Bearer(),
                             nlohmann::json{{"items", {{{"id", stream_id}, {"layoutClassList", {"full"}}}}}}.dump(),
                             kJsonType);
  ASSERT_TRUE(classes);
  ASSERT_EQ(classes->status, 200) << classes->body;
  EXPECT_EQ(Json(classes), (nlohmann::json{{"count", 1}, {"items", {Json(client_.Get(Path() + "/session/" + session_id +
                                                                                       "/stream/" + stream_id.get<std::string>(),
                                                                                   Bearer()))}}}));
  EXPECT_EQ(Json(classes)["items"][0]["layoutClassList"], nlohmann::json::array({"full"}));
  auto stopped = client_.Post(Path() + "/archive/" + archive_id + "/stop", Bearer(), "", kJsonType);
  ASSERT_TRUE(stopped);
  EXPECT_EQ(Json(stopped)["status"], "stopped");
  // The same JWT in X-OPENTOK-AUTH (the PHP SDK's Vonage mode).
  auto listed = client_.Get(Path() + "/archive", {{"X-OPENTOK-AUTH", Bearer().begin()->second.substr(7)}});
  ASSERT_TRUE(listed);
  EXPECT_EQ(Json(listed)["count"], 1);
}

TEST_F(ApplicationHttpTest, RefusalsAre403WithTheReason) {
  auto now_s = server_.service().WallMs() / 1000;
  auto claims = ApplicationRestClaims(id_, now_s);
  ExpectError(client_.Get(Path() + "/archive", {{"Authorization", "Bearer " + MakeRs256Jwt(claims, OtherPrivateKey())}}),
              403, "Invalid signature", -1);
  ExpectError(client_.Get(Path() + "/archive", {{"Authorization", "Bearer " + MakeJwt(claims, key_->PublicKeyPem())}}),
              403, "RS256", -1);
  ExpectError(client_.Get(Path() + "/archive",
                          {{"Authorization", "Bearer " + MakeRs256Jwt(ApplicationRestClaims(id_, now_s - 3600), *key_)}}),
              403, "Token expired", -1);
  ExpectError(client_.Get(Project() + "/archive", Bearer()), 403, "does not match the one in the url", -1);
  ExpectError(client_.Get(Path() + "/archive", {{"Authorization", "Basic eDp5"}}), 403, "Bearer", -1);
  // A project's token for an application's session, when a client connects.
  auto session_id = ApplicationSession();
  ExpectError(ConnectWith(session_id, ClientToken(session_id)), 403, "belongs to a Vonage application");
  ExpectError(ConnectWith(CreateSession(), ApplicationToken(session_id)), 403, "belongs to a project");
}

TEST_F(ApplicationHttpTest, ControlPlaneRoutes) {
  // JSON and text forms of the REST-token helper; both authenticate.
  auto json = Json(client_.Get("/_mock/applications/" + id_ + "/rest-token"));
  EXPECT_EQ(json["header"], "Authorization");
  EXPECT_EQ(json["expiresIn"], 300);
  auto text = client_.Get("/_mock/applications/" + id_ + "/rest-token", {{"Accept", "text/plain"}});
  ASSERT_TRUE(text);
  EXPECT_EQ(text->get_header_value("Content-Type"), "text/plain");
  EXPECT_EQ(text->body.rfind("ey", 0), 0u);
  for (auto const& value : {json["token"].get<std::string>(), "Bearer " + text->body}) {
    auto res = client_.Get(Path() + "/archive", {{"Authorization", value}});
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200) << res->body;
  }

  // An application registered with its public key only.
  auto registered = client_.Post("/_mock/applications",
                                 nlohmann::json{{"applicationId", kApplicationId},
                                                {"publicKey", ApplicationPrivateKey().PublicKeyPem()}}
                                     .dump(),
                                 kJsonType);
  ASSERT_TRUE(registered);
  EXPECT_EQ(registered->status, 201);
  EXPECT_FALSE(Json(registered).contains("privateKey"));
  ExpectError(client_.Get(std::string("/_mock/applications/") + kApplicationId + "/rest-token"), 409,
              "only the public key");
  ExpectError(client_.Get("/_mock/applications/ffffffff-ffff-4fff-8fff-ffffffffffff/rest-token"), 404);
  auto listed = Json(client_.Get("/_mock/applications"));
  EXPECT_EQ(listed["count"], 2);
  EXPECT_EQ(listed.dump().find("PRIVATE"), std::string::npos);

  ExpectError(client_.Post("/_mock/applications",
                           nlohmann::json{{"applicationId", kApplicationId},
                                          {"publicKey", ApplicationPrivateKey().PublicKeyPem()}}
                               .dump(),
                           kJsonType),
              409, "already exists");
  ExpectError(client_.Post("/_mock/applications", R"({"applicationId":"12345"})", kJsonType), 400, "UUID");
  ExpectError(client_.Post("/_mock/applications", nlohmann::json{{"publicKey", kEcPublicKeyPem}}.dump(), kJsonType),
              400, "publicKey");
  ExpectError(client_.Post("/_mock/applications", R"({"publicKey":5})", kJsonType), 400, "publicKey");
  ExpectError(client_.Post("/_mock/applications", R"({"privateKey":"x"})", kJsonType), 400, "unknown field");
}

TEST_F(ApplicationHttpTest, JournalShowsTheCredentialKindButNoToken) {
  auto bearer = Bearer();
  client_.Get(Path() + "/archive", bearer);
  client_.Get(Project() + "/archive", Auth());
  client_.Get(Path() + "/archive", {{"Authorization", "Bearer " + MakeRs256Jwt(ApplicationRestClaims(id_, 1), *key_)}});
  auto response = client_.Get("/_mock/requests");
  ASSERT_TRUE(response);
  auto items = Json(response)["items"];
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0]["credential"], "application");
  EXPECT_EQ(items[0]["authHeader"], "Authorization");
  EXPECT_EQ(items[0]["apiKey"], id_);
  EXPECT_EQ(items[1]["credential"], "project");
  EXPECT_EQ(items[1]["authHeader"], "X-OPENTOK-AUTH");
  EXPECT_EQ(items[2]["auth"], "rejected");
  EXPECT_EQ(items[2]["credential"], "application");
  auto jwt = bearer.begin()->second.substr(7);
  EXPECT_EQ(response->body.find(jwt.substr(jwt.rfind('.') + 1)), std::string::npos);
  EXPECT_EQ(response->body.find("eyJ"), std::string::npos);
}

}  // namespace
}  // namespace opentok_mock::testing
