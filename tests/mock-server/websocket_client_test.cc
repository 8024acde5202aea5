// The mock's WebSocket client (mock-server/src/websocket) against the test receiver on
// 127.0.0.1: handshake with headers, messages both ways, clean close, failures, ticks.

#include "websocket_client.h"

#include <gtest/gtest.h>

#include "notifier.h"
#include "websocket_receiver.h"

namespace opentok_mock::websocket {
namespace {

using std::chrono::milliseconds;
using testing::WebSocketReceiver;
using testing::WebSocketReceiverOptions;

constexpr milliseconds kWait{5000};

// What the handlers saw, for the test thread to wait on.
struct Seen {
  testing::Notifier notifier;  // guards what follows
  bool open = false;
  std::optional<std::string> failure;
  std::optional<int> close_code;
  std::vector<std::pair<bool, std::string>> messages;
  int ticks = 0;

  template <typename Update>
  void Record(Update update) {
    notifier.Change(update);
  }
  template <typename Done>
  bool Wait(Done done) {
    return notifier.Wait(kWait, done);
  }

  LinkHandlers Handlers() {
    LinkHandlers handlers;
    handlers.on_open = [this] { Record([&] { open = true; }); };
    handlers.on_fail = [this](std::string const& error) { Record([&] { failure = error; }); };
    handlers.on_close = [this](int code) { Record([&] { close_code = code; }); };
    handlers.on_message = [this](bool binary, std::string const& payload) {
      Record([&] { messages.emplace_back(binary, payload); });
    };
    return handlers;
  }
};

TEST(WebSocketClientTest, HandshakeCarriesThePathAndTheHeaders) {
  WebSocketReceiver receiver;
  Seen seen;  // outlives the client, whose handlers write to it
  Client client;
  client.Open(receiver.Url("/audio?call=1"), {{"X-Custom", "value-1"}, {"Authorization", "Bearer abc"}}, kWait,
              seen.Handlers());
  ASSERT_TRUE(seen.Wait([&] { return seen.open; }));
  ASSERT_TRUE(receiver.WaitForOpen(kWait));
  EXPECT_EQ(receiver.Resource(), "/audio?call=1");
  EXPECT_EQ(receiver.Header("X-Custom"), "value-1");
  EXPECT_EQ(receiver.Header("authorization"), "Bearer abc");
}

TEST(WebSocketClientTest, SendsTextAndBinaryInOrderThenClosesWith1000) {
  WebSocketReceiver receiver;
  Seen seen;  // outlives the client, whose handlers write to it
  Client client;
  auto link = client.Open(receiver.Url(), {}, kWait, seen.Handlers());
  ASSERT_TRUE(seen.Wait([&] { return seen.open; }));
  client.SendText(link, R"({"hello":1})");
  client.SendBinary(link, std::string("\x00\x01\x02", 3));
  ASSERT_TRUE(receiver.WaitForMessages(2, kWait));
  auto messages = receiver.Messages();
  EXPECT_FALSE(messages[0].binary);
  EXPECT_EQ(messages[0].payload, R"({"hello":1})");
  EXPECT_TRUE(messages[1].binary);
  EXPECT_EQ(messages[1].payload, std::string("\x00\x01\x02", 3));

  client.Close(link, 1000);
  ASSERT_TRUE(receiver.WaitForClose(kWait));
  EXPECT_EQ(receiver.CloseCode(), 1000);
  ASSERT_TRUE(seen.Wait([&] { return seen.close_code.has_value(); }));
  EXPECT_EQ(seen.close_code, 1000);
}

TEST(WebSocketClientTest, ReceivesWhatThePeerSends) {
  WebSocketReceiverOptions options;
  options.send_back_messages = 3;
  options.send_back_bytes = 320;
  WebSocketReceiver receiver(options);
  Seen seen;  // outlives the client, whose handlers write to it
  Client client;
  client.Open(receiver.Url(), {}, kWait, seen.Handlers());
  ASSERT_TRUE(seen.Wait([&] { return seen.messages.size() == 3; }));
  for (auto const& [binary, payload] : seen.messages) {
    EXPECT_TRUE(binary);
    EXPECT_EQ(payload.size(), 320u);
  }
}

TEST(WebSocketClientTest, ARefusedConnectionFails) {
  int port = 0;
  {
    WebSocketReceiver gone;
    port = gone.port();
  }  // nothing listens there any more
  Seen seen;  // outlives the client, whose handlers write to it
  Client client;
  client.Open("ws://127.0.0.1:" + std::to_string(port) + "/", {}, kWait, seen.Handlers());
  ASSERT_TRUE(seen.Wait([&] { return seen.failure.has_value(); }));
  EXPECT_FALSE(seen.open);
}

TEST(WebSocketClientTest, AHandshakeThatDoesNotCompleteInTimeFails) {
  WebSocketReceiverOptions options;
  options.answer_handshake = false;
  WebSocketReceiver receiver(options);
  Seen seen;  // outlives the client, whose handlers write to it
  Client client;
  auto started = std::chrono::steady_clock::now();
  client.Open(receiver.Url(), {}, milliseconds(200), seen.Handlers());
  ASSERT_TRUE(seen.Wait([&] { return seen.failure.has_value(); }));
  EXPECT_GE(std::chrono::steady_clock::now() - started, milliseconds(200));
  EXPECT_EQ(receiver.TcpConnections(), 1);
  EXPECT_FALSE(seen.open);
}

TEST(WebSocketClientTest, ClosingWhileConnectingAbandonsTheLink) {
  WebSocketReceiverOptions options;
  options.answer_handshake = false;
  WebSocketReceiver receiver(options);
  Seen seen;  // outlives the client, whose handlers write to it
  Client client;
  auto link = client.Open(receiver.Url(), {}, kWait, seen.Handlers());
  ASSERT_TRUE(receiver.WaitForTcpConnections(1, kWait));
  client.Close(link, 1000);
  ASSERT_TRUE(seen.Wait([&] { return seen.failure.has_value(); }));
  EXPECT_EQ(*seen.failure, "closed before the handshake completed");
}

TEST(WebSocketClientTest, TicksNeverComeFasterThanThePeriod) {
  WebSocketReceiver receiver;
  Seen seen;  // outlives the client, whose handlers write to it
  Client client;
  auto link = client.Open(receiver.Url(), {}, kWait, seen.Handlers());
  ASSERT_TRUE(seen.Wait([&] { return seen.open; }));
  auto started = std::chrono::steady_clock::now();
  client.Every(link, milliseconds(20), [&] { seen.Record([&] { ++seen.ticks; }); });
  ASSERT_TRUE(seen.Wait([&] { return seen.ticks >= 10; }));
  auto elapsed = std::chrono::steady_clock::now() - started;
  EXPECT_GE(elapsed, milliseconds(200));
  EXPECT_LT(elapsed, milliseconds(2000));  // generous: a loaded 2-core machine
  client.Close(link, 1000);
  ASSERT_TRUE(seen.Wait([&] { return seen.close_code.has_value(); }));
}

}  // namespace
}  // namespace opentok_mock::websocket
