// What a running broadcast's outputs report, and the timed stop when the session ends,
// driven through the mock's control plane and clock: outputs are connecting until
// someone publishes, live while someone does and idle (RTMP offline, HLS ready) when
// nobody does any more;
// an output the control plane fails is `error` while the broadcast goes on; the HLS URL
// serves a playlist; the broadcast stops 60 s after the last client left, not earlier.
#include <gtest/gtest.h>
#include <strings.h>

#include "broadcast_tracker.h"
#include "conformance_test.h"
#include "publishing_session.h"

namespace opentok::conformance {
namespace {

// The RTMP destination id of SuiteBroadcastOptions().
constexpr char kRtmpId[] = "loopback";

class BroadcastOutputTest : public ConformanceTest {
 protected:
  void SetUp() override {
    OPENTOK_REQUIRE_CONTROL_PLANE("simulated publishers, failing outputs and the mock clock");
    // A connected client that does not publish yet: the tests publish when they need to.
    ASSERT_EQ(OpenPublishingSession(0, session_), "");
    client_.emplace(target().Client(session_.credentials));
    id_ = StartTrackedBroadcast(*client_, session_.credentials, session_.session_id, SuiteBroadcastOptions()).id;
  }

  // "hls=<status> rtmp=<status>", or "stopped" once broadcastUrls is gone.
  std::string Outputs() const {
    Broadcast broadcast = client_->GetBroadcast(id_);
    if (!broadcast.broadcast_urls) return "no broadcastUrls (" + broadcast.status_name + ")";
    std::string text = "hls=" + broadcast.broadcast_urls->hls_status_name;
    for (auto const& rtmp : broadcast.broadcast_urls->rtmp) text += " " + rtmp.id + "=" + rtmp.status_name;
    return text;
  }
  static std::string Both(char const* hls, char const* rtmp) { return std::string("hls=") + hls + " " + kRtmpId + "=" + rtmp; }

  PublishingSession session_;
  std::optional<OpenTok> client_;
  std::string id_;
};

TEST_F(BroadcastOutputTest, OutputsFollowThePublishers) {
  EXPECT_EQ(Outputs(), Both("connecting", "connecting")) << "started while nobody publishes";
  target().control().Advance(30);
  EXPECT_EQ(Outputs(), Both("connecting", "connecting")) << "30 s later, still nobody publishes";
  std::string stream = target().control().Publish(session_.session_id, session_.connection_id);
  EXPECT_EQ(Outputs(), Both("live", "live")) << "a stream is published";
  target().control().Unpublish(session_.session_id, stream);
  EXPECT_EQ(Outputs(), Both("ready", "offline")) << "nobody publishes any more";
  target().control().Publish(session_.session_id, session_.connection_id);
  EXPECT_EQ(Outputs(), Both("live", "live")) << "someone publishes again";
}

TEST_F(BroadcastOutputTest, FailedOutputIsErrorWhileTheBroadcastGoesOn) {
  target().control().Publish(session_.session_id, session_.connection_id);
  target().control().FailBroadcastOutput(id_, kRtmpId);
  EXPECT_EQ(Outputs(), Both("live", "error")) << "only the failed RTMP output";
  target().control().FailBroadcastOutput(id_);
  EXPECT_EQ(Outputs(), Both("error", "error")) << "every output failed";
  EXPECT_EQ(client_->GetBroadcast(id_).status, BroadcastStatus::kStarted);
  EXPECT_EQ(client_->StopBroadcast(id_).status, BroadcastStatus::kStopped) << "a broadcast with failed outputs stops";
}

TEST_F(BroadcastOutputTest, HlsUrlServesAPlaylist) {
  Broadcast broadcast = client_->GetBroadcast(id_);
  ASSERT_TRUE(broadcast.broadcast_urls.has_value());
  std::string const& url = broadcast.broadcast_urls->hls;
  ASSERT_FALSE(url.empty()) << "an HLS broadcast has an HLS URL";
  // The public playlist URL, fetched without credentials as a viewer's player would.
  HttpResponse response = target().recorder().Send(HttpRequest{HttpMethod::kGet, url, {}, ""});
  EXPECT_EQ(response.status, 200) << url;
  EXPECT_TRUE(response.body.starts_with("#EXTM3U")) << "not an HLS playlist: " << response.body.substr(0, 80);
  bool playlist_type = false;
  for (auto const& [name, value] : response.headers) {
    if (name.size() == 12 && strncasecmp(name.c_str(), "Content-Type", 12) == 0) {
      playlist_type = value.starts_with("application/vnd.apple.mpegurl");
    }
  }
  EXPECT_TRUE(playlist_type) << "Content-Type is not application/vnd.apple.mpegurl";
}

TEST_F(BroadcastOutputTest, SessionEndStopsTheBroadcastSixtySecondsAfterTheLastClientLeft) {
  target().control().Disconnect(session_.session_id, session_.connection_id);
  target().control().Advance(59);
  EXPECT_EQ(client_->GetBroadcast(id_).status, BroadcastStatus::kStarted) << "59 s after the last client left";
  target().control().Advance(2);
  Broadcast broadcast = client_->GetBroadcast(id_);
  EXPECT_EQ(broadcast.status, BroadcastStatus::kStopped) << "61 s after the last client left";
  EXPECT_FALSE(broadcast.broadcast_urls.has_value());
}

TEST_F(BroadcastOutputTest, AClientReturningInTimeKeepsTheBroadcast) {
  target().control().Disconnect(session_.session_id, session_.connection_id);
  target().control().Advance(30);
  target().control().Connect(session_.session_id, target().TokenClient(session_.credentials).GenerateToken(session_.session_id));
  target().control().Advance(60);
  EXPECT_EQ(client_->GetBroadcast(id_).status, BroadcastStatus::kStarted) << "a client is connected again";
}

}  // namespace
}  // namespace opentok::conformance
