// Live captions, Experience Composer renders and the Audio Connector over HTTP: status codes
// (202s, the Ruby SDK's 204 on a render stop), JSON shapes, the SDKs' body variants (Python's
// null members, string booleans, the PHP SDK's POST read of a render), bad input (4xx JSON
// naming the problem, nothing changed), the loopback URL probe against real loopback
// servers, and the control plane.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <thread>

#include "http_fixture.h"
#include "url_probe.h"

namespace opentok_mock::testing {
namespace {

class MediaHttpTest : public HttpTest {
 protected:
  void SetUp() override { session_ = CreateSession(); }

  httplib::Result Post(std::string const& path, nlohmann::json const& body, httplib::Headers headers = {}) {
    auto all = Auth();
    all.insert(headers.begin(), headers.end());
    return client_.Post(Project() + path, all, body.dump(), "application/json");
  }
  httplib::Result Get(std::string const& path) { return client_.Get(Project() + path, Auth()); }
  httplib::Result Delete(std::string const& path, httplib::Headers headers = {}) {
    auto all = Auth();
    all.insert(headers.begin(), headers.end());
    return client_.Delete(Project() + path, all);
  }

  nlohmann::json WithToken(nlohmann::json extra = nlohmann::json::object()) {
    nlohmann::json body{{"sessionId", session_}, {"token", ClientToken(session_)}};
    body.update(extra);
    return body;
  }
  nlohmann::json RenderBody(nlohmann::json extra = nlohmann::json::object()) {
    auto body = WithToken({{"url", "https://example.com/composer"}});
    body.update(extra);
    return body;
  }
  nlohmann::json ConnectBody(nlohmann::json websocket = nlohmann::json::object()) {
    nlohmann::json options{{"uri", "wss://example.com/audio"}};
    options.update(websocket);
    return WithToken({{"websocket", options}});
  }

  std::string StartCaptions() {
    auto res = Post("/captions", WithToken());
    if (!res || res->status != 202) throw std::runtime_error("captions start failed: " + (res ? res->body : ""));
    return Json(res)["captionsId"].get<std::string>();
  }
  nlohmann::json StartRender(nlohmann::json const& body) {
    auto res = Post("/render", body);
    if (!res || res->status != 202) throw std::runtime_error("render start failed: " + (res ? res->body : ""));
    return Json(res);
  }

  std::string LastOperation() {
    auto items = Json(client_.Get("/_mock/requests"))["items"];
    return items.empty() ? "" : items.back()["operation"].get<std::string>();
  }
  std::size_t ControlCount(std::string const& family) {
    return Json(client_.Get("/_mock/" + family))["count"].get<std::size_t>();
  }

  // Canonical JSON (what nlohmann writes for the same object) and no null member.
  static void ExpectCanonical(httplib::Result const& res) {
    ASSERT_TRUE(res);
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/json");
    EXPECT_EQ(res->body, nlohmann::json::parse(res->body).dump());
    auto const json = nlohmann::json::parse(res->body);
    for (auto const& [field, value] : json.items()) EXPECT_FALSE(value.is_null()) << field;
  }
  static void ExpectEmpty(httplib::Result const& res, int status) {
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, status) << res->body;
    EXPECT_TRUE(res->body.empty()) << res->body;
    EXPECT_EQ(res->get_header_value("Content-Type"), "");
  }

  std::string session_;
};

// --- Live captions -----------------------------------------------------------------------

TEST_F(MediaHttpTest, CaptionsStartGetAndStop) {
  auto res = Post("/captions", WithToken({{"languageCode", "en-US"}, {"maxDuration", 600}}));
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 202) << res->body;
  EXPECT_EQ(LastOperation(), "captions.start");
  auto answer = Json(res);
  ASSERT_EQ(answer.size(), 1u) << res->body;
  auto id = answer["captionsId"].get<std::string>();
  EXPECT_EQ(id.size(), 36u);

  AdvanceSeconds(12);
  auto got = Get("/captions/" + id);
  ASSERT_EQ(got->status, 200) << got->body;
  ExpectCanonical(got);
  EXPECT_EQ(LastOperation(), "captions.get");
  auto captions = Json(got);
  EXPECT_EQ(captions["captionId"], id);
  EXPECT_EQ(captions["projectId"], key());  // a string
  EXPECT_EQ(captions["sessionId"], session_);
  EXPECT_EQ(captions["status"], "started");
  EXPECT_EQ(captions["duration"], 12);
  EXPECT_EQ(captions["languageCode"], "en-US");
  EXPECT_EQ(captions["provider"], "aws-transcribe");
  EXPECT_TRUE(captions["createdAt"].is_number_integer());
  EXPECT_TRUE(captions["updatedAt"].is_number_integer());
  EXPECT_FALSE(captions.contains("reason"));

  ExpectError(Post("/captions", WithToken()), 409, "Audio captioning is already enabled", 60003);
  ExpectEmpty(Post("/captions/" + id + "/stop", nlohmann::json::object()), 202);  // the .NET SDK sends {}
  EXPECT_EQ(LastOperation(), "captions.stop");
  ExpectError(client_.Post(Project() + "/captions/" + id + "/stop", Auth(), "", "application/json"), 404);
  auto stopped = Json(Get("/captions/" + id));
  EXPECT_EQ(stopped["status"], "stopped");
  EXPECT_EQ(stopped["reason"], "Stopped by user");
  ExpectError(Get("/captions/unknown"), 404);
}

TEST_F(MediaHttpTest, CaptionsBodiesAsTheSdksSendThem) {
  // The Python SDK's unset members are null; @vonage/video sends partialCaptions as a string.
  auto python = Post("/captions", WithToken({{"languageCode", nullptr},
                                             {"maxDuration", nullptr},
                                             {"partialCaptions", nullptr},
                                             {"statusCallbackUrl", nullptr}}));
  ASSERT_EQ(python->status, 202) << python->body;
  auto id = Json(python)["captionsId"].get<std::string>();
  auto control = Json(client_.Get("/_mock/captions/" + id));
  EXPECT_EQ(control["maxDuration"], 14400);
  EXPECT_EQ(control["partialCaptions"], true);
  ExpectEmpty(client_.Post("/v2/partner/" + key() + "/captions/" + id + "/stop/", Auth(), "", "text/plain"), 202);

  auto vonage = client_.Post(Project() + "/captions/", Auth(),
                             WithToken({{"partialCaptions", "false"}, {"statusCallbackUrl", "https://example.com/cb"}}).dump(),
                             "application/json");
  ASSERT_EQ(vonage->status, 202) << vonage->body;
  control = Json(client_.Get("/_mock/captions/" + Json(vonage)["captionsId"].get<std::string>()));
  EXPECT_EQ(control["partialCaptions"], false);
  EXPECT_EQ(control["statusCallbackUrl"], "https://example.com/cb");
}

TEST_F(MediaHttpTest, CaptionsBadInputIs400NamingTheProblemAndChangesNothing) {
  ExpectError(client_.Post(Project() + "/captions", Auth(), "{", "application/json"), 400, "JSON");
  ExpectError(Post("/captions", WithToken({{"maxDuration", "600"}})), 400, "maxDuration");
  ExpectError(Post("/captions", WithToken({{"maxDuration", 299}})), 400, "maxDuration");
  ExpectError(Post("/captions", WithToken({{"partialCaptions", "maybe"}})), 400, "partialCaptions");
  ExpectError(Post("/captions", WithToken({{"languageCode", "english"}})), 400, "languageCode");
  ExpectError(Post("/captions", WithToken({{"language", "en-US"}})), 400, "language");
  ExpectError(Post("/captions", {{"sessionId", session_}}), 400, "token");
  ExpectError(Post("/captions", WithToken({{"token", "nope"}})), 403);
  EXPECT_EQ(ControlCount("captions"), 0u);
  StartCaptions();  // the session was never taken
}

// --- Renders -----------------------------------------------------------------------------

TEST_F(MediaHttpTest, RenderLifecycleOverHttp) {
  auto res = Post("/render", RenderBody({{"properties", {{"name", "Composer"}}}, {"statusCallbackUrl", "https://example.com/cb"}}));
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 202) << res->body;
  ExpectCanonical(res);
  EXPECT_EQ(LastOperation(), "render.start");
  auto render = Json(res);
  auto id = render["id"].get<std::string>();
  EXPECT_EQ(id.size(), 36u);
  EXPECT_EQ(render["status"], "starting");
  EXPECT_EQ(render["sessionId"], session_);
  EXPECT_EQ(render["projectId"], key());  // a string, as the service sends it for renders
  EXPECT_EQ(render["url"], "https://example.com/composer");
  EXPECT_EQ(render["resolution"], "1280x720");
  EXPECT_EQ(render["name"], "Composer");
  EXPECT_EQ(render["callbackUrl"], "https://example.com/cb");
  EXPECT_EQ(render["event"], "render");
  EXPECT_EQ(render["createdAt"], server_.service().NowMs());
  EXPECT_FALSE(render.contains("streamId"));
  EXPECT_FALSE(render.contains("reason"));

  AdvanceSeconds(2);
  auto got = Get("/render/" + id);
  ASSERT_EQ(got->status, 200) << got->body;
  ExpectCanonical(got);
  auto started = Json(got);
  EXPECT_EQ(started["status"], "started");
  ASSERT_TRUE(started["streamId"].is_string());
  // The PHP SDK reads a render with a POST.
  auto php = Post("/render/" + id, nlohmann::json::object());
  ASSERT_EQ(php->status, 200) << php->body;
  EXPECT_EQ(Json(php), started);
  EXPECT_EQ(LastOperation(), "render.get.post");

  // The render's stream is in the session's stream list like any client's.
  auto streams = Json(Get("/session/" + session_ + "/stream"));
  ASSERT_EQ(streams["count"], 1);
  EXPECT_EQ(streams["items"][0]["id"], started["streamId"]);
  EXPECT_EQ(streams["items"][0]["name"], "Composer");

  ExpectEmpty(Delete("/render/" + id), 200);
  EXPECT_EQ(LastOperation(), "render.stop");
  ExpectError(Delete("/render/" + id), 404);
  auto stopped = Json(Get("/render/" + id));
  EXPECT_EQ(stopped["status"], "stopped");
  EXPECT_EQ(stopped["reason"], "Stopped by user");
  EXPECT_EQ(stopped["streamId"], started["streamId"]);
  auto view = Json(client_.Get("/_mock/sessions/" + session_));  // the render and its stream left
  EXPECT_TRUE(view["connections"].empty());
  EXPECT_TRUE(view["streams"].empty());
}

TEST_F(MediaHttpTest, RenderStopAnswers204ToTheRubySdkOnly) {
  auto ruby = StartRender(RenderBody())["id"].get<std::string>();
  ExpectEmpty(Delete("/render/" + ruby, {{"User-Agent", "OpenTok-Ruby-SDK/4.9.0"}}), 204);
  auto python = StartRender(RenderBody())["id"].get<std::string>();
  ExpectEmpty(Delete("/render/" + python + "/", {{"User-Agent", "OpenTok-Python-SDK/3.15.0 python/3.11"}}), 200);
}

TEST_F(MediaHttpTest, RenderBodiesAsTheSdksSendThemAndTheList) {
  // Python: every unset member null, properties included; .NET: the property spelled Name.
  auto python = StartRender(RenderBody(
      {{"maxDuration", nullptr}, {"resolution", nullptr}, {"properties", nullptr}, {"statusCallbackUrl", nullptr}}));
  EXPECT_FALSE(python.contains("name"));
  auto dotnet = StartRender(RenderBody({{"properties", {{"Name", "dotnet"}}}, {"maxDuration", 60}, {"resolution", "480x640"}}));
  EXPECT_EQ(dotnet["name"], "dotnet");
  EXPECT_EQ(dotnet["resolution"], "480x640");
  EXPECT_EQ(Json(client_.Get("/_mock/renders/" + dotnet["id"].get<std::string>()))["maxDuration"], 60);

  // The Python SDK always sends offset=0&count=50.
  auto list = client_.Get(Project() + "/render/?offset=0&count=50", Auth());
  ASSERT_EQ(list->status, 200) << list->body;
  EXPECT_EQ(list->body, nlohmann::json::parse(list->body).dump());
  EXPECT_EQ(LastOperation(), "render.list");
  auto page = Json(list);
  EXPECT_EQ(page["count"], 2);
  ASSERT_EQ(page["items"].size(), 2u);
  EXPECT_EQ(page["items"][0]["id"], dotnet["id"]);  // newest first
  auto second = Json(client_.Get(Project() + "/render?offset=1&count=1", Auth()));
  EXPECT_EQ(second["count"], 2);
  EXPECT_EQ(second["items"][0]["id"], python["id"]);
  ExpectError(client_.Get(Project() + "/render?count=1001", Auth()), 400, "count");
}

TEST_F(MediaHttpTest, RenderBadInputIs400NamingTheProblemAndChangesNothing) {
  ExpectError(Post("/render", RenderBody({{"url", "https://x.io"}})), 400, "url");
  ExpectError(Post("/render", RenderBody({{"url", 42}})), 400, "url");
  ExpectError(Post("/render", RenderBody({{"maxDuration", 59}})), 400, "maxDuration");
  ExpectError(Post("/render", RenderBody({{"resolution", "1x1"}})), 400, "resolution");
  ExpectError(Post("/render", RenderBody({{"properties", "name"}})), 400, "properties");
  ExpectError(Post("/render", RenderBody({{"properties", {{"name", ""}}}})), 400, "properties.name");
  ExpectError(Post("/render", RenderBody({{"properties", {{"title", "x"}}}})), 400, "title");
  ExpectError(Post("/render", RenderBody({{"layout", "x"}})), 400, "layout");
  ExpectError(Post("/render", RenderBody({{"token", ClientToken(session_, "subscriber")}})), 403, "role");
  auto relayed = CreateSession("p2p.preference=enabled");
  ExpectError(Post("/render", RenderBody({{"sessionId", relayed}, {"token", ClientToken(relayed)}})), 409, "routed");
  EXPECT_EQ(ControlCount("renders"), 0u);
  EXPECT_EQ(Json(Get("/render"))["count"], 0);
}

// --- The URL probe: real loopback servers --------------------------------------------------

// A loopback HTTP server on an ephemeral port that answers /ok with 200 and /broken with
// 500, counting the requests it gets.
class PageServer {
 public:
  PageServer() {
    server_.Get("/ok", [this](httplib::Request const&, httplib::Response& res) {
      ++hits_;
      res.set_content("<html></html>", "text/html");
    });
    server_.Get("/broken", [this](httplib::Request const&, httplib::Response& res) {
      ++hits_;
      res.status = 500;
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::yield();
  }
  ~PageServer() {
    server_.stop();
    thread_.join();
  }
  std::string Url(std::string const& host, std::string const& path) const {
    return "http://" + host + ":" + std::to_string(port_) + path;
  }
  int hits() const { return hits_; }

 private:
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  std::atomic<int> hits_{0};
};

// A loopback port nobody listens on: one the kernel picked for a socket that is closed again.
int ClosedPort() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof(address);
  if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&address), length) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    throw std::runtime_error("cannot pick a loopback port");
  }
  ::close(fd);
  return ntohs(address.sin_port);
}

TEST_F(MediaHttpTest, LoopbackPagesAreFetchedAndDecideTheRendersFate) {
  PageServer pages;
  std::pair<std::string, std::string> const cases[] = {
      {pages.Url("127.0.0.1", "/ok"), "started"},
      {pages.Url("localhost", "/ok?room=1"), "started"},
      {pages.Url("127.0.0.1", "/broken"), "failed"},
      {pages.Url("127.0.0.1", "/missing"), "failed"},  // 404
      {"http://127.0.0.1:" + std::to_string(ClosedPort()) + "/page", "failed"},
  };
  std::vector<std::string> ids;
  for (auto const& [url, expected] : cases) ids.push_back(StartRender(RenderBody({{"url", url}}))["id"].get<std::string>());
  EXPECT_EQ(pages.hits(), 3);  // /missing has no handler: httplib answers 404 without one
  AdvanceSeconds(2);
  for (std::size_t i = 0; i < ids.size(); ++i) {
    auto render = Json(Get("/render/" + ids[i]));
    EXPECT_EQ(render["status"], cases[i].second) << cases[i].first;
    if (cases[i].second == "failed") {
      EXPECT_EQ(render["reason"], "Could not load URL");
    }
  }
  // Rejected starts never fetch the page.
  ExpectError(Post("/render", RenderBody({{"url", pages.Url("127.0.0.1", "/ok")}, {"maxDuration", 1}})), 400);
  EXPECT_EQ(pages.hits(), 3);
}

TEST(LoopbackUrlTest, OnlyLoopbackHttpUrlsAreFetched) {
  struct Case {
    char const* url;
    char const* origin;  // nullptr: not fetched
    char const* path;
  };
  Case const cases[] = {
      {"http://127.0.0.1:8080/page", "http://127.0.0.1:8080", "/page"},
      {"HTTPS://LocalHost/", "https://localhost", "/"},
      {"http://127.45.0.9", "http://127.45.0.9", "/"},
      {"http://[::1]:9000/p?q=1#frag", "http://[::1]:9000", "/p?q=1"},
      {"http://localhost?room=1", "http://localhost", "/?room=1"},
      {"http://user:pw@127.0.0.1:81/x", "http://127.0.0.1:81", "/x"},
      {"https://example.com/composer", nullptr, nullptr},
      {"http://128.0.0.1/", nullptr, nullptr},
      {"http://localhost.example.com/", nullptr, nullptr},
      {"http://127.0.0.1.nip.io/", nullptr, nullptr},
      {"http://127.0.0.1@example.com/", nullptr, nullptr},
      {"http://[::2]/", nullptr, nullptr},
      {"http://127.0.0.1:99999/", nullptr, nullptr},
      {"http://127.0.0.1:/", nullptr, nullptr},
      {"ftp://127.0.0.1/file", nullptr, nullptr},
      {"127.0.0.1/page", nullptr, nullptr},
  };
  for (auto const& c : cases) {
    auto target = http::ParseLoopbackUrl(c.url);
    if (c.origin == nullptr) {
      EXPECT_FALSE(target) << c.url;
      EXPECT_TRUE(http::LoopbackUrlLoadable(c.url)) << c.url;  // taken as loadable, never contacted
      continue;
    }
    ASSERT_TRUE(target) << c.url;
    EXPECT_EQ(target->origin, c.origin) << c.url;
    EXPECT_EQ(target->path, c.path) << c.url;
  }
}

// --- Audio Connector -----------------------------------------------------------------------

TEST_F(MediaHttpTest, AudioConnectorConnectsSubscribesAndStops) {
  auto client = Connect(session_);
  auto stream = Publish(session_, client);
  auto res = Post("/connect", ConnectBody({{"headers", {{"Authorization", "Bearer s3cret"}, {"X-Count", 3}}},
                                           {"audioRate", 16000},
                                           {"bidirectional", "true"},
                                           {"audioTransport", {{"transport", "binary"}}}}));
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(LastOperation(), "audio.connect");
  auto call = Json(res);
  ASSERT_EQ(call.size(), 2u) << res->body;
  auto id = call["id"].get<std::string>();
  auto connection_id = call["connectionId"].get<std::string>();

  // The session view shows the WebSocket's connection and what it receives.
  auto second = Publish(session_, client);
  auto view = Json(client_.Get("/_mock/sessions/" + session_));
  nlohmann::json websocket;
  for (auto const& connection : view["connections"]) {
    if (connection["connectionId"] == connection_id) websocket = connection;
  }
  ASSERT_TRUE(websocket.is_object()) << view.dump();
  EXPECT_EQ(websocket["kind"], "websocket");
  EXPECT_EQ(websocket["subscribedStreams"], (nlohmann::json{stream, second}));

  auto control = client_.Get("/_mock/audio-connectors/" + id);
  ASSERT_EQ(control->status, 200) << control->body;
  auto shown = Json(control);
  EXPECT_EQ(shown["audioRate"], 16000);
  EXPECT_EQ(shown["bidirectional"], true);
  EXPECT_EQ(shown["headerNames"], (nlohmann::json{"Authorization", "X-Count"}));
  EXPECT_EQ(control->body.find("s3cret"), std::string::npos);  // header values are never shown
  EXPECT_EQ(shown["connected"], true);

  // Stopped by its connection id (the .NET SDK's parameter), then gone for either id.
  ExpectEmpty(Post("/connect/" + connection_id + "/stop", nlohmann::json::object()), 204);
  EXPECT_EQ(LastOperation(), "audio.disconnect");
  ExpectError(Post("/connect/" + id + "/stop", nlohmann::json::object()), 404);
  shown = Json(client_.Get("/_mock/audio-connectors?apiKey=" + key()))["items"][0];
  EXPECT_EQ(shown["connected"], false);
  EXPECT_TRUE(shown["endedAt"].is_number_integer());
  EXPECT_EQ(Json(client_.Get("/_mock/sessions/" + session_))["connections"].size(), 1u);
}

TEST_F(MediaHttpTest, AudioConnectorBadInputIs400NamingTheProblemAndChangesNothing) {
  ExpectError(Post("/connect", WithToken()), 400, "websocket");
  ExpectError(Post("/connect", ConnectBody({{"uri", "https://example.com/audio"}})), 400, "websocket.uri");
  ExpectError(Post("/connect", ConnectBody({{"streams", {1, 2}}})), 400, "streams");
  ExpectError(Post("/connect", ConnectBody({{"streams", "abc"}})), 400, "streams");
  ExpectError(Post("/connect", ConnectBody({{"headers", {{"X-A", {1}}}}})), 400, "headers");
  ExpectError(Post("/connect", ConnectBody({{"headers", {{"X-A", std::string(600, 'a')}}}})), 400, "headers");
  ExpectError(Post("/connect", ConnectBody({{"audioRate", 44100}})), 400, "audioRate");
  ExpectError(Post("/connect", ConnectBody({{"audioRate", "16000"}})), 400, "audioRate");
  ExpectError(Post("/connect", ConnectBody({{"url", "wss://x"}})), 400, "url");
  auto relayed = CreateSession("p2p.preference=enabled");
  auto body = ConnectBody();
  body["sessionId"] = relayed;
  body["token"] = ClientToken(relayed);
  ExpectError(Post("/connect", body), 409, "Only routed sessions are allowed to initiate Connect Calls.");
  EXPECT_EQ(ControlCount("audio-connectors"), 0u);
  EXPECT_TRUE(Json(client_.Get("/_mock/sessions/" + session_))["connections"].empty());
}

// --- Control plane -----------------------------------------------------------------------

TEST_F(MediaHttpTest, ControlPlaneListsAndFails) {
  auto captions_id = StartCaptions();
  auto render_id = StartRender(RenderBody())["id"].get<std::string>();
  AdvanceSeconds(2);

  auto captions = Json(client_.Get("/_mock/captions?apiKey=" + key()));
  ASSERT_EQ(captions["count"], 1);
  EXPECT_EQ(captions["items"][0]["captionId"], captions_id);
  EXPECT_EQ(Json(client_.Get("/_mock/captions?apiKey=99999"))["count"], 0);
  auto failed = client_.Post("/_mock/captions/" + captions_id + "/fail", "", "application/json");
  ASSERT_EQ(failed->status, 200) << failed->body;
  EXPECT_EQ(Json(failed)["status"], "failed");
  ExpectError(client_.Post("/_mock/captions/" + captions_id + "/fail", "", "application/json"), 409);
  EXPECT_EQ(Json(Get("/captions/" + captions_id))["status"], "failed");

  auto render = Json(client_.Get("/_mock/renders/" + render_id));
  EXPECT_EQ(render["status"], "started");
  auto connection_id = render["connectionId"].get<std::string>();
  auto view = Json(client_.Get("/_mock/sessions/" + session_));
  ASSERT_EQ(view["connections"].size(), 1u);
  EXPECT_EQ(view["connections"][0]["connectionId"], connection_id);
  EXPECT_EQ(view["connections"][0]["kind"], "render");
  auto render_failed = Json(client_.Post("/_mock/renders/" + render_id + "/fail", "", "application/json"));
  EXPECT_EQ(render_failed["status"], "failed");
  EXPECT_EQ(render_failed["reason"], "System failure");
  EXPECT_TRUE(Json(client_.Get("/_mock/sessions/" + session_))["connections"].empty());
  EXPECT_EQ(Json(client_.Get("/_mock/renders"))["count"], 1);

  ExpectError(client_.Get("/_mock/captions/unknown"), 404);
  ExpectError(client_.Get("/_mock/renders/unknown"), 404);
  ExpectError(client_.Post("/_mock/renders/unknown/fail", "", "application/json"), 404);
  ExpectError(client_.Get("/_mock/audio-connectors/unknown"), 404);
}

}  // namespace
}  // namespace opentok_mock::testing
