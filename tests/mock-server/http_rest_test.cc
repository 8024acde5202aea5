// The REST surface over HTTP: every route, status code, content type and error body.

#include "http_fixture.h"
#include "opentok_common/session_id.h"

namespace opentok_mock::testing {
namespace {

using RestTest = HttpTest;

constexpr char kForm[] = "application/x-www-form-urlencoded";

// No std::regex here: GCC 12 warns inside <regex> under ASan (-Wmaybe-uninitialized).
bool IsLowercaseUuid(std::string const& id) {
  if (id.size() != 36 || id[14] != '4' || std::string("89ab").find(id[19]) == std::string::npos) return false;
  for (std::size_t i = 0; i < id.size(); ++i) {
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash != (id[i] == '-')) return false;
    if (!dash && std::string("0123456789abcdef").find(id[i]) == std::string::npos) return false;
  }
  return true;
}

std::string Between(std::string const& text, std::string const& open, std::string const& close) {
  auto start = text.find(open);
  if (start == std::string::npos) return {};
  start += open.size();
  auto end = text.find(close, start);
  return end == std::string::npos ? std::string() : text.substr(start, end - start);
}

TEST_F(RestTest, SessionCreateAnswersJsonWhenAskedWithExactContentType) {
  auto res = client_.Post("/session/create", WithAccept(Auth()), "p2p.preference=disabled&archiveMode=manual", kForm);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json");
  auto body = Json(res);
  ASSERT_TRUE(body.is_array());
  ASSERT_EQ(body.size(), 1u);
  auto session_id = body[0]["session_id"].get<std::string>();
  EXPECT_EQ(body[0]["project_id"], key());
  EXPECT_EQ(body[0]["partner_id"], key());
  EXPECT_TRUE(body[0]["create_dt"].is_string());
  EXPECT_TRUE(opentok::common::IsPortableSessionId(session_id));
  EXPECT_EQ(opentok::common::DecodeSessionId(session_id)->project_id, key());
  auto snapshot = Json(client_.Get("/_mock/sessions/" + session_id));
  EXPECT_EQ(snapshot["mediaMode"], "routed");
  EXPECT_EQ(snapshot["archiveMode"], "manual");
}

TEST_F(RestTest, SessionCreateAnswersXmlOtherwise) {
  for (auto accept : {"", "*/*", "text/xml"}) {
    auto headers = Auth();
    if (*accept != '\0') headers.emplace("Accept", accept);
    auto res = client_.Post("/session/create/", headers, "p2p.preference=enabled", kForm);  // trailing slash too
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
    EXPECT_EQ(res->get_header_value("Content-Type"), "text/xml");
    auto session_id = Between(res->body, "<session_id>", "</session_id>");
    ASSERT_FALSE(session_id.empty()) << res->body;
    EXPECT_EQ(res->body.rfind(R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sessions><Session>)", 0), 0u);
    EXPECT_EQ(Between(res->body, "<partner_id>", "</partner_id>"), key());
    EXPECT_EQ(Json(client_.Get("/_mock/sessions/" + session_id))["mediaMode"], "relayed");
  }
}

TEST_F(RestTest, SessionCreateToleratesEverySdksFormVariants) {
  auto mode = [&](std::string const& form) {
    auto res = client_.Post("/session/create", WithAccept(Auth()), form, kForm);
    if (!res || res->status != 200) return std::string("error ") + (res ? res->body : "");
    auto id = Json(res)[0]["session_id"].get<std::string>();
    auto snapshot = Json(client_.Get("/_mock/sessions/" + id));
    return snapshot["mediaMode"].get<std::string>() + "/" + snapshot["archiveMode"].get<std::string>() + "/" +
           snapshot["location"].get<std::string>() + "/" + (snapshot["e2ee"].get<bool>() ? "e2ee" : "-");
  };
  EXPECT_EQ(mode(""), "relayed/manual//-");
  EXPECT_EQ(mode("location=&p2p.preference=enabled"), "relayed/manual//-");           // .NET
  EXPECT_EQ(mode("location=null&p2p.preference=disabled"), "routed/manual//-");       // vn-node
  EXPECT_EQ(mode("p2p.preference=always"), "relayed/manual//-");                      // vn-py
  EXPECT_EQ(mode("p2p.preference=disabled&e2ee=True"), "routed/manual//e2ee");        // .NET casing
  EXPECT_EQ(mode("archiveMode=always&archiveName=foo&archiveResolution=720x1280&p2p.preference=disabled"),
            "routed/always//-");                                                      // ruby cassette
  EXPECT_EQ(mode("p2p.preference=disabled&location=10.0.0.1&api_key=1&anything=else"), "routed/manual/10.0.0.1/-");
  ExpectError(client_.Post("/session/create", Auth(), "p2p.preference=maybe", kForm), 400, "p2p.preference");
  ExpectError(client_.Post("/session/create", Auth(), "archiveMode=sometimes", kForm), 400, "archiveMode");
  ExpectError(client_.Post("/session/create", Auth(), "e2ee=yes", kForm), 400, "e2ee");
  ExpectError(client_.Post("/session/create", Auth(), "location=example.com", kForm), 400, "location");
  ExpectError(client_.Post("/session/create", Auth(), "archiveMode=always", kForm), 400, "routed");
  ExpectError(client_.Post("/session/create", Auth(), "location=%zz", kForm), 400, "percent");
}

TEST_F(RestTest, AuthFailuresAre403WithTheServicesMessage) {
  auto path = Project() + "/archive";
  ExpectError(client_.Get(path), 403, "No suitable authentication found", -1);
  ExpectError(client_.Get(path, {{"X-OPENTOK-AUTH", "not-a-jwt"}}), 403, "Invalid token format");
  auto now = server_.service().WallMs() / 1000;
  ExpectError(client_.Get(path, {{"X-OPENTOK-AUTH", MakeJwt(RestClaims(key(), now), "wrong")}}), 403,
              "Invalid signature");
  ExpectError(client_.Get(path, {{"X-OPENTOK-AUTH", MakeJwt(RestClaims(key(), now - 3600), secret())}}), 403,
              "Token expired");
  ExpectError(client_.Get(path, {{"X-OPENTOK-AUTH", MakeJwt(RestClaims(key(), now + 3600), secret())}}), 403,
              "issued time cannot be greater than current time");
  // Unknown project: in the token and in the path.
  ExpectError(client_.Get("/v2/project/99999999/archive", {{"X-OPENTOK-AUTH", MakeJwt(RestClaims("99999999", now), "x")}}),
              403, "Issuer not found");
  ExpectError(client_.Post("/session/create", {{"X-OPENTOK-AUTH", MakeJwt(RestClaims("99999999", now), "x")}}, "", kForm),
              403, "Issuer not found");
  // A valid token of another project.
  auto other = Json(client_.Post("/_mock/projects", "{}", "application/json"));
  auto foreign = MakeJwt(RestClaims(other["apiKey"].get<std::string>(), now), other["apiSecret"].get<std::string>());
  ExpectError(client_.Get(path, {{"X-OPENTOK-AUTH", foreign}}), 403, "does not match");
  // Every rejection is journaled with its verdict, and no token appears in the journal.
  auto journal = client_.Get("/_mock/requests");
  auto items = Json(journal)["items"];
  ASSERT_GE(items.size(), 7u);
  for (auto const& item : items) EXPECT_EQ(item["auth"], "rejected") << item.dump();
  EXPECT_EQ(journal->body.find(foreign), std::string::npos);
  EXPECT_EQ(journal->body.find(secret()), std::string::npos);
  // The legacy partner header works.
  auto legacy = client_.Get(path, {{"X-TB-PARTNER-AUTH", key() + ":" + secret()}});
  ASSERT_TRUE(legacy);
  EXPECT_EQ(legacy->status, 200);
}

TEST_F(RestTest, ArchiveLifecycleOverHttp) {
  auto session = CreateSession();
  auto connection = Connect(session);
  Publish(session, connection);
  auto started = StartArchive({{"sessionId", session}, {"name", "demo"}});
  ASSERT_TRUE(started);
  ASSERT_EQ(started->status, 200) << started->body;
  EXPECT_EQ(started->get_header_value("Content-Type"), "application/json");
  auto archive = Json(started);
  auto id = archive["id"].get<std::string>();
  EXPECT_TRUE(IsLowercaseUuid(id)) << id;
  EXPECT_EQ(archive["status"], "started");
  EXPECT_EQ(archive["name"], "demo");
  EXPECT_EQ(archive["reason"], "");
  EXPECT_EQ(archive["sessionId"], session);
  EXPECT_TRUE(archive["partnerId"].is_number_integer());
  EXPECT_EQ(archive["partnerId"].get<std::int64_t>(), std::stoll(key()));
  EXPECT_EQ(archive["projectId"], archive["partnerId"]);
  EXPECT_FALSE(archive.contains("applicationId"));  // only for a Vonage application's archives
  EXPECT_EQ(archive["createdAt"].get<std::int64_t>(), server_.service().NowMs());
  EXPECT_EQ(archive["size"], 0);
  EXPECT_EQ(archive["duration"], 0);
  EXPECT_EQ(archive["outputMode"], "composed");
  EXPECT_EQ(archive["streamMode"], "auto");
  EXPECT_EQ(archive["resolution"], "640x480");
  EXPECT_EQ(archive["hasAudio"], true);
  EXPECT_EQ(archive["hasVideo"], true);
  EXPECT_TRUE(archive["url"].is_null());
  EXPECT_EQ(archive["password"], "");
  EXPECT_EQ(archive["event"], "archive");
  for (auto const& [field, value] : archive.items()) {
    if (field != "url") {
      EXPECT_FALSE(value.is_null()) << field;
    }
  }

  AdvanceSeconds(42);
  auto stopped = client_.Post(Project() + "/archive/" + id + "/stop", Auth(), "", "application/json");
  ASSERT_TRUE(stopped);
  EXPECT_EQ(stopped->status, 200);
  EXPECT_EQ(Json(stopped)["status"], "stopped");
  EXPECT_EQ(Json(stopped)["reason"], "user initiated");
  EXPECT_EQ(Json(stopped)["duration"], 42);
  ExpectError(client_.Post(Project() + "/archive/" + id + "/stop", Auth(), "{}", "application/json"), 409,
              "not recording", 15002);
  ExpectError(client_.Delete(Project() + "/archive/" + id, Auth()), 409, "available OR uploaded", 15004);

  AdvanceSeconds(5);
  auto got = client_.Get(Project() + "/archive/" + id + "/", Auth());  // trailing slash
  ASSERT_TRUE(got);
  EXPECT_EQ(got->status, 200);
  auto available = Json(got);
  EXPECT_EQ(available["status"], "available");
  EXPECT_GT(available["size"].get<std::int64_t>(), 0);
  auto url = available["url"].get<std::string>();
  EXPECT_EQ(url.rfind(server_.url() + "/_mock/archives/" + id + "/download", 0), 0u) << url;
  auto download = client_.Get(url.substr(server_.url().size()));
  ASSERT_TRUE(download);
  EXPECT_EQ(download->status, 200);
  EXPECT_EQ(download->get_header_value("Content-Type"), "video/mp4");

  auto deleted = client_.Delete(Project() + "/archive/" + id, Auth());
  ASSERT_TRUE(deleted);
  EXPECT_EQ(deleted->status, 204);
  EXPECT_TRUE(deleted->body.empty());
  EXPECT_EQ(Json(client_.Get(Project() + "/archive", Auth()))["count"], 0);
  EXPECT_EQ(Json(client_.Get(Project() + "/archive/" + id, Auth()))["status"], "deleted");
  ExpectError(client_.Get(url.substr(server_.url().size())), 404);
  ExpectError(client_.Get(Project() + "/archive/00000000-0000-4000-8000-000000000000", Auth()), 404,
              "invalid archive ID", -1);
  ExpectError(client_.Post(Project() + "/archive/00000000-0000-4000-8000-000000000000/stop", Auth(), "", "text/plain"),
              404, "invalid archive ID");
  ExpectError(client_.Delete(Project() + "/archive/00000000-0000-4000-8000-000000000000", Auth()), 404);
}

TEST_F(RestTest, ArchiveListQueryVariants) {
  auto session = CreateSession();
  Connect(session);
  std::vector<std::string> ids;
  for (int i = 0; i < 3; ++i) {
    auto tag = "t" + std::to_string(i);
    ids.push_back(Json(StartArchive({{"sessionId", session}, {"multiArchiveTag", tag}}))["id"].get<std::string>());
    AdvanceSeconds(1);
  }
  auto other = CreateSession();
  Connect(other);
  StartArchive({{"sessionId", other}});
  auto list = [&](std::string const& query) {
    auto res = client_.Get(Project() + "/archive" + query, Auth());
    EXPECT_TRUE(res && res->status == 200) << (res ? res->body : "no response");
    return Json(res);
  };
  auto all = list("");
  EXPECT_EQ(all["count"], 4);
  EXPECT_EQ(all["items"][1]["id"], ids[2]);  // newest first
  EXPECT_EQ(list("/")["count"], 4);
  EXPECT_EQ(list("?offset=0")["count"], 4);                                       // .NET
  EXPECT_EQ(list("?offset=1&&sessionId=" + session)["items"][0]["id"], ids[1]);  // Java's '&&'
  EXPECT_EQ(list("?count=1")["items"].size(), 1u);
  EXPECT_EQ(list("?count=&offset=&sessionId=")["items"].size(), 4u);
  EXPECT_EQ(list("?sessionId=" + session)["count"], 3);
  EXPECT_EQ(Json(client_.Get("/v2/partner/" + key() + "/archive", Auth()))["count"], 4);  // legacy prefix
  ExpectError(client_.Get(Project() + "/archive?count=1001", Auth()), 400, "count");
  ExpectError(client_.Get(Project() + "/archive?count=-1", Auth()), 400, "count");
  ExpectError(client_.Get(Project() + "/archive?offset=abc", Auth()), 400, "offset");
  ExpectError(client_.Get(Project() + "/archive?sessionId=%zz", Auth()), 400, "percent");
}

// Archive bodies are written as text (not through nlohmann): they must be exactly what
// nlohmann::json::dump gives for the same object, whatever the optional fields and however
// the strings need escaping.
TEST_F(RestTest, ArchiveBodiesAreCanonicalJson) {
  auto session = CreateSession();
  auto connection = Connect(session);
  Publish(session, connection);
  std::vector<nlohmann::json> bodies = {
      {{"sessionId", session}, {"name", "quote \" backslash \\ tab \t bell \u0007 \u00e9t\u00e9 \U0001F600"}},
      {{"sessionId", session}, {"multiArchiveTag", "m"}, {"streamMode", "manual"}, {"maxBitrate", 200000},
       {"hasTranscription", true}, {"resolution", "1280x720"}},
      {{"sessionId", session}, {"multiArchiveTag", "i"}, {"outputMode", "individual"}, {"quantizationParameter", nullptr}},
  };
  std::vector<std::string> ids;
  for (auto const& body : bodies) {
    auto res = StartArchive(body);
    ASSERT_TRUE(res && res->status == 200) << (res ? res->body : "no response");
    EXPECT_EQ(res->body, nlohmann::json::parse(res->body).dump());
    ids.push_back(Json(res)["id"].get<std::string>());
  }
  auto manual = Json(client_.Get(Project() + "/archive/" + ids[1], Auth()));
  ASSERT_TRUE(manual.contains("streams")) << manual.dump();
  EXPECT_EQ(manual["maxBitrate"], 200000);
  EXPECT_EQ(manual["hasTranscription"], true);
  EXPECT_EQ(manual["multiArchiveTag"], "m");
  EXPECT_EQ(Json(client_.Get(Project() + "/archive/" + ids[0], Auth()))["name"], bodies[0]["name"]);
  for (auto const& id : ids) client_.Post(Project() + "/archive/" + id + "/stop", Auth(), "", "application/json");
  AdvanceSeconds(60);  // available: url and sha256sum set
  auto list = client_.Get(Project() + "/archive", Auth());
  ASSERT_TRUE(list && list->status == 200);
  EXPECT_EQ(list->body, nlohmann::json::parse(list->body).dump());
  EXPECT_EQ(Json(list)["items"].size(), 3u);
  EXPECT_TRUE(Json(list)["items"][0]["url"].is_string());
}

TEST_F(RestTest, ArchiveStartErrors) {
  auto routed = CreateSession();
  auto relayed = CreateSession("p2p.preference=enabled");
  ExpectError(StartArchive({{"sessionId", routed}}), 400, "No clients are actively connected");
  Connect(relayed);
  ExpectError(StartArchive({{"sessionId", relayed}}), 409, "Only routed sessions", 15008);
  ExpectError(StartArchive({{"sessionId", opentok::common::EncodeSessionId({key(), "", "1", "x"})}}), 404, "session");
  ExpectError(StartArchive({{"sessionId", "garbage"}}), 400, "sessionId");
  ExpectError(StartArchive(nlohmann::json::object()), 400, "sessionId");
  Connect(routed);
  ExpectError(StartArchive({{"sessionId", routed}, {"hasAudio", false}, {"hasVideo", false}}), 400, "audio");
  ExpectError(StartArchive({{"sessionId", routed}, {"outputMode", "individual"}, {"resolution", "1280x720"}}), 400,
              "individual");
  ExpectError(StartArchive({{"sessionId", routed}, {"resolution", "1x1"}}), 400, "resolution");
  ExpectError(StartArchive({{"sessionId", routed}, {"outputMode", "mixed"}}), 400, "outputMode");
  ExpectError(StartArchive({{"sessionId", routed}, {"streamMode", "sometimes"}}), 400, "streamMode");
  ExpectError(StartArchive({{"sessionId", routed}, {"layout", {{"type", "custom"}}}}), 400, "stylesheet");
  ExpectError(StartArchive({{"sessionId", routed}, {"layout", {{"type", "pip"}, {"screenshareType", "pip"}}}}), 400,
              "screenshareType");
  ExpectError(StartArchive({{"sessionId", routed}, {"maxBitrate", 10}}), 400, "maxBitrate");
  // Python sends every key, null when unset; .NET spells screensharetype in lower case.
  auto python = StartArchive({{"sessionId", routed}, {"name", nullptr}, {"hasAudio", true}, {"hasVideo", true},
                              {"outputMode", "composed"}, {"resolution", nullptr}, {"multiArchiveTag", nullptr},
                              {"maxBitrate", nullptr}, {"layout", {{"type", "bestFit"}, {"screensharetype", "pip"}}},
                              {"streamMode", "manual"}});
  ASSERT_TRUE(python);
  ASSERT_EQ(python->status, 200) << python->body;
  EXPECT_EQ(Json(python)["streams"], nlohmann::json::array());  // manual stream mode, recording
  ExpectError(StartArchive({{"sessionId", routed}}), 409, "already being recorded", 15001);
  auto individual = StartArchive({{"sessionId", routed}, {"outputMode", "individual"}, {"multiArchiveTag", "i"},
                                  {"hasVideo", false}});
  ASSERT_EQ(individual->status, 200);
  EXPECT_FALSE(Json(individual).contains("resolution"));
}

TEST_F(RestTest, StreamsAreReadableWithTheNodeSdkQuirk) {
  auto session = CreateSession();
  auto streams = Project() + "/session/" + session + "/stream";
  ExpectError(client_.Get(streams, Auth()), 404, "session");  // nobody connected yet
  auto connection = Connect(session);
  auto stream_id = Publish(session, connection);
  auto list = client_.Get(streams + "/", Auth());
  ASSERT_TRUE(list);
  EXPECT_EQ(list->status, 200);
  EXPECT_EQ(Json(list)["count"], 1);
  EXPECT_EQ(Json(list)["items"][0]["id"], stream_id);
  EXPECT_EQ(Json(list)["items"][0]["videoType"], "camera");
  EXPECT_EQ(Json(list)["items"][0]["layoutClassList"], nlohmann::json::array());

  auto one = client_.Get(streams + "/" + stream_id, Auth());
  ASSERT_TRUE(one);
  EXPECT_EQ(one->status, 200);
  EXPECT_EQ(one->get_header_value("Content-Type"), "application/json");
  EXPECT_EQ(Json(one)["id"], stream_id);
  auto node_headers = Auth();
  node_headers.emplace("User-Agent", "OpenTok-Node-SDK/2.23.2");
  auto node = client_.Get(streams + "/" + stream_id + "/", node_headers);
  ASSERT_TRUE(node);
  EXPECT_EQ(node->status, 200);
  EXPECT_EQ(node->get_header_value("Content-Type"), "text/plain");
  EXPECT_EQ(Json(node)["id"], stream_id);
  ExpectError(client_.Get(streams + "/not-a-stream", Auth()), 404, "stream");
}

TEST_F(RestTest, UnknownRoutesAre404JsonAndJournaled) {
  ExpectError(client_.Get("/v2/project/" + key() + "/no-such-family", Auth()), 404, "does not exist");
  ExpectError(client_.Put(Project() + "/archive", Auth(), "{}", "application/json"), 404);
  auto items = Json(client_.Get("/_mock/requests"))["items"];
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0]["operation"], "unmatched");
  EXPECT_EQ(items[0]["path"], "/v2/project/" + key() + "/no-such-family");
}

}  // namespace
}  // namespace opentok_mock::testing
