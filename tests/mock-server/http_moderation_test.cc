// Signals, moderation and the connections list over HTTP: status codes, JSON shapes, the
// SDKs' spellings (excludedStreams, "active": "true", null members, trailing slashes), bad
// input (4xx JSON naming the problem, no state change) and the control plane's views of the
// effects (inboxes, muted streams, connections that left with their reason).

#include <thread>

#include "http_fixture.h"

namespace opentok_mock::testing {
namespace {

class ModerationHttpTest : public HttpTest {
 protected:
  void SetUp() override {
    session_ = CreateSession();
    first_ = Connect(session_);
    second_ = Connect(session_);
    stream_ = Publish(session_, first_);
  }

  httplib::Result Post(std::string const& path, std::string const& body, httplib::Headers extra = {}) {
    auto headers = Auth();
    headers.insert(extra.begin(), extra.end());
    return client_.Post(Project() + path, headers, body, "application/json");
  }

  nlohmann::json Signals(std::string const& connection) {
    return Json(client_.Get("/_mock/sessions/" + session_ + "/connections/" + connection + "/signals"));
  }

  nlohmann::json SessionView() { return Json(client_.Get("/_mock/sessions/" + session_)); }

  nlohmann::json StreamView(std::string const& stream_id) {
    auto const view = SessionView();  // kept alive: the loop reads into it
    for (auto const& stream : view["streams"]) {
      if (stream["id"] == stream_id) return stream;
    }
    return nullptr;
  }

  std::string LastOperation() {
    auto items = Json(client_.Get("/_mock/requests"))["items"];
    return items.empty() ? "" : items.back()["operation"].get<std::string>();
  }

  static void ExpectEmpty(httplib::Result const& res, int status) {
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, status) << res->body;
    EXPECT_TRUE(res->body.empty()) << res->body;
  }

  std::string session_;
  std::string first_;
  std::string second_;
  std::string stream_;
};

TEST_F(ModerationHttpTest, SignalsAnswer204AndLandInTheInboxes) {
  AdvanceSeconds(2);
  auto now = Json(client_.Get("/_mock/clock"))["now"];
  ExpectEmpty(Post("/session/" + session_ + "/signal", R"({"type":"chat","data":"hi all"})"), 204);
  EXPECT_EQ(LastOperation(), "signal.session");
  ExpectEmpty(Post("/session/" + session_ + "/connection/" + second_ + "/signal/", R"({"data":"just you"})"), 204);
  EXPECT_EQ(LastOperation(), "signal.connection");

  auto first = Signals(first_);
  EXPECT_EQ(first["connectionId"], first_);
  EXPECT_EQ(first["count"], 1);
  ASSERT_EQ(first["items"].size(), 1u);
  EXPECT_EQ(first["items"][0], (nlohmann::json{{"type", "chat"}, {"data", "hi all"}, {"at", now}}));
  auto second = Signals(second_);
  EXPECT_EQ(second["count"], 2);
  EXPECT_EQ(second["items"][1], (nlohmann::json{{"type", ""}, {"data", "just you"}, {"at", now}}));
  // The legacy prefix and a null type (the Python SDK sends unset members as null).
  ExpectEmpty(client_.Post("/v2/partner/" + key() + "/session/" + session_ + "/signal", Auth(),
                           R"({"type":null,"data":"legacy"})", "application/json"),
              204);
  EXPECT_EQ(Signals(first_)["count"], 2);
  ExpectError(client_.Get("/_mock/sessions/" + session_ + "/connections/ghost/signals"), 404, "connection");
}

TEST_F(ModerationHttpTest, BadSignalsAreRejectedAndDeliverNothing) {
  auto signal = "/session/" + session_ + "/signal";
  ExpectError(Post(signal, R"({"type":"t"})"), 400, "Signal payload 'data' must be set", 15202);
  ExpectError(Post(signal, ""), 400, "'data' must be set", 15202);
  ExpectError(Post(signal, R"({"type":"t","data":null})"), 400, "'data' must be set", 15202);
  ExpectError(Post(signal, R"({"data":42})"), 400, "'data'");
  ExpectError(Post(signal, R"({"type":["t"],"data":"d"})"), 400, "'type'");
  ExpectError(Post(signal, R"({"data":"d","extra":1})"), 400, "extra");
  ExpectError(Post(signal, "not json"), 400, "JSON");
  ExpectError(Post(signal, nlohmann::json{{"type", std::string(129, 't')}, {"data", "d"}}.dump()), 413, "type");
  ExpectError(Post(signal, nlohmann::json{{"data", std::string(8193, 'd')}}.dump()), 413, "data");
  ExpectError(Post("/session/" + session_ + "/connection/ghost/signal", R"({"data":"d"})"), 404, "connection");
  auto empty = CreateSession();
  ExpectError(Post("/session/" + empty + "/signal", R"({"data":"d"})"), 404, "No clients are actively connected");
  ExpectError(Post("/session/unknown/signal", R"({"data":"d"})"), 404, "session");
  EXPECT_EQ(Signals(first_)["count"], 0);
  EXPECT_EQ(Signals(second_)["count"], 0);
  // The limits themselves pass.
  ExpectEmpty(Post(signal, nlohmann::json{{"type", std::string(128, 't')}, {"data", std::string(8192, 'd')}}.dump()),
              204);
}

TEST_F(ModerationHttpTest, ForceDisconnectAnswers204AndTheSessionViewShowsWhoLeftAndWhy) {
  auto path = "/session/" + session_ + "/connection/" + first_;
  ExpectEmpty(client_.Delete(Project() + path + "/", Auth()), 204);
  EXPECT_EQ(LastOperation(), "connection.disconnect");
  auto view = SessionView();
  ASSERT_EQ(view["connections"].size(), 1u);
  EXPECT_EQ(view["connections"][0]["connectionId"], second_);
  EXPECT_EQ(view["connections"][0]["kind"], "client");
  EXPECT_TRUE(view["streams"].empty());  // its stream went with it
  ASSERT_EQ(view["leftConnections"].size(), 1u);
  auto left = view["leftConnections"][0];
  EXPECT_EQ(left["connectionId"], first_);
  EXPECT_EQ(left["reason"], "forceDisconnected");
  EXPECT_EQ(left["kind"], "client");
  EXPECT_EQ(left["leftAt"], Json(client_.Get("/_mock/clock"))["now"]);

  ExpectError(client_.Delete(Project() + path, Auth()), 404, "not connected");
  ExpectError(client_.Delete(Project() + "/session/unknown/connection/" + second_, Auth()), 404, "session");
  EXPECT_EQ(SessionView()["connections"].size(), 1u);

  // The control plane's own disconnect takes a reason (a dropped network).
  ASSERT_EQ(client_.Delete("/_mock/sessions/" + session_ + "/connections/" + second_ + "?reason=networkDisconnected")
                ->status,
            204);
  EXPECT_EQ(SessionView()["leftConnections"][1]["reason"], "networkDisconnected");
  auto third = Connect(session_);
  ExpectError(client_.Delete("/_mock/sessions/" + session_ + "/connections/" + third + "?reason=bored"), 400, "reason");
  EXPECT_EQ(SessionView()["connections"].size(), 1u);
}

TEST_F(ModerationHttpTest, ForceDisconnectPausesTheArchiveOfItsOnlyPublisher) {
  auto archive = Json(StartArchive({{"sessionId", session_}}));
  ASSERT_EQ(client_.Delete(Project() + "/session/" + session_ + "/connection/" + first_, Auth())->status, 204);
  EXPECT_EQ(Json(client_.Get(Project() + "/archive/" + archive["id"].get<std::string>(), Auth()))["status"], "paused");
}

TEST_F(ModerationHttpTest, MuteOneStreamAnswers200AndTheStreamViewShowsIt) {
  EXPECT_EQ(StreamView(stream_)["audioMuted"], false);
  auto mute = "/session/" + session_ + "/stream/" + stream_ + "/mute";
  for (auto const* body : {"", "{}"}) {  // Java and Python send nothing, Node sends {}
    auto res = Post(mute, body);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200) << res->body;
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/json");
    EXPECT_EQ(Json(res), nlohmann::json::object());
  }
  EXPECT_EQ(LastOperation(), "stream.mute");
  EXPECT_EQ(StreamView(stream_)["audioMuted"], true);
  ExpectError(Post("/session/" + session_ + "/stream/ghost/mute", "{}"), 404, "stream");
  ExpectError(Post("/session/unknown/stream/" + stream_ + "/mute", "{}"), 404, "session");
  ExpectError(Post(mute, "[1]"), 400, "object");
}

TEST_F(ModerationHttpTest, MuteAllTakesEverySdksSpelling) {
  auto other = Publish(session_, second_);
  auto mute = "/session/" + session_ + "/mute";
  auto expect_ok = [&](std::string const& body) {
    auto res = Post(mute, body);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200) << body << " " << res->body;
    EXPECT_EQ(Json(res), nlohmann::json::object());
  };
  // Java and the Vonage SDKs: excludedStreamIds.
  expect_ok(nlohmann::json{{"active", true}, {"excludedStreamIds", {other}}}.dump());
  EXPECT_EQ(LastOperation(), "session.mute");
  EXPECT_EQ(StreamView(stream_)["audioMuted"], true);
  EXPECT_EQ(StreamView(other)["audioMuted"], false);
  EXPECT_EQ(SessionView()["muteAll"], (nlohmann::json{{"active", true}, {"excludedStreamIds", {other}}}));
  // A stream published while active is muted; the Ruby SDK's string booleans and
  // excludedStreams (Python, PHP, Ruby) disable it.
  auto late = Publish(session_, second_);
  EXPECT_EQ(StreamView(late)["audioMuted"], true);
  expect_ok(R"({"active":"false","excludedStreams":[]})");
  EXPECT_EQ(SessionView()["muteAll"]["active"], false);
  EXPECT_EQ(StreamView(Publish(session_, second_))["audioMuted"], false);
  EXPECT_EQ(StreamView(late)["audioMuted"], true);  // disabling unmutes nobody
  // No body: active defaults to true; null exclusions count as none (PHP).
  expect_ok("");
  EXPECT_EQ(StreamView(other)["audioMuted"], true);
  expect_ok(R"({"active":"true","excludedStreams":null})");
  expect_ok(R"({"active":false,"excludedStreamIds":[]})");  // @vonage/video's disable call
  EXPECT_EQ(SessionView()["muteAll"]["active"], false);
}

TEST_F(ModerationHttpTest, BadMuteAllBodiesChangeNothing) {
  auto mute = "/session/" + session_ + "/mute";
  ExpectError(Post(mute, R"({"active":"yes"})"), 400, "'active'");
  ExpectError(Post(mute, R"({"active":1})"), 400, "'active'");
  ExpectError(Post(mute, R"({"excludedStreamIds":"abc"})"), 400, "excludedStreamIds");
  ExpectError(Post(mute, R"({"excludedStreams":[1]})"), 400, "excludedStreams[0]");
  ExpectError(Post(mute, R"({"excludedStreamIds":["a",""]})"), 400, "excludedStreamIds[1]");
  ExpectError(Post(mute, R"({"excludedStreamIds":[],"excludedStreams":[]})"), 400, "not both");
  ExpectError(Post(mute, R"({"active":true,"exclude":[]})"), 400, "exclude");
  ExpectError(Post(mute, "[]"), 400, "object");
  ExpectError(Post("/session/unknown/mute", "{}"), 404, "session");
  EXPECT_EQ(SessionView()["muteAll"]["active"], false);
  EXPECT_EQ(StreamView(stream_)["audioMuted"], false);
}

TEST_F(ModerationHttpTest, ConnectionListHasTheContractShape) {
  auto res = client_.Get(Project() + "/session/" + session_ + "/connection/", Auth());
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json");
  auto json = Json(res);
  EXPECT_EQ(LastOperation(), "connection.list");
  EXPECT_EQ(json["count"], 2);
  EXPECT_EQ(json["projectId"], key());  // a string
  EXPECT_EQ(json["sessionId"], session_);
  ASSERT_EQ(json["items"].size(), 2u);
  EXPECT_EQ(json["items"][0]["connectionId"], first_);
  EXPECT_EQ(json["items"][0]["connectionState"], "Connected");
  EXPECT_TRUE(json["items"][0]["createdAt"].is_number_integer());
  EXPECT_EQ(json["items"][0].size(), 3u);
  ExpectError(client_.Get(Project() + "/session/unknown/connection", Auth()), 404, "session");
}

// Force-disconnects and mute-alls racing over HTTP on one session: each client leaves once
// (one 204, 404s after), nobody else is touched, and the session view stays consistent.
TEST_F(ModerationHttpTest, RacingModerationCallsLeaveAConsistentSession) {
  std::vector<std::string> victims{first_, second_};
  for (int i = 0; i < 10; ++i) {
    auto connection = Connect(session_);
    Publish(session_, connection);
    victims.push_back(connection);
  }
  auto keeper = Connect(session_);
  auto kept = Publish(session_, keeper);
  std::atomic<int> no_content{0};
  std::atomic<int> not_found{0};
  std::atomic<int> other{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 3; ++t) {
    threads.emplace_back([&, t] {
      httplib::Client client(server_.url());
      SetTimeouts(client);
      for (auto const& victim : victims) {
        auto res = client.Delete(Project() + "/session/" + session_ + "/connection/" + victim, Auth());
        int status = res ? res->status : 0;
        (status == 204 ? no_content : status == 404 ? not_found : other)++;
        auto mute = client.Post(Project() + "/session/" + session_ + "/mute", Auth(),
                                nlohmann::json{{"active", t != 1}}.dump(), "application/json");
        if (!mute || mute->status != 200) other++;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(other.load(), 0);
  EXPECT_EQ(no_content.load(), static_cast<int>(victims.size()));
  EXPECT_EQ(not_found.load(), static_cast<int>(victims.size()) * 2);
  auto view = SessionView();
  ASSERT_EQ(view["connections"].size(), 1u);
  EXPECT_EQ(view["connections"][0]["connectionId"], keeper);
  ASSERT_EQ(view["streams"].size(), 1u);
  EXPECT_EQ(view["streams"][0]["id"], kept);
  EXPECT_EQ(view["streams"][0]["audioMuted"], true);  // threads 0 and 2 muted everyone
  EXPECT_EQ(view["leftConnections"].size(), victims.size());
}

}  // namespace
}  // namespace opentok_mock::testing
