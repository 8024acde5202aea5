// The broadcast answer's shape, read at the wire level, as the strictest official SDK
// parsers need it: lowercase UUID ids, integer partnerId/projectId and millisecond
// times, `broadcastUrls.rtmp` always an array (the .NET SDK casts it to an array, the
// Java SDK iterates it), `broadcastUrls` null once stopped, no null numbers.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <set>

#include "broadcast_tracker.h"
#include "conformance_test.h"
#include "opentok_common/url.h"
#include "publishing_session.h"
#include "wire_expect.h"

namespace opentok::conformance {
namespace {

bool IsLowercaseUuid(std::string const& text) {
  if (text.size() != 36) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    char c = text[i];
    if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

// Paths of null members, except the ones in `allowed` (top-level member names).
void CollectNulls(nlohmann::json const& json, std::string const& path, std::set<std::string> const& allowed,
                  std::vector<std::string>& nulls) {
  if (json.is_null() && !allowed.contains(path)) nulls.push_back(path);
  if (json.is_object()) {
    for (auto const& [key, value] : json.items()) CollectNulls(value, path.empty() ? key : path + "." + key, allowed, nulls);
  }
  if (json.is_array()) {
    for (std::size_t i = 0; i < json.size(); ++i) CollectNulls(json[i], path + "[" + std::to_string(i) + "]", allowed, nulls);
  }
}

class BroadcastShapeTest : public ConformanceTest {
 protected:
  void SetUp() override {
    if (std::string why = OpenPublishingSession(1, session_); !why.empty()) GTEST_SKIP() << why;
  }

  // Starts a broadcast at the wire level with `outputs`; returns the start answer.
  nlohmann::json Start(nlohmann::json outputs) {
    RestClient rest = target().Rest(session_.credentials);
    nlohmann::json body = {{"sessionId", session_.session_id}, {"outputs", std::move(outputs)}};
    auto answer = ExpectJsonAnswer(rest.Send(HttpMethod::kPost, rest.ProjectPath() + "/broadcast", body.dump()), 200,
                                   "POST broadcast");
    if (answer.contains("id") && answer["id"].is_string()) {
      BroadcastTracker::Instance().Track(session_.credentials, answer["id"].get<std::string>());
    }
    return answer;
  }

  std::string Path(nlohmann::json const& broadcast) const {
    return "/v2/project/" + session_.credentials.api_key + "/broadcast/" +
           common::PercentEncode(broadcast.value("id", ""));
  }

  // Everything a started or stopped broadcast answer must be; `where` names the answer.
  void ExpectShape(nlohmann::json const& b, bool started, std::string const& where) const {
    SCOPED_TRACE(where);
    ASSERT_TRUE(b.is_object());
    EXPECT_TRUE(b.contains("id") && b["id"].is_string() && IsLowercaseUuid(b["id"].get<std::string>()))
        << "id is not a lowercase UUID: " << b.value("id", nlohmann::json()).dump();
    EXPECT_EQ(b.value("sessionId", nlohmann::json()), session_.session_id);
    // A project's key is an integer; an application's UUID can only be a string.
    nlohmann::json owner = session_.credentials.is_application() ? nlohmann::json(session_.credentials.api_key)
                                                                 : nlohmann::json(std::stoll(session_.credentials.api_key));
    for (char const* member : {"partnerId", "projectId"}) {
      bool typed = b.contains(member) && (owner.is_string() ? b[member].is_string() : b[member].is_number_integer());
      EXPECT_TRUE(typed) << member << " is not " << (owner.is_string() ? "a string" : "an integer");
      EXPECT_EQ(b.value(member, nlohmann::json()), owner) << member;
    }
    auto now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(target().Now().time_since_epoch()).count();
    for (char const* member : {"createdAt", "updatedAt"}) {
      ASSERT_TRUE(b.contains(member) && b[member].is_number_integer()) << member << " is not an integer";
      // Milliseconds, near the target's clock (seconds would be a thousand times smaller).
      EXPECT_LT(std::llabs(b[member].get<std::int64_t>() - now_ms), 24LL * 3600 * 1000) << member << " is not ms now";
    }
    EXPECT_GE(b.value("updatedAt", 0LL), b.value("createdAt", 0LL));
    EXPECT_EQ(b.value("status", ""), started ? "started" : "stopped");
    EXPECT_TRUE(b.contains("maxDuration") && b["maxDuration"].is_number_integer()) << "maxDuration";
    EXPECT_TRUE(b.contains("resolution") && b["resolution"].is_string()) << "resolution";
    std::string mode = b.value("streamMode", "");
    EXPECT_TRUE(mode == "auto" || mode == "manual") << "streamMode " << mode;
    for (char const* member : {"hasAudio", "hasVideo"}) {
      EXPECT_TRUE(b.contains(member) && b[member].is_boolean()) << member;
    }
    if (b.contains("event")) {
      EXPECT_EQ(b["event"], "broadcast");
    }
    std::vector<std::string> nulls;
    CollectNulls(b, "", started ? std::set<std::string>{} : std::set<std::string>{"broadcastUrls"}, nulls);
    EXPECT_TRUE(nulls.empty()) << "null members: " << testing::PrintToString(nulls);
    if (!started) {
      EXPECT_TRUE(b.contains("broadcastUrls") && b["broadcastUrls"].is_null()) << "broadcastUrls is not null when stopped";
      return;
    }
    ASSERT_TRUE(b.contains("broadcastUrls") && b["broadcastUrls"].is_object()) << "broadcastUrls";
    auto const& urls = b["broadcastUrls"];
    ASSERT_TRUE(urls.contains("rtmp") && urls["rtmp"].is_array()) << "broadcastUrls.rtmp is not an array";
    for (auto const& rtmp : urls["rtmp"]) {
      for (char const* member : {"serverUrl", "streamName", "status"}) {
        EXPECT_TRUE(rtmp.contains(member) && rtmp[member].is_string()) << "rtmp item " << member;
      }
      // The id is the caller's optional label: echoed when given.
      if (rtmp.contains("id")) {
        EXPECT_TRUE(rtmp["id"].is_string()) << "rtmp item id";
      }
      static std::set<std::string> const kRtmpStatuses{"connecting", "live", "offline", "error"};
      EXPECT_TRUE(kRtmpStatuses.contains(rtmp.value("status", ""))) << "rtmp status " << rtmp.value("status", "");
    }
  }

  void ExpectHls(nlohmann::json const& b, bool expected) const {
    if (!b.contains("broadcastUrls") || !b["broadcastUrls"].is_object()) return;
    auto const& urls = b["broadcastUrls"];
    EXPECT_EQ(urls.contains("hls"), expected) << "broadcastUrls.hls";
    EXPECT_EQ(b.contains("settings") && b["settings"].contains("hls"), expected) << "settings.hls";
    if (!expected) return;
    EXPECT_TRUE(urls["hls"].is_string() && urls["hls"].get<std::string>().starts_with("http")) << urls["hls"];
    static std::set<std::string> const kHlsStatuses{"connecting", "ready", "live", "ended", "error"};
    EXPECT_TRUE(kHlsStatuses.contains(urls.value("hlsStatus", ""))) << "hlsStatus " << urls.value("hlsStatus", "");
    for (char const* member : {"lowLatency", "dvr"}) {
      EXPECT_TRUE(b["settings"]["hls"].contains(member) && b["settings"]["hls"][member].is_boolean()) << member;
    }
  }

  PublishingSession session_;
};

TEST_F(BroadcastShapeTest, StartGetListStopAnswers) {
  nlohmann::json rtmp = {{"id", "loopback"}, {"serverUrl", "rtmp://127.0.0.1:1935/live"}, {"streamName", "conformance"}};
  auto started = Start({{"hls", nlohmann::json::object()}, {"rtmp", nlohmann::json::array({rtmp})}});
  ExpectShape(started, true, "start answer");
  ExpectHls(started, true);
  ASSERT_TRUE(started.contains("id"));
  ASSERT_EQ(started["broadcastUrls"]["rtmp"].size(), 1u);
  EXPECT_EQ(started["broadcastUrls"]["rtmp"][0].value("id", ""), "loopback") << "the RTMP output's id is echoed";
  RestClient rest = target().Rest(session_.credentials);
  auto got = ExpectJsonAnswer(rest.Get(Path(started)), 200, "GET broadcast");
  ExpectShape(got, true, "get answer");
  auto list = ExpectJsonAnswer(
      rest.Get(rest.ProjectPath() + "/broadcast?sessionId=" + common::PercentEncode(session_.session_id)), 200,
      "GET broadcast list");
  EXPECT_TRUE(list.contains("count") && list["count"].is_number_integer()) << "list count";
  ASSERT_TRUE(list.contains("items") && list["items"].is_array() && !list["items"].empty()) << "list items";
  ExpectShape(list["items"][0], true, "list item");
  auto stopped = ExpectJsonAnswer(rest.Send(HttpMethod::kPost, Path(started) + "/stop"), 200, "POST stop");
  ExpectShape(stopped, false, "stop answer");
  ExpectShape(ExpectJsonAnswer(rest.Get(Path(started)), 200, "GET stopped broadcast"), false, "get after stop");
}

TEST_F(BroadcastShapeTest, RtmpIsAnArrayAlsoWithoutRtmpOutputs) {
  auto started = Start({{"hls", nlohmann::json::object()}});
  ExpectShape(started, true, "HLS-only start answer");
  ExpectHls(started, true);
  EXPECT_EQ(started["broadcastUrls"].value("rtmp", nlohmann::json()), nlohmann::json::array());
}

TEST_F(BroadcastShapeTest, RtmpOnlyBroadcastHasNoHls) {
  nlohmann::json rtmp = {{"serverUrl", "rtmp://127.0.0.1:1935/live"}, {"streamName", "conformance"}};
  auto started = Start({{"rtmp", {rtmp, rtmp}}});
  ExpectShape(started, true, "RTMP-only start answer");
  ExpectHls(started, false);
  EXPECT_EQ(started["broadcastUrls"].value("rtmp", nlohmann::json()).size(), 2u);
}

TEST_F(BroadcastShapeTest, RequestedSettingsAreEchoed) {
  RestClient rest = target().Rest(session_.credentials);
  nlohmann::json body = {{"sessionId", session_.session_id},
                         {"outputs", {{"hls", {{"lowLatency", true}}}}},
                         {"resolution", "1280x720"},
                         {"maxDuration", 3600},
                         {"maxBitrate", 1500000},
                         {"streamMode", "manual"},
                         {"hasAudio", false},
                         {"multiBroadcastTag", "conformance-shape"}};
  auto b = ExpectJsonAnswer(rest.Send(HttpMethod::kPost, rest.ProjectPath() + "/broadcast", body.dump()), 200,
                            "POST broadcast");
  if (b.contains("id")) BroadcastTracker::Instance().Track(session_.credentials, b["id"].get<std::string>());
  ExpectShape(b, true, "start answer");
  EXPECT_EQ(b.value("resolution", ""), "1280x720");
  EXPECT_EQ(b.value("maxDuration", 0), 3600);
  EXPECT_EQ(b.value("maxBitrate", 0), 1500000);
  EXPECT_EQ(b.value("streamMode", ""), "manual");
  EXPECT_EQ(b.value("hasAudio", true), false);
  EXPECT_EQ(b.value("hasVideo", false), true);
  EXPECT_EQ(b.value("multiBroadcastTag", ""), "conformance-shape");
  EXPECT_EQ(b.value("settings", nlohmann::json()), (nlohmann::json{{"hls", {{"lowLatency", true}, {"dvr", false}}}}));
}

}  // namespace
}  // namespace opentok::conformance
