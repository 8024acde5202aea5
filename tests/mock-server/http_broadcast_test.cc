// Broadcasts over HTTP: the mapping of every broadcast route (status, JSON shape, content
// type), the SDKs' spellings, bad input (4xx JSON, no state change) and the control plane.

#include "http_fixture.h"

namespace opentok_mock::testing {
namespace {

class BroadcastHttpTest : public HttpTest {
 protected:
  void SetUp() override {
    session_ = CreateSession();
    connection_ = Connect(session_);
    stream_ = Publish(session_, connection_);
  }

  nlohmann::json StartBody(nlohmann::json extra = nlohmann::json::object()) {
    nlohmann::json body{{"sessionId", session_},
                        {"outputs",
                         {{"hls", nlohmann::json::object()},
                          {"rtmp", {{{"id", "yt"}, {"serverUrl", "rtmp://example.com/live"}, {"streamName", "k"}}}}}}};
    body.update(extra);
    return body;
  }

  httplib::Result Start(nlohmann::json const& body, std::string const& path = "/broadcast") {
    return client_.Post(Project() + path, Auth(), body.dump(), "application/json");
  }

  nlohmann::json StartOk(nlohmann::json const& body) {
    auto res = Start(body);
    if (!res || res->status != 200) throw std::runtime_error("broadcast start failed: " + (res ? res->body : ""));
    return Json(res);
  }

  httplib::Result Patch(std::string const& path, nlohmann::json const& body) {
    return client_.Patch(Project() + path, Auth(), body.dump(), "application/json");
  }

  std::int64_t Count() { return Json(client_.Get(Project() + "/broadcast", Auth()))["count"].get<std::int64_t>(); }

  std::string session_;
  std::string connection_;
  std::string stream_;
};

// Canonical JSON (what nlohmann writes for the same object) and never a null number.
void ExpectCanonicalBroadcast(httplib::Result const& res) {
  ASSERT_TRUE(res);
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json");
  EXPECT_EQ(res->body, nlohmann::json::parse(res->body).dump());
  auto json = nlohmann::json::parse(res->body);
  for (auto const& [field, value] : json.items()) {
    if (field != "broadcastUrls") {
      EXPECT_FALSE(value.is_null()) << field;
    }
  }
}

TEST_F(BroadcastHttpTest, StartAnswersTheContractShape) {
  auto res = Start(StartBody({{"maxBitrate", 2000000}, {"multiBroadcastTag", "tag \"one\""}}));
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  ExpectCanonicalBroadcast(res);
  auto b = Json(res);
  auto id = b["id"].get<std::string>();
  EXPECT_EQ(id.size(), 36u);
  EXPECT_EQ(id.find_first_of("ABCDEF"), std::string::npos);  // a lowercase UUID
  EXPECT_EQ(b["sessionId"], session_);
  EXPECT_TRUE(b["projectId"].is_number_integer());
  EXPECT_EQ(b["partnerId"].get<std::int64_t>(), std::stoll(key()));
  EXPECT_EQ(b["createdAt"].get<std::int64_t>(), server_.service().NowMs());
  EXPECT_TRUE(b["updatedAt"].is_number_integer());
  EXPECT_EQ(b["status"], "started");
  EXPECT_EQ(b["resolution"], "640x480");
  EXPECT_EQ(b["maxDuration"], 7200);
  EXPECT_EQ(b["maxBitrate"], 2000000);
  EXPECT_EQ(b["streamMode"], "auto");
  EXPECT_FALSE(b.contains("streams"));
  EXPECT_EQ(b["hasAudio"], true);
  EXPECT_EQ(b["hasVideo"], true);
  EXPECT_EQ(b["multiBroadcastTag"], "tag \"one\"");
  EXPECT_EQ(b["layout"], (nlohmann::json{{"type", "bestFit"}}));
  EXPECT_EQ(b["settings"], (nlohmann::json{{"hls", {{"dvr", false}, {"lowLatency", false}}}}));
  EXPECT_EQ(b["event"], "broadcast");
  auto urls = b["broadcastUrls"];
  EXPECT_EQ(urls["hls"], server_.url() + "/_mock/broadcasts/" + id + "/hls/index.m3u8");
  EXPECT_EQ(urls["hlsStatus"], "connecting");
  ASSERT_TRUE(urls["rtmp"].is_array());
  EXPECT_EQ(urls["rtmp"][0],
            (nlohmann::json{{"id", "yt"}, {"serverUrl", "rtmp://example.com/live"}, {"streamName", "k"}, {"status", "connecting"}}));

  auto got = client_.Get(Project() + "/broadcast/" + id, Auth());
  ExpectCanonicalBroadcast(got);
  EXPECT_EQ(Json(got)["broadcastUrls"]["hlsStatus"], "live");  // somebody publishes
  EXPECT_EQ(Json(got)["broadcastUrls"]["rtmp"][0]["status"], "live");

  auto stopped = client_.Post(Project() + "/broadcast/" + id + "/stop", Auth(), "", "application/json");
  ASSERT_TRUE(stopped);
  EXPECT_EQ(stopped->status, 200);
  ExpectCanonicalBroadcast(stopped);
  EXPECT_EQ(Json(stopped)["status"], "stopped");
  EXPECT_TRUE(Json(stopped)["broadcastUrls"].is_null());
  ExpectError(client_.Post(Project() + "/broadcast/" + id + "/stop", Auth(), "{}", "application/json"), 404,
              "already stopped");
  ExpectError(client_.Get(Project() + "/broadcast/00000000-0000-4000-8000-000000000000", Auth()), 404, "broadcast");
}

TEST_F(BroadcastHttpTest, RtmpIsAnArrayAndSettingsAbsentWithoutHls) {
  auto b = StartOk({{"sessionId", session_}, {"outputs", {{"rtmp", {{{"serverUrl", "rtmp://a/b"}, {"streamName", "s"}}}}}}});
  EXPECT_FALSE(b.contains("settings"));
  EXPECT_FALSE(b["broadcastUrls"].contains("hls"));
  EXPECT_FALSE(b["broadcastUrls"]["rtmp"][0].contains("id"));  // none given
  auto hls_only = StartOk({{"sessionId", session_}, {"multiBroadcastTag", "h"}, {"outputs", {{"hls", {{"dvr", true}}}}}});
  EXPECT_EQ(hls_only["broadcastUrls"]["rtmp"], nlohmann::json::array());
  EXPECT_EQ(hls_only["settings"]["hls"]["dvr"], true);
}

TEST_F(BroadcastHttpTest, EverySdksSpellingIsAccepted) {
  // PHP: maxBitRate; .NET: screensharetype and "stylesheet": null; Ruby: screenshare_type and
  // string booleans; Python: null for unset members; the Vonage Node SDK: a trailing slash.
  auto b = StartOk(StartBody({{"maxBitRate", 300000},
                              {"layout", {{"type", "bestFit"}, {"screensharetype", "pip"}, {"stylesheet", nullptr}}},
                              {"hasAudio", "true"},
                              {"hasVideo", "false"},
                              {"resolution", nullptr},
                              {"streamMode", "manual"}}));
  EXPECT_EQ(b["maxBitrate"], 300000);
  EXPECT_EQ(b["layout"], (nlohmann::json{{"screenshareType", "pip"}, {"type", "bestFit"}}));
  EXPECT_EQ(b["hasVideo"], false);
  EXPECT_EQ(b["streams"], nlohmann::json::array());
  auto ruby = client_.Post(Project() + "/broadcast/", Auth(),
                           StartBody({{"multiBroadcastTag", "r"}, {"layout", {{"type", "bestFit"}, {"screenshare_type", "verticalPresentation"}}}}).dump(),
                           "application/json");
  ASSERT_TRUE(ruby);
  EXPECT_EQ(ruby->status, 200) << ruby->body;
  EXPECT_EQ(Json(ruby)["layout"]["screenshareType"], "verticalPresentation");
  auto list = client_.Get(Project() + "/broadcast/", Auth());
  ASSERT_TRUE(list);
  EXPECT_EQ(Json(list)["count"], 2);
  EXPECT_EQ(Json(client_.Get("/v2/partner/" + key() + "/broadcast", Auth()))["count"], 2);  // legacy prefix
}

TEST_F(BroadcastHttpTest, BadStartsAre4xxJsonAndStartNothing) {
  struct Case {
    nlohmann::json body;
    int status;
    char const* message_part;
  };
  auto relayed = CreateSession("p2p.preference=enabled");
  Connect(relayed);
  std::vector<Case> cases = {
      {{{"sessionId", session_}}, 400, "outputs"},
      {{{"sessionId", session_}, {"outputs", nlohmann::json::object()}}, 400, "outputs"},
      {{{"sessionId", session_}, {"outputs", {{"hls", {{"dvr", true}, {"lowLatency", true}}}}}}, 400, "mutually exclusive"},
      {{{"sessionId", session_}, {"outputs", {{"rtmp", nlohmann::json::array({1})}}}}, 400, "outputs.rtmp[0]"},
      {{{"sessionId", session_}, {"outputs", {{"rtmp", {{{"serverUrl", "rtmp://a"}}}}}}}, 400, "streamName"},
      {{{"sessionId", session_}, {"outputs", {{"rtmp", {{{"serverUrl", "rtmp://a"}, {"streamName", "s"}, {"extra", 1}}}}}}},
       400, "outputs.rtmp[0]"},
      {{{"sessionId", session_}, {"outputs", {{"hls", true}}}}, 400, "hls"},
      {{{"sessionId", session_}, {"outputs", {{"hls", nlohmann::json::object()}, {"dash", 1}}}}, 400, "dash"},
      {StartBody({{"resolution", "1x1"}}), 400, "resolution"},
      {StartBody({{"maxDuration", 59}}), 400, "maxDuration"},
      {StartBody({{"maxDuration", "7200"}}), 400, "maxDuration"},
      {StartBody({{"maxBitrate", 99}}), 400, "maxBitrate"},
      {StartBody({{"hasAudio", false}, {"hasVideo", "false"}}), 400, "hasAudio"},
      {StartBody({{"hasAudio", "yes"}}), 400, "hasAudio"},
      {StartBody({{"streamMode", "sometimes"}}), 400, "streamMode"},
      {StartBody({{"layout", {{"type", "custom"}}}}), 400, "stylesheet"},
      {StartBody({{"layout", {{"type", "pip"}, {"screenshareType", "pip"}}}}), 400, "screenshareType"},
      {StartBody({{"unknownMember", 1}}), 400, "unknownMember"},
      {StartBody({{"sessionId", "garbage"}}), 400, "sessionId"},
      {StartBody({{"sessionId", nullptr}}), 400, "sessionId"},
      {StartBody({{"sessionId", relayed}}), 409, "Only routed sessions are allowed to initiate broadcasts."},
  };
  nlohmann::json six = nlohmann::json::array();
  for (int i = 0; i < 6; ++i) six.push_back({{"serverUrl", "rtmp://a"}, {"streamName", std::to_string(i)}});
  cases.push_back({{{"sessionId", session_}, {"outputs", {{"rtmp", six}}}}, 400, "at most 5"});
  for (auto const& c : cases) {
    SCOPED_TRACE(c.body.dump());
    ExpectError(Start(c.body), c.status, c.message_part);
  }
  ExpectError(client_.Post(Project() + "/broadcast", Auth(), "{not json", "application/json"), 400, "JSON");
  ExpectError(client_.Post(Project() + "/broadcast", Auth(), "", "application/json"), 400, "empty");
  EXPECT_EQ(Count(), 0);
  EXPECT_TRUE(Json(client_.Get("/_mock/sessions/" + session_))["startedBroadcastIds"].empty());

  StartOk(StartBody());
  ExpectError(Start(StartBody()), 409, "multiBroadcastTag");
  auto lonely = CreateSession();
  ExpectError(Start(StartBody({{"sessionId", lonely}})), 400, "No clients are actively connected");
  EXPECT_EQ(Count(), 1);
}

TEST_F(BroadcastHttpTest, ListPagingAndBadQueries) {
  std::vector<std::string> ids;
  for (int i = 0; i < 3; ++i) {
    ids.push_back(StartOk(StartBody({{"multiBroadcastTag", "t" + std::to_string(i)}}))["id"].get<std::string>());
    AdvanceSeconds(1);
  }
  auto list = client_.Get(Project() + "/broadcast?offset=1&count=1&sessionId=" + session_, Auth());
  ASSERT_TRUE(list);
  EXPECT_EQ(list->status, 200);
  EXPECT_EQ(list->body, nlohmann::json::parse(list->body).dump());
  EXPECT_EQ(Json(list)["count"], 3);
  ASSERT_EQ(Json(list)["items"].size(), 1u);
  EXPECT_EQ(Json(list)["items"][0]["id"], ids[1]);
  EXPECT_EQ(Json(client_.Get(Project() + "/broadcast?offset=0&&count=", Auth()))["items"][0]["id"], ids[2]);
  ExpectError(client_.Get(Project() + "/broadcast?count=1001", Auth()), 400, "count");
  ExpectError(client_.Get(Project() + "/broadcast?offset=-1", Auth()), 400, "offset");
  ExpectError(client_.Get(Project() + "/broadcast?sessionId=%zz", Auth()), 400, "percent");
}

TEST_F(BroadcastHttpTest, LayoutRoutes) {
  auto id = StartOk(StartBody())["id"].get<std::string>();
  auto path = Project() + "/broadcast/" + id + "/layout";
  auto res = client_.Put(path, Auth(), R"({"type":"custom","stylesheet":"stream.focus { width: 100% }"})", "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  ExpectCanonicalBroadcast(res);  // the full broadcast: the Vonage Python SDK parses it
  EXPECT_EQ(Json(res)["layout"]["stylesheet"], "stream.focus { width: 100% }");
  auto got = client_.Get(path + "/", Auth());
  ASSERT_TRUE(got);
  EXPECT_EQ(got->status, 200);
  EXPECT_EQ(Json(got), (nlohmann::json{{"type", "custom"}, {"stylesheet", "stream.focus { width: 100% }"}}));
  for (auto const* bad : {R"({"type":"grid"})", R"({"type":"custom"})", R"({"stylesheet":"x"})", R"({"type":1})",
                          R"({"type":"pip","screenshareType":"pip"})", R"({"type":"bestFit","color":"red"})", "[]",
                          "nope"}) {
    SCOPED_TRACE(bad);
    ExpectError(client_.Put(path, Auth(), bad, "application/json"), 400);
  }
  EXPECT_EQ(Json(client_.Get(path, Auth()))["type"], "custom");  // unchanged
  ExpectError(client_.Put(Project() + "/broadcast/unknown/layout", Auth(), R"({"type":"pip"})", "application/json"), 404);
  ExpectError(client_.Get(Project() + "/broadcast/unknown/layout", Auth()), 404);
  client_.Post(Project() + "/broadcast/" + id + "/stop", Auth(), "", "application/json");
  ExpectError(client_.Put(path, Auth(), R"({"type":"pip"})", "application/json"), 409, "stopped");
}

TEST_F(BroadcastHttpTest, StreamRoutesWithEverySdksBody) {
  auto id = StartOk(StartBody({{"streamMode", "manual"}}))["id"].get<std::string>();
  auto streams = "/broadcast/" + id + "/streams";
  auto streams_of = [&] { return Json(client_.Get(Project() + "/broadcast/" + id, Auth()))["streams"]; };
  // @vonage/video sends broadcastId in the body; Ruby sends booleans as strings.
  auto added = Patch(streams, {{"addStream", stream_}, {"hasAudio", "false"}, {"broadcastId", id}});
  ASSERT_TRUE(added);
  EXPECT_EQ(added->status, 204);
  EXPECT_TRUE(added->body.empty());
  EXPECT_EQ(streams_of(), (nlohmann::json::array({{{"hasAudio", false}, {"hasVideo", true}, {"streamId", stream_}}})));
  EXPECT_EQ(Patch(streams + "/", {{"addStream", stream_}, {"hasAudio", true}, {"hasVideo", true}})->status, 204);
  EXPECT_EQ(streams_of()[0]["hasAudio"], true);
  // The PHP SDK removes a broadcast's stream through /archive/{broadcastId}/streams.
  auto php = Patch("/archive/" + id + "/streams", {{"removeStream", stream_}});
  ASSERT_TRUE(php);
  EXPECT_EQ(php->status, 204) << php->body;
  auto journal = Json(client_.Get("/_mock/requests"))["items"];
  EXPECT_EQ(journal.back()["operation"], "broadcast.streams");
  EXPECT_EQ(journal.back()["path"], Project() + "/archive/" + id + "/streams");
  EXPECT_EQ(streams_of(), nlohmann::json::array());

  for (auto const& bad : {nlohmann::json::object(), nlohmann::json{{"addStream", stream_}, {"removeStream", stream_}},
                          nlohmann::json{{"addStream", 1}}, nlohmann::json{{"addStream", ""}},
                          nlohmann::json{{"addStream", stream_}, {"hasVideo", "maybe"}},
                          nlohmann::json{{"addStream", stream_}, {"other", 1}}}) {
    SCOPED_TRACE(bad.dump());
    ExpectError(Patch(streams, bad), 400);
  }
  EXPECT_EQ(streams_of(), nlohmann::json::array());  // unchanged
  ExpectError(Patch(streams, {{"removeStream", stream_}}), 404, "not in the selection");
  ExpectError(Patch(streams, {{"addStream", "00000000-0000-4000-8000-000000000000"}}), 404, "stream");
  ExpectError(Patch("/broadcast/unknown/streams", {{"addStream", stream_}}), 404, "broadcast");
  auto automatic = StartOk(StartBody({{"multiBroadcastTag", "auto"}}))["id"].get<std::string>();
  ExpectError(Patch("/broadcast/" + automatic + "/streams", {{"addStream", stream_}}), 405, "manual");
  client_.Post(Project() + "/broadcast/" + id + "/stop", Auth(), "", "application/json");
  ExpectError(Patch(streams, {{"addStream", stream_}}), 409, "stopped");
}

TEST_F(BroadcastHttpTest, ControlPlaneShowsFailsAndServesThePlaylist) {
  auto b = StartOk(StartBody());
  auto id = b["id"].get<std::string>();
  auto all = client_.Get("/_mock/broadcasts?apiKey=" + key());
  ASSERT_TRUE(all);
  EXPECT_EQ(all->status, 200);
  EXPECT_EQ(Json(all)["count"], 1);
  EXPECT_EQ(Json(client_.Get("/_mock/broadcasts?apiKey=1"))["count"], 0);
  auto one = Json(client_.Get("/_mock/broadcasts/" + id));
  EXPECT_EQ(one["outputs"], (nlohmann::json{{"hls", {{"status", "live"}}}, {"rtmp", {{{"id", "yt"}, {"status", "live"}}}}}));
  EXPECT_EQ(Json(client_.Get("/_mock/sessions/" + session_))["startedBroadcastIds"], nlohmann::json::array({id}));

  auto playlist = client_.Get(b["broadcastUrls"]["hls"].get<std::string>().substr(server_.url().size()));
  ASSERT_TRUE(playlist);
  EXPECT_EQ(playlist->status, 200);
  EXPECT_EQ(playlist->get_header_value("Content-Type"), "application/vnd.apple.mpegurl");
  EXPECT_EQ(playlist->body.rfind("#EXTM3U\n", 0), 0u);

  auto failed = client_.Post("/_mock/broadcasts/" + id + "/fail", R"({"output":"yt"})", "application/json");
  ASSERT_TRUE(failed);
  EXPECT_EQ(failed->status, 200);
  EXPECT_EQ(Json(failed)["status"], "started");
  EXPECT_EQ(Json(failed)["broadcastUrls"]["rtmp"][0]["status"], "error");
  EXPECT_EQ(Json(failed)["broadcastUrls"]["hlsStatus"], "live");
  EXPECT_EQ(Json(client_.Post("/_mock/broadcasts/" + id + "/fail", "", "application/json"))["broadcastUrls"]["hlsStatus"],
            "error");
  ExpectError(client_.Post("/_mock/broadcasts/" + id + "/fail", R"({"output":"nope"})", "application/json"), 404, "nope");
  ExpectError(client_.Post("/_mock/broadcasts/" + id + "/fail", R"({"output":1})", "application/json"), 400, "output");
  ExpectError(client_.Get("/_mock/broadcasts/unknown"), 404);

  client_.Post(Project() + "/broadcast/" + id + "/stop", Auth(), "", "application/json");
  EXPECT_EQ(Json(client_.Get("/_mock/broadcasts/" + id))["outputs"]["hls"]["status"], "ended");
  ExpectError(client_.Get("/_mock/broadcasts/" + id + "/hls/index.m3u8"), 404);
  ExpectError(client_.Post("/_mock/broadcasts/" + id + "/fail", "{}", "application/json"), 409);
}

TEST_F(BroadcastHttpTest, TheClockDrivesMaxDurationAndSessionEnd) {
  auto timed = StartOk(StartBody({{"maxDuration", 60}}))["id"].get<std::string>();
  AdvanceSeconds(60);
  EXPECT_EQ(Json(client_.Get(Project() + "/broadcast/" + timed, Auth()))["status"], "stopped");
  auto ended = StartOk(StartBody())["id"].get<std::string>();
  ASSERT_EQ(client_.Delete("/_mock/sessions/" + session_ + "/connections/" + connection_)->status, 204);
  EXPECT_EQ(Json(client_.Get("/_mock/broadcasts/" + ended))["outputs"]["rtmp"][0]["status"], "offline");
  AdvanceSeconds(60);
  EXPECT_EQ(Json(client_.Get(Project() + "/broadcast/" + ended, Auth()))["status"], "stopped");
}

}  // namespace
}  // namespace opentok_mock::testing
