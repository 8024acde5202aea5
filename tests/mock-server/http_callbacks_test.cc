// Callbacks over HTTP: the legacy REST registration routes (as the Node SDK calls them), the
// control plane's callback URLs, MockServerOptions::callback_url, and the JSON bodies
// CallbackBody renders for each kind of service event.

#include <gtest/gtest.h>

#include <mutex>
#include <vector>

#include "callback_json.h"
#include "http_fixture.h"

namespace opentok_mock::testing {
namespace {

constexpr char kHook[] = "https://hooks.example.com/opentok";

class CallbacksHttpTest : public HttpTest {
 protected:
  httplib::Result Register(nlohmann::json const& body, std::string const& prefix = "/v2/project/") {
    return client_.Post(prefix + key() + "/callback", Auth(), body.dump(), "application/json");
  }

  nlohmann::json Journal() { return Json(client_.Get("/_mock/requests"))["items"]; }

  std::string ControlPath(std::string const& group = {}) {
    return "/_mock/projects/" + key() + "/callbacks" + (group.empty() ? "" : "/" + group);
  }
};

TEST_F(CallbacksHttpTest, RegistrationsAreCreatedListedAndDeletedAsTheNodeSdkExpects) {
  AdvanceSeconds(3);
  auto res = Register({{"group", "archive"}, {"event", "status"}, {"url", kHook}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json");
  auto registered = Json(res);
  EXPECT_EQ(registered["group"], "archive");
  EXPECT_EQ(registered["event"], "status");
  EXPECT_EQ(registered["url"], kHook);
  EXPECT_EQ(registered["id"].get<std::string>().size(), 36u);
  EXPECT_EQ(registered["createdAt"], server_.service().NowMs());
  EXPECT_EQ(registered["updatedAt"], registered["createdAt"]);

  auto second = Json(Register({{"group", "connection"}, {"event", "created"}, {"url", "http://127.0.0.1:1/c"}},
                              "/v2/partner/"));
  auto listed = Json(client_.Get(Project() + "/callback", Auth()));
  ASSERT_TRUE(listed.is_array());
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0], registered);
  EXPECT_EQ(listed[1], second);

  auto deleted = client_.Delete(Project() + "/callback/" + registered["id"].get<std::string>(), Auth());
  ASSERT_TRUE(deleted);
  EXPECT_EQ(deleted->status, 204);
  EXPECT_TRUE(deleted->body.empty());
  ExpectError(client_.Delete(Project() + "/callback/" + registered["id"].get<std::string>(), Auth()), 404, "callback");
  EXPECT_EQ(Json(client_.Get(Project() + "/callback", Auth())).size(), 1u);

  auto operations = Journal();
  ASSERT_GE(operations.size(), 5u);
  EXPECT_EQ(operations[0]["operation"], "callback.register");
  EXPECT_EQ(operations[2]["operation"], "callback.list");
  EXPECT_EQ(operations[3]["operation"], "callback.unregister");
}

TEST_F(CallbacksHttpTest, InvalidRegistrationsAre400WithTheServiceErrorBody) {
  ExpectError(Register({{"group", "archive"}, {"event", "created"}, {"url", kHook}}), 400, "group and event");
  ExpectError(Register({{"group", "video"}, {"event", "status"}, {"url", kHook}}), 400, "group and event");
  ExpectError(Register({{"group", "archive"}, {"event", "status"}}), 400, "url");
  ExpectError(Register({{"group", "archive"}, {"event", "status"}, {"url", "ftp://example.com/"}}), 400, "url");
  ExpectError(Register({{"group", 5}, {"event", "status"}, {"url", kHook}}), 400, "group");
  ExpectError(Register({{"group", "archive"}, {"event", "status"}, {"url", kHook}, {"uri", kHook}}), 400, "uri");
  ExpectError(client_.Post(Project() + "/callback", Auth(), "[]", "application/json"), 400);
  ExpectError(client_.Post(Project() + "/callback", "{}", "application/json"), 403);
  EXPECT_TRUE(Json(client_.Get(Project() + "/callback", Auth())).empty());
}

TEST_F(CallbacksHttpTest, TheControlPlaneSetsShowsAndClearsGroupUrls) {
  auto put = client_.Put(ControlPath("archive"), nlohmann::json{{"url", kHook}}.dump(), "application/json");
  ASSERT_TRUE(put);
  EXPECT_EQ(put->status, 200) << put->body;
  EXPECT_EQ(Json(put)["callbacks"], (nlohmann::json{{"archive", kHook}}));
  Register({{"group", "stream"}, {"event", "destroyed"}, {"url", kHook}});
  auto shown = Json(client_.Get(ControlPath()));
  EXPECT_EQ(shown["apiKey"], key());
  EXPECT_EQ(shown["callbacks"], (nlohmann::json{{"archive", kHook}}));
  ASSERT_EQ(shown["registrations"].size(), 1u);
  EXPECT_EQ(shown["registrations"][0]["event"], "destroyed");

  // Every group at once, then one cleared, then all.
  put = client_.Put(ControlPath(), R"({"url":"http://127.0.0.1:9/all"})", "application/json");
  ASSERT_TRUE(put);
  EXPECT_EQ(Json(put)["callbacks"].size(), 6u);
  EXPECT_EQ(Json(put)["callbacks"]["sessionMonitoring"], "http://127.0.0.1:9/all");
  EXPECT_EQ(client_.Delete(ControlPath("sip"))->status, 204);
  EXPECT_FALSE(Json(client_.Get(ControlPath()))["callbacks"].contains("sip"));
  EXPECT_EQ(client_.Delete(ControlPath())->status, 204);
  EXPECT_TRUE(Json(client_.Get(ControlPath()))["callbacks"].empty());

  ExpectError(client_.Put(ControlPath("video"), R"({"url":"http://127.0.0.1:9/"})", "application/json"), 400,
              "group");
  ExpectError(client_.Put(ControlPath("archive"), R"({"url":"not a url"})", "application/json"), 400, "url");
  ExpectError(client_.Put(ControlPath("archive"), R"({"url":"http://127.0.0.1:9/","x":1})", "application/json"),
              400, "x");
  ExpectError(client_.Get("/_mock/projects/99999/callbacks"), 404, "project");
  ExpectError(client_.Put("/_mock/projects/99999/callbacks/archive", R"({"url":"http://127.0.0.1:9/"})",
                          "application/json"),
              404, "project");

  // Reset keeps the configuration.
  client_.Put(ControlPath("render"), R"({"url":"http://127.0.0.1:9/r"})", "application/json");
  ASSERT_EQ(client_.Post("/_mock/reset", "", "application/json")->status, 204);
  shown = Json(client_.Get(ControlPath()));
  EXPECT_EQ(shown["callbacks"], (nlohmann::json{{"render", "http://127.0.0.1:9/r"}}));
  EXPECT_EQ(shown["registrations"].size(), 1u);
}

TEST(CallbackUrlOptionTest, SetsEveryGroupOfTheDefaultProject) {
  auto options = FrozenSeededOptions();
  options.callback_url = "http://127.0.0.1:9/hooks";
  MockServer server(options);
  auto urls = server.service().CallbackUrls(server.default_project().api_key);
  ASSERT_TRUE(urls);
  ASSERT_EQ(urls->size(), std::size(kAllCallbackGroups));
  for (auto const& [group, url] : *urls) EXPECT_EQ(url, options.callback_url) << ToString(group);

  options.callback_url = "mailto:someone@example.com";
  EXPECT_THROW(MockServer{options}, std::invalid_argument);
}

// --- Bodies ---------------------------------------------------------------------------

class CallbackBodyTest : public CallbacksHttpTest {
 protected:
  CallbackBodyTest() {
    server_.service().SubscribeEvents([this](ServiceEvent const& event) {
      std::lock_guard lock(mutex_);
      bodies_.push_back(nlohmann::json::parse(http::CallbackBody(event)));
    });
  }

  std::vector<nlohmann::json> Take() {
    std::lock_guard lock(mutex_);
    return std::exchange(bodies_, {});
  }

  std::mutex mutex_;
  std::vector<nlohmann::json> bodies_;
};

TEST_F(CallbackBodyTest, MonitoringBodiesFollowTheSessionMonitoringPayloads) {
  auto session = CreateSession();
  auto client = Connect(session);
  auto now = server_.service().NowMs();
  auto joined = Take();
  ASSERT_EQ(joined.size(), 2u);
  EXPECT_EQ(joined[0], (nlohmann::json{
                           {"event", "sessionCreated"}, {"projectId", key()}, {"sessionId", session}, {"timestamp", now}}));
  EXPECT_EQ(joined[1]["event"], "connectionCreated");
  EXPECT_EQ(joined[1]["projectId"], key());  // a string, as in the documented examples
  EXPECT_EQ(joined[1]["connection"]["id"], client);
  EXPECT_EQ(joined[1]["connection"]["createdAt"], now);
  EXPECT_EQ(joined[1]["connection"]["data"], "");
  EXPECT_FALSE(joined[1].contains("reason"));
  EXPECT_FALSE(joined[1].contains("applicationId"));

  auto audio = client_.Post("/_mock/sessions/" + session + "/connections/" + client + "/streams",
                            R"({"name":"voice","hasVideo":false})", "application/json");
  ASSERT_TRUE(audio);
  ASSERT_EQ(audio->status, 201) << audio->body;
  Publish(session, client);
  auto streams = Take();
  ASSERT_EQ(streams.size(), 2u);
  EXPECT_EQ(streams[0]["event"], "streamCreated");
  EXPECT_EQ(streams[0]["stream"]["name"], "voice");
  EXPECT_EQ(streams[0]["stream"]["connection"]["id"], client);
  EXPECT_FALSE(streams[0]["stream"].contains("videoType"));  // audio-only
  EXPECT_FALSE(streams[0].contains("connection"));           // under the stream
  EXPECT_EQ(streams[1]["stream"]["videoType"], "camera");

  ASSERT_EQ(client_.Delete(Project() + "/session/" + session + "/connection/" + client, Auth())->status, 204);
  auto left = Take();
  ASSERT_EQ(left.size(), 4u);
  EXPECT_EQ(left[0]["event"], "streamDestroyed");
  EXPECT_EQ(left[0]["reason"], "forceDisconnected");
  EXPECT_EQ(left[2]["event"], "connectionDestroyed");
  EXPECT_EQ(left[2]["reason"], "forceDisconnected");
  EXPECT_EQ(left[2]["connection"]["id"], client);
  EXPECT_EQ(left[3]["event"], "sessionDestroyed");
}

TEST_F(CallbackBodyTest, ArchiveBodiesAreTheArchiveObjectWithItsEvent) {
  auto session = CreateSession();
  auto client = Connect(session);
  Publish(session, client);
  Take();
  auto started = StartArchive({{"sessionId", session}});
  ASSERT_TRUE(started);
  auto bodies = Take();
  ASSERT_EQ(bodies.size(), 1u);
  EXPECT_EQ(bodies[0], Json(started));  // the REST answer, "event":"archive" included
  EXPECT_EQ(bodies[0]["event"], "archive");
  EXPECT_EQ(bodies[0]["status"], "started");
}

TEST_F(CallbackBodyTest, CaptionsBodiesAddTheirEventToTheStatusObject) {
  auto session = CreateSession();
  Connect(session);
  Take();
  auto res = client_.Post(Project() + "/captions", Auth(),
                          nlohmann::json{{"sessionId", session}, {"token", ClientToken(session, "moderator")}}.dump(),
                          "application/json");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 202) << res->body;
  auto id = Json(res)["captionsId"].get<std::string>();
  auto bodies = Take();
  ASSERT_EQ(bodies.size(), 1u);
  auto status = Json(client_.Get(Project() + "/captions/" + id, Auth()));
  status["event"] = "captions";
  EXPECT_EQ(bodies[0], status);
}

// Bodies of events built by hand: SIP calls, an application's objects, Audio Connector.
ServiceEvent EventOf(std::string api_key, ServiceEventPayload payload) {
  ServiceEvent event;
  event.sequence = 7;
  event.api_key = std::move(api_key);
  event.at_ms = 1'750'000'000'123;
  event.payload = std::move(payload);
  return event;
}

TEST(CallbackBodyShapeTest, SipBodiesCarryTheCallWithoutItsSecrets) {
  SipCall call;
  call.id = "call-id";
  call.api_key = "12345678";
  call.session_id = "session";
  call.connection_id = "connection";
  call.stream_id = "stream";
  call.created_at_ms = 1;
  call.updated_at_ms = 2;
  call.uri = "sip:user@example.com";
  call.from = "from@example.com";
  call.headers = {{"X-Secret", "value"}};
  call.auth_username = "user";
  auto body = nlohmann::json::parse(http::CallbackBody(
      EventOf("12345678", SipCallEvent{SipCallEventKind::kCallDestroyed, call, DisconnectReason::kForceDisconnected})));
  EXPECT_EQ(body, (nlohmann::json{{"event", "callDestroyed"},
                                  {"projectId", "12345678"},
                                  {"sessionId", "session"},
                                  {"timestamp", 1'750'000'000'123},
                                  {"reason", "forceDisconnected"},
                                  {"call",
                                   {{"id", "call-id"},
                                    {"connectionId", "connection"},
                                    {"streamId", "stream"},
                                    {"createdAt", 1},
                                    {"updatedAt", 2},
                                    {"from", "from@example.com"},
                                    {"uri", "sip:user@example.com"}}}}));
}

TEST(CallbackBodyShapeTest, ApplicationsObjectsNameTheirApplication) {
  constexpr char kApp[] = "8d3f2c1a-5b6e-4f70-9a81-b2c3d4e5f607";
  MonitoringEvent monitoring;
  monitoring.kind = MonitoringEventKind::kSessionDestroyed;
  monitoring.session_id = "session";
  auto body = nlohmann::json::parse(http::CallbackBody(EventOf(kApp, monitoring)));
  EXPECT_EQ(body["applicationId"], kApp);
  EXPECT_EQ(body["projectId"], kApp);
  Render render;
  render.api_key = kApp;
  render.id = "render";
  auto render_body = nlohmann::json::parse(http::CallbackBody(EventOf(kApp, render)));
  EXPECT_EQ(render_body["applicationId"], kApp);
  EXPECT_EQ(render_body["event"], "render");
  Broadcast broadcast;
  broadcast.api_key = "12345678";
  auto broadcast_body = nlohmann::json::parse(http::CallbackBody(EventOf("12345678", broadcast)));
  EXPECT_EQ(broadcast_body["event"], "broadcast");
  EXPECT_FALSE(broadcast_body.contains("applicationId"));
}

TEST(CallbackBodyShapeTest, AudioConnectorBodiesNeverCarryHeaderValues) {
  AudioConnectorEvent audio;
  audio.call.id = "call";
  audio.call.connection_id = "connection";
  audio.call.session_id = "session";
  audio.call.connected = true;
  audio.headers = {{"Authorization", "Bearer secret-value"}};
  auto event = EventOf("12345678", audio);
  auto text = http::CallbackBody(event);
  EXPECT_EQ(text.find("secret-value"), std::string::npos);
  auto body = nlohmann::json::parse(text);
  EXPECT_EQ(body["event"], "audioConnector");
  EXPECT_EQ(body["connected"], true);
  EXPECT_FALSE(GroupOf(event));
}

}  // namespace
}  // namespace opentok_mock::testing
