// Experience Composer renders: a start answers 202 with the render (`starting`, the REST
// API's fields), GET and the list show it, a stop (200 or 204) ends it and a second stop is
// 404. Unknown ids are 404, a relayed session 409, a subscriber's token 403, start bodies
// the server must refuse 400 (sent at the wire level; the SDK refuses them before any
// request) and start nothing. On a mock, a render that started (2 s of mock time) is a
// participant: its connection (kind render) publishes a stream named after it, which a
// composed archive records (a paused archive resumes), until the render is stopped.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <regex>

#include "archive_tracker.h"
#include "conformance_test.h"
#include "control_session.h"
#include "live_poll.h"
#include "sdk_status.h"
#include "service_error.h"
#include "wire_expect.h"

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

bool Listed(ControlSession const& session, std::string const& render_id) {
  auto items = session.client().ListRenders(0, 1000).items;
  return std::any_of(items.begin(), items.end(), [&](Render const& render) { return render.id == render_id; });
}

class RenderTest : public ConformanceTest {};

TEST_F(RenderTest, StartGetListStopAnswers) {
  ControlSession session(OwnProject());
  auto body = ExpectJsonAnswer(StartAtTheWire(session, StartBody(session)), 202, "POST render");
  std::string id = body.value("id", "");
  EXPECT_TRUE(std::regex_match(id, std::regex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")))
      << "id is a lowercase UUID: " << body.dump();
  EXPECT_EQ(body.value("sessionId", ""), session.id());
  EXPECT_EQ(body.value("projectId", nlohmann::json()), session.credentials().api_key) << "projectId, as a string";
  EXPECT_EQ(body.value("status", ""), "starting");
  EXPECT_EQ(body.value("url", ""), kRenderUrl);
  EXPECT_EQ(body.value("resolution", ""), "1280x720");
  EXPECT_EQ(body.value("name", ""), kRenderName);
  for (char const* member : {"createdAt", "updatedAt"}) {
    EXPECT_TRUE(body.contains(member) && body[member].is_number_integer()) << member << ": " << body.dump();
  }
  ASSERT_FALSE(id.empty());

  Render render = session.client().GetRender(id);
  EXPECT_EQ(render.session_id, session.id());
  EXPECT_EQ(render.url, kRenderUrl);
  EXPECT_EQ(render.name, kRenderName);
  EXPECT_TRUE(render.status == RenderStatus::kStarting || render.status == RenderStatus::kStarted)
      << render.status_name;
  EXPECT_TRUE(Listed(session, id)) << "the render list does not show a render that runs";
  if (target().has_control_plane()) {
    EXPECT_EQ(session.client().ListRenders().total_count, 1);
  }

  int stop = StatusOf([&] { session.client().StopRender(id); });
  EXPECT_TRUE(stop == 200 || stop == 204) << "stop answered " << stop;
  EXPECT_TRUE(Eventually([&] { return session.client().GetRender(id).status == RenderStatus::kStopped; }));
  EXPECT_FALSE(session.client().GetRender(id).reason.empty()) << "a stopped render says why";
  EXPECT_TRUE(Listed(session, id)) << "ended renders stay listed";
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
  render = session.client().GetRender(render.id);
  ASSERT_EQ(render.status, RenderStatus::kStarted) << render.status_name;
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
