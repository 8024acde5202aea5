// The broadcast answers read at the wire level through the suite's broadcast table
// (broadcast_wire_schema.h: lowercase UUID ids, integer partnerId/projectId with a project,
// millisecond times, known enumerations, `broadcastUrls.rtmp` always an array of outputs
// with their status, `broadcastUrls` null once stopped, no null numbers, what was sent echoed)
// on start, get, list and stop, and the list envelope ({count, items}).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "broadcast_tracker.h"
#include "broadcast_wire_schema.h"
#include "conformance_test.h"
#include "opentok_common/url.h"
#include "publishing_session.h"
#include "wire_schemas.h"

namespace opentok::conformance {
namespace {

class BroadcastShapeTest : public ConformanceTest {
 protected:
  void SetUp() override {
    if (std::string why = OpenPublishingSession(1, session_); !why.empty()) GTEST_SKIP() << why;
  }

  // Starts a broadcast at the wire level with `body` (plus the session id); checks and
  // returns the start answer, the body sent in `sent`.
  nlohmann::json Start(nlohmann::json body, nlohmann::json& sent) {
    RestClient rest = target().Rest(session_.credentials);
    body["sessionId"] = session_.session_id;
    sent = body;
    HttpResponse response = rest.Send(HttpMethod::kPost, rest.ProjectPath() + "/broadcast", body.dump());
    auto answer = nlohmann::json::parse(response.body, nullptr, false);
    if (answer.is_object() && answer.contains("id") && answer["id"].is_string()) {
      BroadcastTracker::Instance().Track(session_.credentials, answer["id"].get<std::string>());
    }
    auto started = ExpectBroadcastAnswer(response, NowMs(), session_.credentials, &sent, "POST broadcast");
    EXPECT_EQ(started.value("status", ""), "started");
    return started;
  }

  std::string Path(nlohmann::json const& broadcast) const {
    return "/v2/project/" + session_.credentials.api_key + "/broadcast/" +
           common::PercentEncode(broadcast.value("id", ""));
  }

  // GET of the broadcast: its object as the table and `sent` want it, in `status`.
  void ExpectGet(nlohmann::json const& broadcast, nlohmann::json const& sent, char const* status,
                 std::string const& what) {
    auto got = ExpectBroadcastAnswer(target().Rest(session_.credentials).Get(Path(broadcast)), NowMs(),
                                     session_.credentials, &sent, what);
    EXPECT_EQ(got.value("status", ""), status) << what;
  }

  PublishingSession session_;
};

TEST_F(BroadcastShapeTest, StartGetListStopAnswers) {
  nlohmann::json rtmp = {{"id", "loopback"}, {"serverUrl", "rtmp://127.0.0.1:1935/live"}, {"streamName", "conformance"}};
  nlohmann::json sent;
  auto started = Start({{"outputs", {{"hls", nlohmann::json::object()}, {"rtmp", nlohmann::json::array({rtmp})}}}}, sent);
  ASSERT_TRUE(started.contains("id"));
  ExpectGet(started, sent, "started", "GET broadcast");
  RestClient rest = target().Rest(session_.credentials);
  auto items = ExpectListAnswer(
      rest.Get(rest.ProjectPath() + "/broadcast?sessionId=" + common::PercentEncode(session_.session_id)),
      "GET broadcast list");
  ASSERT_EQ(items.size(), 1u) << "the session's one broadcast is not listed";
  ExpectBroadcastObject(items[0], NowMs(), session_.credentials, &sent, "list item");
  auto stopped = ExpectBroadcastAnswer(rest.Send(HttpMethod::kPost, Path(started) + "/stop"), NowMs(),
                                       session_.credentials, &sent, "POST stop");
  EXPECT_EQ(stopped.value("status", ""), "stopped");
  ExpectGet(started, sent, "stopped", "GET stopped broadcast");
}

TEST_F(BroadcastShapeTest, RtmpIsAnArrayAlsoWithoutRtmpOutputs) {
  nlohmann::json sent;
  auto started = Start({{"outputs", {{"hls", nlohmann::json::object()}}}}, sent);
  EXPECT_EQ(started.value("broadcastUrls", nlohmann::json()).value("rtmp", nlohmann::json()), nlohmann::json::array());
}

TEST_F(BroadcastShapeTest, RtmpOnlyBroadcastHasNoHls) {
  nlohmann::json rtmp = {{"serverUrl", "rtmp://127.0.0.1:1935/live"}, {"streamName", "conformance"}};
  nlohmann::json second = {{"serverUrl", "rtmp://127.0.0.1:1935/live"}, {"streamName", "conformance-2"}};
  nlohmann::json sent;
  Start({{"outputs", {{"rtmp", {rtmp, second}}}}}, sent);
}

TEST_F(BroadcastShapeTest, RequestedSettingsAreEchoed) {
  nlohmann::json sent;
  auto started = Start({{"outputs", {{"hls", {{"lowLatency", true}}}}},
                        {"resolution", "1280x720"},
                        {"maxDuration", 3600},
                        {"maxBitrate", 1500000},
                        {"streamMode", "manual"},
                        {"hasAudio", false},
                        {"multiBroadcastTag", "conformance-shape"}},
                       sent);
  ASSERT_TRUE(started.contains("id"));
  ExpectGet(started, sent, "started", "GET broadcast");
}

}  // namespace
}  // namespace opentok::conformance
