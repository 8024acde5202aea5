// The Audio Connector over a real WebSocket: an in-process MockServer connects calls to the
// test receiver on 127.0.0.1 (the handshake with the request's headers, the first text
// message, 20 ms PCM frames paced in real time while the call has streams, silence or a
// tone, what a bidirectional receiver sends back), fails calls whose receiver cannot be
// reached, closes with 1000 when a call ends, and never contacts wss:// or refused hosts.

#include <cmath>

#include "http_fixture.h"
#include "websocket_receiver.h"

namespace opentok_mock::testing {
namespace {

using std::chrono::milliseconds;
constexpr milliseconds kWait{5000};

MockServerOptions ShortHandshakeOptions() {
  auto options = FrozenSeededOptions();
  options.audio_connector_handshake_timeout = milliseconds(300);
  return options;
}

class AudioWebSocketTest : public HttpTest {
 protected:
  AudioWebSocketTest() : HttpTest(ShortHandshakeOptions()) {}
  void SetUp() override { session_ = CreateSession(); }

  httplib::Result Post(std::string const& path, nlohmann::json const& body) {
    return client_.Post(Project() + path, Auth(), body.dump(), "application/json");
  }

  // POST /connect with websocket `options` (uri and the rest); returns the call id.
  std::string ConnectAudio(nlohmann::json const& options) {
    auto res = Post("/connect", {{"sessionId", session_}, {"token", ClientToken(session_)}, {"websocket", options}});
    if (!res || res->status != 200) throw std::runtime_error("connect failed: " + (res ? res->body : ""));
    return Json(res)["id"].get<std::string>();
  }

  std::string PublishingClient() {
    auto connection = Connect(session_);
    Publish(session_, connection);
    return connection;
  }

  nlohmann::json Call(std::string const& id) { return Json(client_.Get("/_mock/audio-connectors/" + id)); }

  // Waits until the core's view of the call satisfies `done` (the streamer reports from its
  // own thread); the view then, or the last one seen when it did not within `timeout`.
  template <typename Done>
  AudioConnector WaitForCall(std::string const& id, Done done, milliseconds timeout = kWait) {
    auto call = server_.service().WaitForAudioConnector(id, done, timeout);
    return call ? *call : AudioConnector{};
  }

  static std::vector<ReceivedMessage> Binary(std::vector<ReceivedMessage> const& messages) {
    std::vector<ReceivedMessage> out;
    for (auto const& message : messages) {
      if (message.binary) out.push_back(message);
    }
    return out;
  }

  static std::int16_t Sample(std::string const& frame, std::size_t i) {
    auto low = static_cast<unsigned char>(frame[2 * i]);
    auto high = static_cast<unsigned char>(frame[2 * i + 1]);
    return static_cast<std::int16_t>(static_cast<std::uint16_t>(low | (high << 8)));
  }

  std::string session_;
};

TEST_F(AudioWebSocketTest, TheHandshakeCarriesTheHeadersAndTheFirstMessageTheRateAndHeaders) {
  WebSocketReceiver receiver;
  PublishingClient();
  auto id = ConnectAudio({{"uri", receiver.Url("/audio?room=7")},
                          {"headers", {{"Authorization", "Bearer s3cret"}, {"X-Count", 3}}},
                          {"audioRate", 16000}});
  ASSERT_TRUE(receiver.WaitForOpen(kWait));
  EXPECT_EQ(receiver.Resource(), "/audio?room=7");
  EXPECT_EQ(receiver.Header("Authorization"), "Bearer s3cret");
  EXPECT_EQ(receiver.Header("X-Count"), "3");

  ASSERT_TRUE(receiver.WaitForMessages(1, kWait));
  auto first = receiver.Messages().front();
  EXPECT_FALSE(first.binary);
  EXPECT_EQ(nlohmann::json::parse(first.payload),
            (nlohmann::json{{"content-type", "audio/l16;rate=16000"}, {"Authorization", "Bearer s3cret"}, {"X-Count", "3"}}));

  EXPECT_EQ(WaitForCall(id, [](AudioConnector const& c) { return c.link.state == "streaming"; }).link.state,
            "streaming");
  // Header values are never served: not by the control plane, not by the journal.
  auto control = client_.Get("/_mock/audio-connectors/" + id);
  EXPECT_EQ(Json(control)["state"], "streaming");
  EXPECT_EQ(control->body.find("s3cret"), std::string::npos);
  EXPECT_EQ(client_.Get("/_mock/audio-connectors")->body.find("s3cret"), std::string::npos);
  EXPECT_EQ(client_.Get("/_mock/requests")->body.find("s3cret"), std::string::npos);
}

class AudioFrameTest : public AudioWebSocketTest, public ::testing::WithParamInterface<std::optional<int>> {};

TEST_P(AudioFrameTest, FramesAreBinary20MsOfSilentPcmAtTheRequestedRate) {
  WebSocketReceiver receiver;
  PublishingClient();
  nlohmann::json options{{"uri", receiver.Url()}};
  if (GetParam()) options["audioRate"] = *GetParam();
  ConnectAudio(options);
  ASSERT_TRUE(receiver.WaitForMessages(1 + 5, kWait));
  int rate = GetParam().value_or(8000);
  auto messages = receiver.Messages();
  EXPECT_EQ(nlohmann::json::parse(messages[0].payload)["content-type"], "audio/l16;rate=" + std::to_string(rate));
  for (std::size_t i = 1; i < messages.size(); ++i) {
    ASSERT_TRUE(messages[i].binary) << i;
    ASSERT_EQ(messages[i].payload.size(), static_cast<std::size_t>(2 * rate / 50)) << i;
    EXPECT_EQ(messages[i].payload, std::string(messages[i].payload.size(), '\0')) << i;
  }
}

INSTANTIATE_TEST_SUITE_P(Rates, AudioFrameTest, ::testing::Values(std::nullopt, 8000, 16000, 24000));

TEST_F(AudioWebSocketTest, TheToneIsA440HzSineInLittleEndianSamples) {
  auto put = client_.Put("/_mock/audio-connectors/audio", R"({"source":"tone"})", "application/json");
  ASSERT_EQ(put->status, 200) << put->body;
  EXPECT_EQ(Json(client_.Get("/_mock/audio-connectors/audio"))["source"], "tone");
  WebSocketReceiver receiver;
  PublishingClient();
  ConnectAudio({{"uri", receiver.Url()}});
  ASSERT_TRUE(receiver.WaitForMessages(1 + 2, kWait));
  auto frames = Binary(receiver.Messages());
  ASSERT_GE(frames.size(), 2u);
  // Sample n of the call is round(8000 * sin(2 pi 440 n / 8000)), and frames join up.
  for (std::size_t f = 0; f < 2; ++f) {
    for (std::size_t i = 0; i < 160; ++i) {
      double n = static_cast<double>(f * 160 + i);
      auto expected = static_cast<std::int16_t>(std::lround(8000.0 * std::sin(2 * M_PI * 440.0 * n / 8000.0)));
      ASSERT_EQ(Sample(frames[f].payload, i), expected) << "frame " << f << " sample " << i;
    }
  }
  EXPECT_EQ(client_.Put("/_mock/audio-connectors/audio", R"({"source":"noise"})", "application/json")->status, 400);
}

TEST_F(AudioWebSocketTest, FramesComeNoFasterThanRealTimeAndOnlyWhileTheCallHasStreams) {
  WebSocketReceiver receiver;
  ConnectAudio({{"uri", receiver.Url()}});  // no stream in the session yet
  ASSERT_TRUE(receiver.WaitForMessages(1, kWait));
  auto before_publish = std::chrono::steady_clock::now();
  PublishingClient();
  constexpr std::size_t kFrames = 25;
  ASSERT_TRUE(receiver.WaitForMessages(1 + kFrames, kWait));
  auto messages = receiver.Messages();
  EXPECT_GE(messages[1].at, before_publish);  // nothing while the call had no stream
  // Frame n goes out at the n-th 20 ms tick after the WebSocket opened, or later (ticks keep
  // to their deadlines: a late one is followed by an early one, never by more than one frame
  // each). So N frames take at least N periods from the first message, give or take the
  // first message's own transit (a period is far more than that).
  auto elapsed = messages[kFrames].at - messages[0].at;
  EXPECT_GE(elapsed, milliseconds(20 * (kFrames - 1)));
  EXPECT_LT(elapsed, milliseconds(20 * kFrames + 3000));  // generous: a loaded 2-core machine
}

TEST_F(AudioWebSocketTest, ABidirectionalCallCountsWhatTheReceiverSendsBack) {
  WebSocketReceiverOptions options;
  options.send_back_messages = 5;
  options.send_back_bytes = 320;
  WebSocketReceiver receiver(options);
  PublishingClient();
  auto id = ConnectAudio({{"uri", receiver.Url()}, {"bidirectional", true}});
  auto call = WaitForCall(id, [](AudioConnector const& c) { return c.link.frames_received == 5; });
  EXPECT_EQ(call.link.frames_received, 5);
  EXPECT_EQ(call.link.bytes_received, 5 * 320);
  auto shown = Call(id);
  EXPECT_EQ(shown["framesReceived"], 5);
  EXPECT_EQ(shown["bytesReceived"], 1600);
  EXPECT_GE(shown["framesSent"].get<int>(), 0);
  EXPECT_EQ(shown["bytesSent"].get<int>(), shown["framesSent"].get<int>() * 320);
}

TEST_F(AudioWebSocketTest, AnUnreachableReceiverFailsTheCallAndItsConnectionLeaves) {
  int port = 0;
  {
    WebSocketReceiver gone;
    port = gone.port();
  }
  auto id = ConnectAudio({{"uri", "ws://127.0.0.1:" + std::to_string(port) + "/audio"}});
  auto call = WaitForCall(id, [](AudioConnector const& c) { return !c.connected; });
  EXPECT_FALSE(call.connected);
  EXPECT_EQ(call.link.state, "failed");
  auto shown = Call(id);
  EXPECT_EQ(shown["state"], "failed");
  EXPECT_NE(shown["error"].get<std::string>().find("could not open the WebSocket"), std::string::npos) << shown;
  auto session = Json(client_.Get("/_mock/sessions/" + session_));
  EXPECT_TRUE(session["connections"].empty()) << session;
  ASSERT_EQ(session["leftConnections"].size(), 1u) << session;
  EXPECT_EQ(session["leftConnections"][0]["connectionId"], call.connection_id);
  EXPECT_EQ(session["leftConnections"][0]["reason"], "networkDisconnected");
}

TEST_F(AudioWebSocketTest, AReceiverThatNeverCompletesTheHandshakeFailsTheCall) {
  WebSocketReceiverOptions options;
  options.answer_handshake = false;
  WebSocketReceiver receiver(options);
  auto id = ConnectAudio({{"uri", receiver.Url()}});
  auto call = WaitForCall(id, [](AudioConnector const& c) { return !c.connected; });
  EXPECT_EQ(call.link.state, "failed");
  EXPECT_NE(call.link.error.find("could not open the WebSocket"), std::string::npos) << call.link.error;
  EXPECT_EQ(receiver.TcpConnections(), 1);
}

class AudioDisconnectTest : public AudioWebSocketTest, public ::testing::WithParamInterface<std::string> {};

TEST_P(AudioDisconnectTest, EndingTheCallClosesTheWebSocketWith1000) {
  WebSocketReceiver receiver;
  PublishingClient();
  auto id = ConnectAudio({{"uri", receiver.Url()}});
  ASSERT_TRUE(receiver.WaitForMessages(1, kWait));
  auto connection_id = Call(id)["connectionId"].get<std::string>();
  auto res = GetParam() == "stop" ? Post("/connect/" + id + "/stop", nlohmann::json::object())
             : GetParam() == "forceDisconnect"
                 ? client_.Delete(Project() + "/session/" + session_ + "/connection/" + connection_id, Auth())
                 : client_.Delete("/_mock/sessions/" + session_ + "/connections/" + connection_id);
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status / 100, 2) << res->body;
  ASSERT_TRUE(receiver.WaitForClose(kWait));
  EXPECT_EQ(receiver.CloseCode(), 1000);
  auto call = WaitForCall(id, [](AudioConnector const& c) { return c.link.state == "closed"; });
  EXPECT_EQ(call.link.state, "closed");
  EXPECT_TRUE(call.link.error.empty()) << call.link.error;
}

INSTANTIATE_TEST_SUITE_P(Ways, AudioDisconnectTest, ::testing::Values("stop", "forceDisconnect", "controlPlane"));

TEST_F(AudioWebSocketTest, AReceiverThatHangsUpEndsTheCall) {
  WebSocketReceiverOptions options;
  options.close_after_open = 1000;
  WebSocketReceiver receiver(options);
  auto id = ConnectAudio({{"uri", receiver.Url()}});
  auto call = WaitForCall(id, [](AudioConnector const& c) { return !c.connected; });
  EXPECT_FALSE(call.connected);
  EXPECT_EQ(call.link.state, "closed");
  EXPECT_EQ(call.link.error, "the receiver closed the WebSocket (code 1000)");
  auto left = Json(client_.Get("/_mock/sessions/" + session_))["leftConnections"];
  ASSERT_EQ(left.size(), 1u);
  EXPECT_EQ(left[0]["reason"], "networkDisconnected");
}

TEST_F(AudioWebSocketTest, AResetClosesTheWebSocketsOfTheCallsItDrops) {
  WebSocketReceiver receiver;
  ConnectAudio({{"uri", receiver.Url()}});  // no stream: nothing is sent, the call idles
  ASSERT_TRUE(receiver.WaitForMessages(1, kWait));
  ASSERT_EQ(client_.Post("/_mock/reset")->status, 204);
  ASSERT_TRUE(receiver.WaitForClose(kWait));
  EXPECT_EQ(receiver.CloseCode(), 1000);
}

TEST_F(AudioWebSocketTest, WssAndRefusedHostsAreNeverContactedAndTheCallStillJoins) {
  WebSocketReceiver receiver;
  auto secure = ConnectAudio({{"uri", "wss://127.0.0.1:" + std::to_string(receiver.port()) + "/audio"}});
  auto outside = ConnectAudio({{"uri", "ws://192.0.2.10:" + std::to_string(receiver.port()) + "/audio"}});
  for (auto const& id : {secure, outside}) {
    auto call = WaitForCall(id, [](AudioConnector const& c) { return c.link.state != "pending"; });
    EXPECT_EQ(call.link.state, "notContacted") << id;
    EXPECT_TRUE(call.connected) << id;
  }
  EXPECT_NE(Call(secure)["error"].get<std::string>().find("ws://"), std::string::npos);
  EXPECT_NE(Call(outside)["error"].get<std::string>().find("outbound policy"), std::string::npos);
  // The decision comes before any connection attempt, so nothing reached the receiver.
  EXPECT_EQ(receiver.TcpConnections(), 0);
  EXPECT_EQ(Json(client_.Get("/_mock/sessions/" + session_))["connections"].size(), 2u);
}

}  // namespace
}  // namespace opentok_mock::testing
