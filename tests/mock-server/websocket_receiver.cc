// websocketpp 0.8.2 server with standalone asio (C++17, like the mock's client), or, for a
// receiver that hangs, a bare asio acceptor that never reads. One io_context, one thread.

#include "websocket_receiver.h"

#include <websocketpp/config/asio_no_tls.hpp>
// (the config first: it selects the transport websocketpp/server.hpp builds on)
#include <websocketpp/server.hpp>

#include <thread>

#include "notifier.h"

namespace opentok_mock::testing {
namespace {
using Server = websocketpp::server<websocketpp::config::asio>;
}  // namespace

struct WebSocketReceiver::Impl {
  WebSocketReceiverOptions options;
  asio::io_context io;
  Server server;
  asio::ip::tcp::acceptor hanging_acceptor{io};
  std::vector<std::unique_ptr<asio::ip::tcp::socket>> hanging_sockets;
  int port = 0;
  std::thread thread;

  Notifier notifier;  // guards what follows
  int tcp_connections = 0;
  bool opened = false;
  std::string resource;
  std::vector<std::pair<std::string, std::string>> headers;
  std::vector<ReceivedMessage> messages;
  std::optional<int> close_code;

  template <typename Update>
  void Record(Update update) {
    notifier.Change(update);
  }

  void StartServer() {
    server.clear_access_channels(websocketpp::log::alevel::all);
    server.clear_error_channels(websocketpp::log::elevel::all);
    server.init_asio(&io);
    server.set_tcp_post_init_handler([this](websocketpp::connection_hdl) { Record([&] { ++tcp_connections; }); });
    server.set_open_handler([this](websocketpp::connection_hdl hdl) {
      auto con = server.get_con_from_hdl(hdl);
      Record([&] {
        if (opened) return;
        opened = true;
        resource = con->get_resource();
        for (auto const& [name, value] : con->get_request().get_headers()) headers.emplace_back(name, value);
      });
      std::string frame(options.send_back_bytes, '\x01');
      for (int i = 0; i < options.send_back_messages; ++i) {
        [[maybe_unused]] auto ec = con->send(frame, websocketpp::frame::opcode::binary);
      }
      if (options.close_after_open) {
        websocketpp::lib::error_code ec;
        con->close(static_cast<websocketpp::close::status::value>(*options.close_after_open), "", ec);
      }
    });
    server.set_message_handler([this](websocketpp::connection_hdl, Server::message_ptr message) {
      auto at = std::chrono::steady_clock::now();
      Record([&] {
        messages.push_back({message->get_opcode() == websocketpp::frame::opcode::binary, message->get_payload(), at});
      });
    });
    server.set_close_handler([this](websocketpp::connection_hdl hdl) {
      int code = server.get_con_from_hdl(hdl)->get_remote_close_code();
      Record([&] {
        if (!close_code) close_code = code;
      });
    });
    server.set_fail_handler([this](websocketpp::connection_hdl) {});
    server.set_reuse_addr(true);
    server.listen(asio::ip::tcp::endpoint(asio::ip::address_v4::loopback(), 0));
    websocketpp::lib::error_code ec;
    port = server.get_local_endpoint(ec).port();
    server.start_accept();
  }

  void AcceptAndHang() {
    auto socket = std::make_unique<asio::ip::tcp::socket>(io);
    auto* raw = socket.get();
    hanging_acceptor.async_accept(*raw, [this, socket = std::move(socket)](std::error_code ec) mutable {
      if (ec) return;
      hanging_sockets.push_back(std::move(socket));
      Record([&] { ++tcp_connections; });
      AcceptAndHang();
    });
  }

  void StartHanging() {
    asio::ip::tcp::endpoint endpoint(asio::ip::address_v4::loopback(), 0);
    hanging_acceptor.open(endpoint.protocol());
    hanging_acceptor.bind(endpoint);
    hanging_acceptor.listen();
    port = hanging_acceptor.local_endpoint().port();
    AcceptAndHang();
  }
};

WebSocketReceiver::WebSocketReceiver(WebSocketReceiverOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->options = options;
  if (options.answer_handshake) {
    impl_->StartServer();
  } else {
    impl_->StartHanging();
  }
  impl_->thread = std::thread([impl = impl_.get()] { impl->io.run(); });
}

WebSocketReceiver::~WebSocketReceiver() {
  impl_->io.stop();
  impl_->thread.join();
}

int WebSocketReceiver::port() const { return impl_->port; }

std::string WebSocketReceiver::Url(std::string const& path) const {
  return "ws://127.0.0.1:" + std::to_string(impl_->port) + path;
}

bool WebSocketReceiver::WaitForTcpConnections(int count, std::chrono::milliseconds timeout) const {
  return impl_->notifier.Wait(timeout, [&] { return impl_->tcp_connections >= count; });
}

bool WebSocketReceiver::WaitForOpen(std::chrono::milliseconds timeout) const {
  return impl_->notifier.Wait(timeout, [&] { return impl_->opened; });
}

bool WebSocketReceiver::WaitForMessages(std::size_t count, std::chrono::milliseconds timeout) const {
  return impl_->notifier.Wait(timeout, [&] { return impl_->messages.size() >= count; });
}

bool WebSocketReceiver::WaitForClose(std::chrono::milliseconds timeout) const {
  return impl_->notifier.Wait(timeout, [&] { return impl_->close_code.has_value(); });
}

int WebSocketReceiver::TcpConnections() const {
  auto lock = impl_->notifier.Lock();
  return impl_->tcp_connections;
}

std::string WebSocketReceiver::Resource() const {
  auto lock = impl_->notifier.Lock();
  return impl_->resource;
}

std::optional<std::string> WebSocketReceiver::Header(std::string const& name) const {
  auto lock = impl_->notifier.Lock();
  for (auto const& [key, value] : impl_->headers) {
    if (websocketpp::utility::ci_less()(key, name) || websocketpp::utility::ci_less()(name, key)) continue;
    return value;
  }
  return std::nullopt;
}

std::vector<ReceivedMessage> WebSocketReceiver::Messages() const {
  auto lock = impl_->notifier.Lock();
  return impl_->messages;
}

std::optional<int> WebSocketReceiver::CloseCode() const {
  auto lock = impl_->notifier.Lock();
  return impl_->close_code;
}

}  // namespace opentok_mock::testing
