// The /_mock control plane over HTTP: every route, status code and error body.

#include "http_fixture.h"
#include "opentok_mock/gtest.h"

namespace opentok_mock::testing {
namespace {

using ControlTest = HttpTest;
constexpr char kJsonType[] = "application/json";

TEST_F(ControlTest, HealthAndReset) {
  auto health = client_.Get("/_mock/health");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  EXPECT_EQ(Json(health), (nlohmann::json{{"status", "ok"}}));
  auto session = CreateSession();
  auto reset = client_.Post("/_mock/reset", "", kJsonType);
  ASSERT_TRUE(reset);
  EXPECT_EQ(reset->status, 204);
  ExpectError(client_.Get("/_mock/sessions/" + session), 404, "session");
  EXPECT_EQ(Json(client_.Get("/_mock/requests"))["items"].size(), 0u);
  // Projects survive a reset.
  EXPECT_NO_THROW(CreateSession());
}

TEST_F(ControlTest, Projects) {
  auto generated = client_.Post("/_mock/projects", "", kJsonType);
  ASSERT_TRUE(generated);
  EXPECT_EQ(generated->status, 201);
  auto body = Json(generated);
  EXPECT_EQ(body["apiKey"].get<std::string>().size(), 8u);
  EXPECT_EQ(body["apiSecret"].get<std::string>().size(), 40u);
  auto chosen = Json(client_.Post("/_mock/projects", R"({"apiKey": 7654321, "apiSecret": "s3cret"})", kJsonType));
  EXPECT_EQ(chosen, (nlohmann::json{{"apiKey", "7654321"}, {"apiSecret", "s3cret"}}));
  // The new project authenticates.
  auto token = MakeJwt(RestClaims("7654321", server_.service().WallMs() / 1000), "s3cret");
  EXPECT_EQ(client_.Get("/v2/project/7654321/archive", {{"X-OPENTOK-AUTH", token}})->status, 200);
  ExpectError(client_.Post("/_mock/projects", R"({"apiKey": "7654321"})", kJsonType), 409, "already exists");
  ExpectError(client_.Post("/_mock/projects", R"({"apiKey": "abc"})", kJsonType), 400, "apiKey");
  ExpectError(client_.Post("/_mock/projects", R"({"apiKey": true})", kJsonType), 400, "apiKey");
  ExpectError(client_.Post("/_mock/projects", R"({"apiSecret": 5})", kJsonType), 400, "apiSecret");
  ExpectError(client_.Post("/_mock/projects", R"({"apikey": "1"})", kJsonType), 400, "unknown field 'apikey'");
  ExpectError(client_.Post("/_mock/projects", R"([1,2])", kJsonType), 400, "JSON object");
}

TEST_F(ControlTest, ArchiveStorageMakesArchivesUploaded) {
  auto path = "/_mock/projects/" + key() + "/archive-storage";
  EXPECT_TRUE(Json(client_.Get(path))["archiveStorage"].is_null());
  auto put = client_.Put(path, R"({"type":"s3","config":{"bucket":"b","accessKey":"AK","secretKey":"SK"}})", kJsonType);
  ASSERT_TRUE(put);
  EXPECT_EQ(put->status, 200);
  EXPECT_EQ(put->body.find("SK"), std::string::npos);  // the secret is not shown back
  EXPECT_EQ(Json(client_.Get(path))["archiveStorage"]["config"]["bucket"], "b");
  ExpectError(client_.Put(path, R"({"type":"ftp"})", kJsonType), 400, "type");
  ExpectError(client_.Put(path, "{", kJsonType), 400, "JSON");
  ExpectError(client_.Put("/_mock/projects/99999999/archive-storage", R"({"type":"s3"})", kJsonType), 404, "project");

  auto session = CreateSession();
  Publish(session, Connect(session));
  auto id = Json(StartArchive({{"sessionId", session}}))["id"].get<std::string>();
  client_.Post(Project() + "/archive/" + id + "/stop", Auth(), "", kJsonType);
  AdvanceSeconds(5);
  auto uploaded = Json(client_.Get(Project() + "/archive/" + id, Auth()));
  EXPECT_EQ(uploaded["status"], "uploaded");
  EXPECT_TRUE(uploaded["url"].is_null());

  auto removed = client_.Delete(path);
  ASSERT_TRUE(removed);
  EXPECT_EQ(removed->status, 204);
  EXPECT_TRUE(Json(client_.Get(path))["archiveStorage"].is_null());
}

TEST_F(ControlTest, RestTokenHelperMintsAUsableAuthHeader) {
  auto json = Json(client_.Get("/_mock/projects/" + key() + "/rest-token"));
  EXPECT_EQ(json["header"], "X-OPENTOK-AUTH");
  auto text = client_.Get("/_mock/projects/" + key() + "/rest-token", {{"Accept", "text/plain"}});
  ASSERT_TRUE(text);
  EXPECT_EQ(text->get_header_value("Content-Type"), "text/plain");
  for (auto const& token : {json["token"].get<std::string>(), text->body}) {
    auto res = client_.Get(Project() + "/archive", {{"X-OPENTOK-AUTH", token}});
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
  }
  ExpectError(client_.Get("/_mock/projects/99999999/rest-token"), 404, "project");
}

TEST_F(ControlTest, Clock) {
  auto now = Json(client_.Get("/_mock/clock"));
  EXPECT_EQ(now["frozen"], true);
  auto start = now["now"].get<std::int64_t>();
  auto advanced = AdvanceSeconds(1.5);
  EXPECT_EQ(advanced["now"].get<std::int64_t>(), start + 1500);
  ExpectError(client_.Post("/_mock/clock/advance", R"({"seconds": -1})", kJsonType), 400, "seconds");
  ExpectError(client_.Post("/_mock/clock/advance", R"({"seconds": "10"})", kJsonType), 400, "number");
  ExpectError(client_.Post("/_mock/clock/advance", R"({})", kJsonType), 400, "seconds");
  ExpectError(client_.Post("/_mock/clock/advance", R"({"seconds": 1, "ms": 5})", kJsonType), 400, "unknown field");
  ExpectError(client_.Post("/_mock/clock/advance", "", kJsonType), 400, "empty");
  auto unfrozen = Json(client_.Post("/_mock/clock/unfreeze", "", kJsonType));
  EXPECT_EQ(unfrozen["frozen"], false);
  EXPECT_GE(unfrozen["now"].get<std::int64_t>(), start + 1500);
  auto frozen = Json(client_.Post("/_mock/clock/freeze", "", kJsonType));
  EXPECT_EQ(frozen["frozen"], true);
  EXPECT_EQ(Json(client_.Get("/_mock/clock"))["now"], frozen["now"]);
}

TEST_F(ControlTest, ClientsConnectPublishAndLeave) {
  auto session = CreateSession();
  auto path = "/_mock/sessions/" + session;
  auto connect = client_.Post(path + "/connections",
                              nlohmann::json{{"token", ClientToken(session, "moderator")}}.dump(), kJsonType);
  ASSERT_TRUE(connect);
  EXPECT_EQ(connect->status, 201);
  auto connection = Json(connect);
  EXPECT_EQ(connection["role"], "moderator");
  EXPECT_EQ(connection["data"], "");
  auto connection_id = connection["connectionId"].get<std::string>();

  // A T1 token as the .NET SDK makes it.
  auto now_s = server_.service().NowMs() / 1000;
  auto t1 = MakeT1(key(), secret(),
                   "session_id=" + session + "&create_time=" + std::to_string(now_s) +
                       "&nonce=1&role=subscriber&connection_data=name%3Dbob");
  auto subscriber = Json(client_.Post(path + "/connections", nlohmann::json{{"token", t1}}.dump(), kJsonType));
  EXPECT_EQ(subscriber["role"], "subscriber");
  EXPECT_EQ(subscriber["data"], "name=bob");
  EXPECT_EQ(subscriber["tokenFormat"], "t1");

  auto publish = client_.Post(path + "/connections/" + connection_id + "/streams",
                              R"({"name":"cam","videoType":"screen","hasAudio":false})", kJsonType);
  ASSERT_TRUE(publish);
  EXPECT_EQ(publish->status, 201);
  auto stream_id = Json(publish)["streamId"].get<std::string>();
  ExpectError(client_.Post(path + "/connections/" + subscriber["connectionId"].get<std::string>() + "/streams", "{}",
                           kJsonType),
              403, "subscriber");
  ExpectError(client_.Post(path + "/connections/" + connection_id + "/streams", R"({"videoType":"tv"})", kJsonType),
              400, "videoType");
  ExpectError(client_.Post(path + "/connections/nope/streams", "{}", kJsonType), 404, "connection");

  auto snapshot = Json(client_.Get(path));
  EXPECT_EQ(snapshot["connections"].size(), 2u);
  EXPECT_EQ(snapshot["streams"][0]["videoType"], "screen");
  EXPECT_EQ(snapshot["streams"][0]["hasAudio"], false);

  auto unpublish = client_.Delete(path + "/streams/" + stream_id);
  ASSERT_TRUE(unpublish);
  EXPECT_EQ(unpublish->status, 204);
  ExpectError(client_.Delete(path + "/streams/" + stream_id), 404, "stream");
  auto disconnect = client_.Delete(path + "/connections/" + connection_id);
  ASSERT_TRUE(disconnect);
  EXPECT_EQ(disconnect->status, 204);
  ExpectError(client_.Delete(path + "/connections/" + connection_id), 404, "connection");
  ExpectError(client_.Get("/_mock/sessions/unknown"), 404, "session");
}

TEST_F(ControlTest, BadClientTokensAre403WithAReason) {
  auto session = CreateSession();
  auto path = "/_mock/sessions/" + session + "/connections";
  auto connect = [&](std::string const& token) {
    return client_.Post(path, nlohmann::json{{"token", token}}.dump(), kJsonType);
  };
  ExpectError(connect(MakeJwt(ClientClaims(key(), session, "publisher", 1), secret())), 403, "expired");
  ExpectError(connect(ClientToken(CreateSession())), 403, "another session");
  ExpectError(connect(MakeJwt(ClientClaims(key(), session, "publisher", server_.service().NowMs() / 1000), "bad")),
              403, "signature");
  ExpectError(connect(ClientToken(session, "owner")), 403, "role");
  ExpectError(connect("T1==garbage!"), 403, "base64");
  ExpectError(client_.Post("/_mock/sessions/unknown/connections",
                           nlohmann::json{{"token", ClientToken(session)}}.dump(), kJsonType),
              404, "session");
  ExpectError(client_.Post(path, "{}", kJsonType), 400, "token");
  ExpectError(client_.Post(path, R"({"token": 5})", kJsonType), 400, "string");
  ExpectError(client_.Post(path, R"({"token": "x", "role": "publisher"})", kJsonType), 400, "unknown field");
}

TEST_F(ControlTest, JournalRecordsRestRequestsRedactedAndClears) {
  auto session = CreateSession();
  client_.Get(Project() + "/archive?sessionId=" + session + "&token=abc&count=5", Auth());
  auto items = Json(client_.Get("/_mock/requests"))["items"];
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0]["operation"], "session.create");
  EXPECT_EQ(items[0]["method"], "POST");
  EXPECT_EQ(items[0]["status"], 200);
  EXPECT_EQ(items[0]["auth"], "ok");
  EXPECT_EQ(items[0]["apiKey"], key());
  EXPECT_EQ(items[1]["operation"], "archive.list");
  EXPECT_EQ(items[1]["query"], "sessionId=" + session + "&token=[redacted]&count=5");
  EXPECT_EQ(items[1]["sequence"].get<int>(), items[0]["sequence"].get<int>() + 1);
  auto cleared = client_.Delete("/_mock/requests");
  ASSERT_TRUE(cleared);
  EXPECT_EQ(cleared->status, 204);
  EXPECT_EQ(Json(client_.Get("/_mock/requests"))["items"].size(), 0u);
}

TEST_F(ControlTest, FailArchive) {
  auto session = CreateSession();
  Connect(session);
  auto id = Json(StartArchive({{"sessionId", session}}))["id"].get<std::string>();
  auto failed = client_.Post("/_mock/archives/" + id + "/fail", R"({"reason":"disk full"})", kJsonType);
  ASSERT_TRUE(failed);
  EXPECT_EQ(failed->status, 200);
  EXPECT_EQ(Json(failed)["status"], "failed");
  EXPECT_EQ(Json(failed)["reason"], "disk full");
  ExpectError(client_.Post("/_mock/archives/" + id + "/fail", "", kJsonType), 409, "");
  ExpectError(client_.Post("/_mock/archives/unknown/fail", "", kJsonType), 404, "archive");
}

// The three-line helper an application's own tests use.
class HelperFixtureTest : public MockServerTest {};

TEST_F(HelperFixtureTest, GivesARunningMockWithAProject) {
  httplib::Client client(mock_url());
  SetTimeouts(client);
  auto res = client.Get("/_mock/health");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(api_key().size(), 8u);
  EXPECT_EQ(api_secret().size(), 40u);
  auto before = mock().NowMs();
  AdvanceClock(std::chrono::seconds(3));
  EXPECT_GE(mock().NowMs(), before + 3000);
}

}  // namespace
}  // namespace opentok_mock::testing
