// Experience Composer renders: a start answers 202 with the render (`starting`), GET and the
// list show it, every answer read raw through the suite's render table (media_wire_schemas.h)
// and list envelope, a stop (200 or 204) ends it and a second stop is 404. Unknown ids are 404, a relayed session 409, a subscriber's token 403, start bodies
// the server must refuse 400 (sent at the wire level; the SDK refuses them before any
// request) and start nothing. On a mock, a render that started (2 s of mock time) is a
// participant: its connection (kind render) publishes a stream named after it, which a
// composed archive records (a paused archive resumes), until the render is stopped.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "archive_tracker.h"
#include "conformance_test.h"
#include "control_session.h"
#include "live_poll.h"
#include "sdk_status.h"
#include "service_error.h"
#include "media_wire_schemas.h"
#include "wire_expect.h"
#include "wire_schemas.h"

namespace opentok::conformance {
namespace {

constexpr char kRenderName[] = "conformance render";

nlohmann::json StartBody(ControlSession const& session, Role role = Role::kPublisher) {
  return {{"sessionId", session.id()},
          {"token", session.Token(role)},
          {"url", kRenderUrl},
          {"maxDuration", 1800},
          {"resolution", "1280x720"},
          {"properties", {{"name", kRenderName}}}};
}

// Starts a render at the wire level (tracked when it starts).
HttpResponse StartAtTheWire(ControlSession const& session, nlohmann::json const& body) {
  RestClient rest = session.Rest();
  HttpResponse response = rest.Send(HttpMethod::kPost, rest.ProjectPath() + "/render", body.dump());
  session.TrackAnswer(MediaKind::kRender, response, "id");
  return response;
}

std::string RenderPath(ControlSession const& session, std::string const& id) {
  return session.Rest().ProjectPath() + "/render/" + id;
}

class RenderTest : public ConformanceTest {
 protected:
  // The project's render list read raw: the envelope, and the render `id` listed as the table
  // and `sent` want it. With a control plane the project has only this render.
  void ExpectListed(ControlSession const& session, std::string const& id, nlohmann::json const& sent,
                    std::string const& what) const {
    RestClient rest = session.Rest();
    auto items = ExpectListAnswer(rest.Get(rest.ProjectPath() + "/render?offset=0&count=1000"), what);
    auto const item = FindBy(items, "id", id);
    ASSERT_TRUE(item) << what << ": the render is not listed";
    ExpectRenderObject(*item, NowMs(), session.credentials(), &sent, what + " item");
    if (target().has_control_plane()) {
      EXPECT_EQ(items.size(), 1u) << what << ": a project of its own has one render";
    }
  }
};

TEST_F(RenderTest, StartGetListStopAnswers) {
  ControlSession session(OwnProject());
  RestClient rest = session.Rest();
  nlohmann::json const sent = StartBody(session);
  auto started = ExpectRenderAnswer(StartAtTheWire(session, sent), 202, NowMs(), session.credentials(), &sent,
                                    "POST render");
  EXPECT_EQ(started.value("status", ""), "starting");
  std::string id = started.value("id", "");
  ASSERT_FALSE(id.empty());

  auto got = ExpectRenderAnswer(rest.Get(RenderPath(session, id)), 200, NowMs(), session.credentials(), &sent,
                                "GET render");
  std::string status = got.value("status", "");
  EXPECT_TRUE(status == "starting" || status == "started") << status;
  ExpectListed(session, id, sent, "GET render list");

  // Not settled by the SDKs: py-ot and java-ot want 200, rb-ot 204; both are accepted.
  int stop = StatusOf([&] { session.client().StopRender(id); });
  EXPECT_TRUE(stop == 200 || stop == 204) << "stop answered " << stop;
  EXPECT_TRUE(Eventually([&] { return session.client().GetRender(id).status == RenderStatus::kStopped; }));
  auto stopped = ExpectRenderAnswer(rest.Get(RenderPath(session, id)), 200, NowMs(), session.credentials(), &sent,
                                    "GET stopped render");
  EXPECT_EQ(stopped.value("status", ""), "stopped");
  ExpectListed(session, id, sent, "GET render list after the stop (ended renders stay listed)");
  ExpectServiceError<NotFoundException>(404, "a second stop", [&] { session.client().StopRender(id); });
}

TEST_F(RenderTest, UnknownIdIsNotFoundAndRelayedSessionIsConflict) {
  ControlSession relayed(OwnProject(), MediaMode::kRelayed);
  std::string id = UnknownId();
  ExpectServiceError<NotFoundException>(404, "get", [&] { relayed.client().GetRender(id); });
  ExpectServiceError<NotFoundException>(404, "stop", [&] { relayed.client().StopRender(id); });
  ExpectServiceError<ConflictException>(409, "a render of a relayed session",
                                        [&] { relayed.StartRender(RenderOptions{.url = kRenderUrl}); });
}

TEST_F(RenderTest, InvalidStartIsRefusedAtTheWireAndStartsNothing) {
  ControlSession session(OwnProject());
  auto with = [&](char const* member, nlohmann::json value) {
    nlohmann::json body = StartBody(session);
    body[member] = std::move(value);
    return body;
  };
  nlohmann::json without_url = StartBody(session);
  without_url.erase("url");
  for (auto const& [what, body] : std::vector<std::pair<char const*, nlohmann::json>>{
           {"a url of 14 characters", with("url", "https://a.b/cd")},
           {"no url", without_url},
           {"maxDuration 59", with("maxDuration", 59)},
           {"maxDuration 36001", with("maxDuration", 36001)},
           {"resolution 800x600", with("resolution", "800x600")},
           {"an empty name", with("properties", {{"name", ""}})},
           {"a name of 201 characters", with("properties", {{"name", std::string(201, 'n')}})},
       }) {
    ExpectErrorAnswer(StartAtTheWire(session, body), 400, what);
  }
  ExpectErrorAnswer(StartAtTheWire(session, StartBody(session, Role::kSubscriber)), 403,
                    "a subscriber's token (the render publishes with it)");
  if (target().has_control_plane()) {
    EXPECT_EQ(session.client().ListRenders().total_count, 0) << "a refused start made a render";
  }
}

TEST_F(RenderTest, StartedRenderIsRecordedByAComposedArchive) {
  OPENTOK_REQUIRE_CONTROL_PLANE("the mock clock and the session view");
  ControlSession session(OwnProject());
  session.Connect();  // a client that does not publish: the archive can start, and waits
  Archive archive = session.client().StartArchive(session.id());
  ArchiveTracker::Instance().Track(session.credentials(), archive.id);
  ASSERT_EQ(session.client().GetArchive(archive.id).status, ArchiveStatus::kPaused) << "nobody publishes yet";

  Render render = session.StartRender(RenderOptions{.url = kRenderUrl, .name = kRenderName});
  EXPECT_EQ(render.status, RenderStatus::kStarting);
  target().control().Advance(2);  // the page loads
  auto started = ExpectRenderAnswer(session.Rest().Get(RenderPath(session, render.id)), 200, NowMs(),
                                    session.credentials(), nullptr, "GET started render");
  ASSERT_EQ(started.value("status", ""), "started");
  render.stream_id = started.value("streamId", "");
  ASSERT_FALSE(render.stream_id.empty()) << "a started render names its stream";

  auto view = session.View();
  auto const stream = FindBy(view.at("streams"), "id", render.stream_id);
  ASSERT_TRUE(stream) << "the render's stream is not in the session";
  EXPECT_EQ(stream->value("name", ""), kRenderName);
  auto const connection = FindBy(view.at("connections"), "connectionId", stream->value("connectionId", ""));
  ASSERT_TRUE(connection);
  EXPECT_EQ(connection->value("kind", ""), "render");
  EXPECT_EQ(session.client().GetArchive(archive.id).status, ArchiveStatus::kStarted)
      << "the archive does not record the render's stream";

  session.client().StopRender(render.id);
  EXPECT_FALSE(FindBy(session.View().at("streams"), "id", render.stream_id)) << "the stream outlived the render";
  EXPECT_EQ(session.client().GetArchive(archive.id).status, ArchiveStatus::kPaused) << "nobody publishes any more";
}

TEST_F(RenderTest, SdkRejectsInvalidOptionsBeforeAnyRequest) {
  OpenTok client = target().Client();
  std::string session_id = UnknownSessionId(target().credentials().api_key);
  std::string token = target().TokenClient().GenerateToken(session_id);
  int before = target().recorder().request_count();
  for (auto const& [what, options] : std::vector<std::pair<char const*, RenderOptions>>{
           {"no url", {}},
           {"a url of 14 characters", {.url = "https://a.b/cd"}},
           {"maxDuration 59", {.url = kRenderUrl, .max_duration = 59}},
           {"maxDuration 36001", {.url = kRenderUrl, .max_duration = 36001}},
           {"a name of 201 characters", {.url = kRenderUrl, .name = std::string(201, 'n')}},
       }) {
    EXPECT_THROW(client.StartRender(session_id, token, options), ArgumentException) << what;
  }
  EXPECT_THROW(client.StartRender(session_id, "", RenderOptions{.url = kRenderUrl}), ArgumentException) << "no token";
  EXPECT_THROW(client.GetRender(""), ArgumentException);
  EXPECT_THROW(client.StopRender(""), ArgumentException);
  EXPECT_THROW(client.ListRenders(0, 1001), ArgumentException);
  EXPECT_EQ(target().recorder().request_count(), before) << "an invalid call reached the network";
}

}  // namespace
}  // namespace opentok::conformance
