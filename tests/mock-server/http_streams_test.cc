// Over HTTP: archive layout and stream selection, stream class lists (including the PHP
// SDK's single-stream route), and the REST route table itself (every row answers under both
// prefixes, with and without a trailing slash, journaled with the row's operation name).

#include <set>

#include "http_fixture.h"
#include "opentok_common/session_id.h"
#include "rest_call.h"

namespace opentok_mock::testing {
namespace {

class StreamsHttpTest : public HttpTest {
 protected:
  void SetUp() override {
    session_ = CreateSession();
    connection_ = Connect(session_);
    stream_ = Publish(session_, connection_);
  }

  std::string StartArchiveOk(nlohmann::json body) {
    body["sessionId"] = session_;
    auto res = StartArchive(body);
    if (!res || res->status != 200) throw std::runtime_error("archive start failed: " + (res ? res->body : ""));
    return Json(res)["id"].get<std::string>();
  }

  httplib::Result Put(std::string const& path, std::string const& body) {
    return client_.Put(Project() + path, Auth(), body, "application/json");
  }
  httplib::Result Patch(std::string const& path, nlohmann::json const& body) {
    return client_.Patch(Project() + path, Auth(), body.dump(), "application/json");
  }
  nlohmann::json Archive(std::string const& id) { return Json(client_.Get(Project() + "/archive/" + id, Auth())); }

  std::string session_;
  std::string connection_;
  std::string stream_;
};

TEST_F(StreamsHttpTest, ArchiveLayoutRoutes) {
  auto id = StartArchiveOk({});
  EXPECT_EQ(Archive(id)["layout"], (nlohmann::json{{"type", "bestFit"}}));  // a mock extension
  auto path = "/archive/" + id + "/layout";
  // .NET: screensharetype and "stylesheet": null.
  auto res = Put(path, R"({"type":"bestFit","screensharetype":"horizontalPresentation","stylesheet":null})");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json");
  EXPECT_EQ(res->body, nlohmann::json::parse(res->body).dump());
  EXPECT_EQ(Json(res)["id"], id);  // the full archive
  EXPECT_EQ(Json(res)["layout"], (nlohmann::json{{"screenshareType", "horizontalPresentation"}, {"type", "bestFit"}}));
  auto got = client_.Get(Project() + path + "/", Auth());
  ASSERT_TRUE(got);
  EXPECT_EQ(got->status, 200);
  EXPECT_EQ(Json(got), (nlohmann::json{{"screenshareType", "horizontalPresentation"}, {"type", "bestFit"}}));
  for (auto const* bad : {R"({"type":"grid"})", R"({"type":"custom"})", R"({"type":"pip","stylesheet":"x"})", "{}",
                          R"({"type":"bestFit","screenshareType":"custom"})", "not json"}) {
    SCOPED_TRACE(bad);
    ExpectError(Put(path, bad), 400);
  }
  EXPECT_EQ(Archive(id)["layout"]["screenshareType"], "horizontalPresentation");  // unchanged
  ExpectError(Put("/archive/00000000-0000-4000-8000-000000000000/layout", R"({"type":"pip"})"), 404, "archive");
  auto individual = StartArchiveOk({{"outputMode", "individual"}, {"multiArchiveTag", "i"}});
  ExpectError(Put("/archive/" + individual + "/layout", R"({"type":"pip"})"), 400, "composed archives only");
  EXPECT_FALSE(Archive(individual).contains("layout"));
  client_.Post(Project() + "/archive/" + id + "/stop", Auth(), "", "application/json");
  ExpectError(Put(path, R"({"type":"pip"})"), 409);
}

TEST_F(StreamsHttpTest, ArchiveStreamRoutes) {
  auto id = StartArchiveOk({{"streamMode", "manual"}});
  auto path = "/archive/" + id + "/streams";
  auto added = Patch(path, {{"addStream", stream_}, {"hasAudio", true}, {"hasVideo", false}});
  ASSERT_TRUE(added);
  EXPECT_EQ(added->status, 204);
  EXPECT_TRUE(added->body.empty());
  EXPECT_EQ(Archive(id)["streams"], (nlohmann::json::array({{{"hasAudio", true}, {"hasVideo", false}, {"streamId", stream_}}})));
  EXPECT_EQ(Patch(path + "/", {{"addStream", stream_}})->status, 204);  // Ruby: only addStream, defaults true
  EXPECT_EQ(Archive(id)["streams"][0]["hasVideo"], true);
  EXPECT_EQ(Patch(path, {{"removeStream", stream_}})->status, 204);
  EXPECT_EQ(Archive(id)["streams"], nlohmann::json::array());
  ExpectError(Patch(path, {{"removeStream", stream_}}), 404);
  ExpectError(Patch(path, {{"addStream", "00000000-0000-4000-8000-000000000000"}}), 404);
  ExpectError(Patch(path, nlohmann::json::object()), 400, "addStream or removeStream");
  ExpectError(Patch(path, {{"addStream", stream_}, {"removeStream", stream_}}), 400, "not both");
  ExpectError(Patch("/archive/00000000-0000-4000-8000-000000000000/streams", {{"addStream", stream_}}), 404, "archive");
  auto automatic = StartArchiveOk({{"multiArchiveTag", "auto"}});
  ExpectError(Patch("/archive/" + automatic + "/streams", {{"addStream", stream_}}), 405, "manual");
  client_.Post(Project() + "/archive/" + id + "/stop", Auth(), "", "application/json");
  ExpectError(Patch(path, {{"addStream", stream_}}), 409);
  auto journal = Json(client_.Get("/_mock/requests"))["items"];
  EXPECT_EQ(journal.back()["operation"], "archive.streams");
}

TEST_F(StreamsHttpTest, ClassListRoutes) {
  auto second = Publish(session_, connection_);
  auto path = "/session/" + session_ + "/stream";
  auto res = Put(path, nlohmann::json{{"items", {{{"id", stream_}, {"layoutClassList", {"full", "focus"}}},
                                                 {{"id", second}, {"layoutClassList", nlohmann::json::array()}}}}}
                           .dump());
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << res->body;
  auto list = Json(client_.Get(Project() + path, Auth()));
  // The answer is the updated streams, in the order asked.
  auto answer = Json(res);
  EXPECT_EQ(answer["count"], 2);
  EXPECT_EQ(answer["items"][0]["id"], stream_);
  EXPECT_EQ(answer["items"][0]["layoutClassList"], (nlohmann::json{"full", "focus"}));
  EXPECT_EQ(answer["items"][1]["id"], second);
  EXPECT_EQ(list["items"][0]["layoutClassList"], (nlohmann::json{"full", "focus"}));
  EXPECT_EQ(Json(client_.Get(Project() + path + "/" + stream_, Auth()))["layoutClassList"], (nlohmann::json{"full", "focus"}));

  struct Case {
    nlohmann::json body;
    char const* message_part;
  };
  std::vector<Case> const cases = {
      {nlohmann::json::object(), "items"},
      {{{"items", "x"}}, "items"},
      {{{"items", nlohmann::json::array()}}, "at least one"},
      {{{"items", {{{"id", stream_}, {"layoutClassList", {"ok"}}}, 5}}}, "items[1]: must be an object"},
      {{{"items", {{{"layoutClassList", {"x"}}}}}}, "items[0]: 'id'"},
      {{{"items", {{{"id", stream_}}}}}, "items[0]: 'layoutClassList' is required"},
      {{{"items", {{{"id", stream_}, {"layoutClassList", "full"}}}}}, "items[0]: 'layoutClassList' must be an array"},
      {{{"items", {{{"id", stream_}, {"layoutClassList", {"ok"}}}, {{"id", second}, {"layoutClassList", {1}}}}}},
       "items[1]: 'layoutClassList' must be an array of strings"},
      {{{"items", {{{"id", stream_}, {"layoutClassList", {"ok"}}}, {{"id", "ghost"}, {"layoutClassList", {"x"}}}}}},
       "items[1]: the stream 'ghost'"},
      {{{"items", {{{"id", stream_}, {"layoutClassList", {"ok"}}, {"extra", true}}}}}, "items[0]: unknown field"},
  };
  for (auto const& c : cases) {
    SCOPED_TRACE(c.body.dump());
    ExpectError(Put(path, c.body.dump()), 400, c.message_part);
  }
  ExpectError(Put(path, "[1,2]"), 400, "object");
  // All or nothing: the first item of every rejected request was not applied.
  EXPECT_EQ(Json(client_.Get(Project() + path, Auth()))["items"][0]["layoutClassList"], (nlohmann::json{"full", "focus"}));
  auto unknown = opentok::common::EncodeSessionId({key(), "", "1", "unknown"});
  ExpectError(Put("/session/" + unknown + "/stream", R"({"items":[{"id":"a","layoutClassList":[]}]})"), 404, "session");

  // The PHP SDK's updateStream.
  auto one = Put(path + "/" + second + "/", R"({"layoutClassList":["solo"]})");
  ASSERT_TRUE(one);
  EXPECT_EQ(one->status, 200) << one->body;
  EXPECT_EQ(Json(client_.Get(Project() + path + "/" + second, Auth()))["layoutClassList"], (nlohmann::json{"solo"}));
  ExpectError(Put(path + "/" + second, R"({"layoutClassList":"solo"})"), 400, "layoutClassList");
  ExpectError(Put(path + "/" + second, R"({})"), 400, "layoutClassList");
  ExpectError(Put(path + "/ghost", R"({"layoutClassList":[]})"), 404, "stream");
  auto journal = Json(client_.Get("/_mock/requests"))["items"];
  EXPECT_EQ(journal.back()["operation"], "stream.class-list");
}

// Every row of the route table: reachable under /v2/project and /v2/partner, with and
// without a trailing slash, and journaled with its own operation name (never "unmatched").
TEST_F(StreamsHttpTest, EveryRouteOfTheTableAnswersUnderEveryPrefixAndSlash) {
  auto routes = http::RestRoutes();
  std::set<std::string> operations;
  for (auto const& route : routes) {
    operations.insert(std::string(route.operation));
    std::string path;
    for (std::size_t i = 0; i < route.path.size(); ++i) {
      if (route.path[i] == '{') {
        path += "placeholder";
        i = route.path.find('}', i);
      } else {
        path += route.path[i];
      }
    }
    std::vector<std::string> targets;
    if (route.project_scoped) {
      for (auto const* prefix : {"/v2/project/", "/v2/partner/"}) targets.push_back(prefix + key() + path);
    } else {
      targets.push_back(path);
    }
    for (auto const& base : targets) {
      for (auto const& target : {base, base + "/"}) {
        SCOPED_TRACE(std::string(route.method) + " " + target);
        ASSERT_EQ(client_.Delete("/_mock/requests")->status, 204);
        httplib::Request req;
        req.method = std::string(route.method);
        req.path = target;
        req.headers = Auth();
        req.body = "{}";
        req.set_header("Content-Type", "application/json");
        auto res = client_.send(req);
        ASSERT_TRUE(res);
        EXPECT_LT(res->status, 500);
        EXPECT_EQ(res->get_header_value("Content-Type").empty(), res->body.empty()) << res->body;
        auto items = Json(client_.Get("/_mock/requests"))["items"];
        ASSERT_EQ(items.size(), 1u);
        EXPECT_EQ(items[0]["operation"], route.operation);
      }
    }
  }
  EXPECT_EQ(operations.size(), routes.size());  // one name per row
  for (auto const* name : {"archive.layout", "archive.layout.get", "archive.streams", "broadcast.start", "broadcast.stop",
                           "broadcast.get", "broadcast.list", "broadcast.layout", "broadcast.layout.get",
                           "broadcast.streams", "stream.list", "stream.get", "stream.class-lists", "stream.class-list"}) {
    EXPECT_TRUE(operations.count(name)) << name;
  }
}

}  // namespace
}  // namespace opentok_mock::testing
