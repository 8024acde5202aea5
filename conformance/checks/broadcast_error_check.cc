// Broadcast error semantics: unknown ids (404), relayed sessions (409), sessions without
// clients (400), start bodies the server must refuse (400, sent at the wire level because
// the SDK stops them before any request), and the SDK's own argument checks.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "broadcast_tracker.h"
#include "conformance_test.h"
#include "opentok_common/random.h"
#include "publishing_session.h"
#include "wire_expect.h"

namespace opentok::conformance {
namespace {

std::string UnknownId() { return common::FormatUuidV4(common::RandomBytes(16)); }

class BroadcastErrorTest : public ConformanceTest {};

TEST_F(BroadcastErrorTest, UnknownBroadcastIdIsNotFound) {
  OpenTok client = target().Client(OwnProject());
  std::string id = UnknownId();
  for (auto const& [name, call] : std::vector<std::pair<char const*, std::function<void()>>>{
           {"get", [&] { client.GetBroadcast(id); }},
           {"stop", [&] { client.StopBroadcast(id); }},
           {"layout", [&] { client.SetBroadcastLayout(id, Layout{.type = "pip"}); }},
           {"add-stream", [&] { client.AddStreamToBroadcast(id, UnknownId()); }},
       }) {
    try {
      call();
      ADD_FAILURE() << name << ": an unknown broadcast id was accepted";
    } catch (NotFoundException const& e) {
      EXPECT_EQ(e.http_status(), 404) << name;
      EXPECT_FALSE(e.service_message().empty()) << name << ": the 404 carries no message";
    }
  }
}

TEST_F(BroadcastErrorTest, RelayedSessionIsConflict) {
  OPENTOK_REQUIRE_CONTROL_PLANE("a connected client, so that 409 is about the media mode");
  Credentials credentials = OwnProject();
  OpenTok client = target().Client(credentials);
  std::string session_id = client.CreateSession("", MediaMode::kRelayed).id;
  auto connection = target().control().Connect(session_id, target().TokenClient(credentials).GenerateToken(session_id));
  target().control().Publish(session_id, connection.connection_id);
  try {
    StartTrackedBroadcast(client, credentials, session_id, SuiteBroadcastOptions());
    FAIL() << "a relayed session was broadcast";
  } catch (ConflictException const& e) {
    EXPECT_EQ(e.http_status(), 409);
    EXPECT_FALSE(e.service_message().empty());
  }
}

TEST_F(BroadcastErrorTest, WithoutConnectedClientsIsBadRequest) {
  Credentials credentials = OwnProject();
  OpenTok client = target().Client(credentials);
  std::string session_id = client.CreateSession("", MediaMode::kRouted).id;
  try {
    StartTrackedBroadcast(client, credentials, session_id, SuiteBroadcastOptions());
    FAIL() << "a broadcast started in a session without clients";
  } catch (RequestException const& e) {
    EXPECT_EQ(e.http_status(), 400);
    EXPECT_FALSE(e.service_message().empty());
  }
}

// Start bodies the server itself must refuse, each a valid body with one thing wrong.
TEST_F(BroadcastErrorTest, InvalidStartBodiesAreBadRequestAtTheWire) {
  PublishingSession session;
  if (std::string why = OpenPublishingSession(1, session); !why.empty()) GTEST_SKIP() << why;
  nlohmann::json rtmp = {{"serverUrl", "rtmp://127.0.0.1:1935/live"}, {"streamName", "conformance"}};
  nlohmann::json valid = {{"sessionId", session.session_id}, {"outputs", {{"hls", nlohmann::json::object()}}}};
  auto with = [&](char const* key, nlohmann::json value) {
    nlohmann::json body = valid;
    body[key] = std::move(value);
    return body.dump();
  };
  auto without = [&](char const* key) {
    nlohmann::json body = valid;
    body.erase(key);
    return body.dump();
  };
  std::vector<std::pair<char const*, std::string>> cases{
      {"six RTMP outputs (at most 5)", with("outputs", {{"rtmp", nlohmann::json::array({rtmp, rtmp, rtmp, rtmp, rtmp, rtmp})}})},
      {"no outputs member", without("outputs")},
      {"no output in outputs", with("outputs", nlohmann::json::object())},
      {"dvr together with lowLatency", with("outputs", {{"hls", {{"dvr", true}, {"lowLatency", true}}}})},
      {"RTMP output without serverUrl",
       with("outputs", {{"rtmp", nlohmann::json::array({nlohmann::json{{"streamName", "conformance"}}})}})},
      {"RTMP output without streamName",
       with("outputs", {{"rtmp", nlohmann::json::array({nlohmann::json{{"serverUrl", "rtmp://127.0.0.1/live"}}})}})},
      {"maxDuration below 60", with("maxDuration", 59)},
      {"maxDuration above 36000", with("maxDuration", 36001)},
      {"unknown resolution", with("resolution", "800x600")},
      {"unknown layout type", with("layout", {{"type", "mosaic"}})},
      {"neither audio nor video", [&] {
         nlohmann::json body = valid;
         body["hasAudio"] = false;
         body["hasVideo"] = false;
         return body.dump();
       }()},
      {"no sessionId", without("sessionId")},
      {"not JSON", valid.dump().substr(1)},
  };
  RestClient rest = target().Rest(session.credentials);
  for (auto const& [what, body] : cases) {
    HttpResponse response = rest.Send(HttpMethod::kPost, rest.ProjectPath() + "/broadcast", body);
    ExpectErrorAnswer(response, 400, what);
    if (response.status == 200) {  // clean up what should not have started
      auto started = nlohmann::json::parse(response.body, nullptr, false);
      if (started.is_object() && started.contains("id")) {
        BroadcastTracker::Instance().Track(session.credentials, started["id"].get<std::string>());
      }
    }
  }
}

TEST_F(BroadcastErrorTest, SdkRejectsInvalidBroadcastArgumentsBeforeAnyRequest) {
  OpenTok client = target().Client();
  std::string session_id = "1_MX4xMjM0NTZ-fjE3MjY0NjI1ODg2NDd-MTF4TGExYmJoelBlR1FHbVhzbWd4STBrfn5-";
  RtmpDestination rtmp{.server_url = "rtmp://127.0.0.1/live", .stream_name = "s"};
  auto options = [&](auto&& change) {
    StartBroadcastOptions o = SuiteBroadcastOptions();
    change(o);
    return o;
  };
  int before = target().recorder().request_count();
  for (auto const& [what, invalid] : std::vector<std::pair<char const*, StartBroadcastOptions>>{
           {"no output", options([](auto& o) { o.hls.reset();
             o.rtmp.clear(); })},
           {"six RTMP outputs", options([&](auto& o) { o.rtmp.assign(6, rtmp); })},
           {"dvr with low latency", options([](auto& o) { o.hls = HlsOptions{.dvr = true, .low_latency = true}; })},
           {"RTMP without server URL", options([](auto& o) { o.rtmp[0].server_url.clear(); })},
           {"RTMP without stream name", options([](auto& o) { o.rtmp[0].stream_name.clear(); })},
           {"maxDuration 59", options([](auto& o) { o.max_duration = 59; })},
           {"maxDuration 36001", options([](auto& o) { o.max_duration = 36001; })},
           {"resolution 800x600", options([](auto& o) { o.resolution = "800x600"; })},
           {"custom layout without stylesheet", options([](auto& o) { o.layout = Layout{.type = "custom"}; })},
       }) {
    EXPECT_THROW(client.StartBroadcast(session_id, invalid), ArgumentException) << what;
  }
  EXPECT_THROW(client.StartBroadcast("", SuiteBroadcastOptions()), ArgumentException);
  EXPECT_THROW(client.GetBroadcast(""), ArgumentException);
  EXPECT_THROW(client.StopBroadcast(""), ArgumentException);
  EXPECT_THROW(client.SetBroadcastLayout("", Layout{}), ArgumentException);
  EXPECT_THROW(client.AddStreamToBroadcast(UnknownId(), ""), ArgumentException);
  EXPECT_THROW(client.SetStreamClassLists(session_id, {}), ArgumentException) << "no item";
  EXPECT_THROW(client.SetStreamClassLists(session_id, {{"", {"focus"}}}), ArgumentException) << "an empty stream id";
  EXPECT_EQ(target().recorder().request_count(), before) << "an invalid call reached the network";
}

}  // namespace
}  // namespace opentok::conformance
