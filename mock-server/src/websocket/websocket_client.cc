// The WebSocket client on websocketpp 0.8.2 with standalone asio (ASIO_STANDALONE is set
// for this library's translation units), one io_context run by one thread. Links live in a
// map touched only on that thread; the public calls post to it.

#include "websocket_client.h"

#include <websocketpp/config/asio_no_tls_client.hpp>
// (the config first: it selects the transport websocketpp/client.hpp builds on)
#include <websocketpp/client.hpp>

#include <asio/steady_timer.hpp>
#include <map>
#include <mutex>
#include <thread>

namespace opentok_mock::websocket {
namespace {

using Endpoint = websocketpp::client<websocketpp::config::asio_client>;
using Clock = std::chrono::steady_clock;

// How long a closing handshake may take before the connection is dropped, and how long the
// destructor waits for open links to close.
constexpr long kCloseHandshakeTimeoutMs = 1000;
constexpr auto kShutdownGrace = std::chrono::milliseconds(1500);

struct Link {
  Endpoint::connection_ptr connection;
  LinkHandlers handlers;
  bool open = false;
  bool abandoned = false;  // Close() while connecting: close as soon as it opens, report nothing more
  std::vector<std::unique_ptr<asio::steady_timer>> tickers;
};

}  // namespace

struct Client::Impl {
  asio::io_context io;
  Endpoint endpoint;
  std::map<LinkId, Link> links;  // I/O thread only
  LinkId next_id = 0;            // guarded by id_mutex (Open may run on any thread)
  std::mutex id_mutex;
  bool stopping = false;  // I/O thread only
  asio::steady_timer shutdown_timer{io};
  std::thread thread;

  Impl() {
    // Nothing is logged: the handshake logs would show the request's headers, whose values
    // are often credentials of the receiver.
    endpoint.clear_access_channels(websocketpp::log::alevel::all);
    endpoint.clear_error_channels(websocketpp::log::elevel::all);
    endpoint.init_asio(&io);
    endpoint.set_user_agent("opentok-mock");
    endpoint.start_perpetual();  // keep run() going while there is no link
    thread = std::thread([this] { io.run(); });
  }

  Link* Find(LinkId id) {
    auto it = links.find(id);
    return it == links.end() ? nullptr : &it->second;
  }

  // The link is over (failed or closed): forget it; once stopping, the last one ends run().
  void Forget(LinkId id) {
    links.erase(id);
    if (stopping && links.empty()) shutdown_timer.cancel();
  }

  void Fail(LinkId id, std::string const& error) {
    auto* link = Find(id);
    if (link == nullptr) return;
    auto handlers = std::move(link->handlers);
    bool abandoned = link->abandoned;
    Forget(id);
    if (!abandoned && handlers.on_fail) handlers.on_fail(error);
  }

  void Start(LinkId id, std::string const& uri, Headers const& headers, std::chrono::milliseconds timeout,
             LinkHandlers handlers) {
    if (stopping) return;
    websocketpp::lib::error_code ec;
    auto connection = endpoint.get_connection(uri, ec);
    if (ec) {
      if (handlers.on_fail) handlers.on_fail("invalid WebSocket URI: " + ec.message());
      return;
    }
    for (auto const& [name, value] : headers) connection->append_header(name, value);
    connection->set_open_handshake_timeout(static_cast<long>(timeout.count()));
    connection->set_close_handshake_timeout(kCloseHandshakeTimeoutMs);
    connection->set_open_handler([this, id](websocketpp::connection_hdl) { Opened(id); });
    connection->set_fail_handler([this, id](websocketpp::connection_hdl hdl) {
      auto con = endpoint.get_con_from_hdl(hdl);
      auto error = con->get_ec().message();
      if (con->get_response().get_status_code() != websocketpp::http::status_code::uninitialized) {
        error += " (HTTP " + std::to_string(con->get_response().get_status_code()) + ")";
      }
      Fail(id, error);
    });
    connection->set_close_handler([this, id](websocketpp::connection_hdl hdl) {
      auto con = endpoint.get_con_from_hdl(hdl);
      auto* link = Find(id);
      if (link == nullptr) return;
      auto handlers = std::move(link->handlers);
      bool abandoned = link->abandoned;
      // The code of the closing handshake: the peer's answer (or its own close), or 1006
      // (abnormal closure) when the TCP connection dropped without one.
      int code = con->get_remote_close_code();
      Forget(id);
      if (!abandoned && handlers.on_close) handlers.on_close(code);
    });
    connection->set_message_handler([this, id](websocketpp::connection_hdl, Endpoint::message_ptr message) {
      auto* link = Find(id);
      if (link == nullptr || link->abandoned || !link->handlers.on_message) return;
      link->handlers.on_message(message->get_opcode() == websocketpp::frame::opcode::binary, message->get_payload());
    });
    links[id] = Link{connection, std::move(handlers)};
    endpoint.connect(connection);
  }

  void Opened(LinkId id) {
    auto* link = Find(id);
    if (link == nullptr) return;
    link->open = true;
    if (link->abandoned || stopping) return CloseLink(*link, link->abandoned ? 1000 : 1001);
    if (link->handlers.on_open) link->handlers.on_open();
  }

  void CloseLink(Link& link, int code) {
    websocketpp::lib::error_code ec;
    link.connection->close(static_cast<websocketpp::close::status::value>(code), "", ec);
    for (auto& ticker : link.tickers) ticker->cancel();
  }

  void Send(LinkId id, std::string const& payload, websocketpp::frame::opcode::value opcode) {
    auto* link = Find(id);
    if (link == nullptr || !link->open || link->abandoned) return;
    // An error means the link is closing: on_close follows.
    [[maybe_unused]] auto ec = link->connection->send(payload, opcode);
  }

  void Close(LinkId id, int code) {
    auto* link = Find(id);
    if (link == nullptr) return;
    if (link->open) return CloseLink(*link, code);
    // Still connecting: websocketpp cannot cancel a pending connect, so the link is
    // abandoned now and closed cleanly if it opens later.
    auto handlers = std::move(link->handlers);
    link->abandoned = true;
    if (handlers.on_fail) handlers.on_fail("closed before the handshake completed");
  }

  void Tick(LinkId id, asio::steady_timer* timer, Clock::duration period, std::function<void()> tick) {
    timer->expires_at(timer->expiry() + period);
    timer->async_wait([this, id, timer, period, tick = std::move(tick)](std::error_code ec) mutable {
      auto* link = Find(id);
      if (ec || link == nullptr || link->abandoned) return;
      tick();
      if (Find(id) != nullptr) Tick(id, timer, period, std::move(tick));
    });
  }

  void Every(LinkId id, Clock::duration period, std::function<void()> tick) {
    auto* link = Find(id);
    if (link == nullptr) return;
    auto timer = std::make_unique<asio::steady_timer>(io);
    timer->expires_at(Clock::now());
    auto* raw = timer.get();
    link->tickers.push_back(std::move(timer));
    Tick(id, raw, period, std::move(tick));
  }

  // Closes every open link and lets run() return once they are gone, or after the grace.
  void Shutdown() {
    stopping = true;
    endpoint.stop_perpetual();
    for (auto& [id, link] : links) {
      if (link.open) CloseLink(link, 1001);
      link.abandoned = true;
    }
    if (links.empty()) return;
    shutdown_timer.expires_after(kShutdownGrace);
    shutdown_timer.async_wait([this](std::error_code ec) {
      if (!ec) io.stop();
    });
  }
};

Client::Client() : impl_(std::make_unique<Impl>()) {}

Client::~Client() {
  asio::post(impl_->io, [impl = impl_.get()] { impl->Shutdown(); });
  impl_->thread.join();
}

LinkId Client::Open(std::string uri, Headers headers, std::chrono::milliseconds handshake_timeout,
                    LinkHandlers handlers) {
  LinkId id = 0;
  {
    std::lock_guard<std::mutex> lock(impl_->id_mutex);
    id = ++impl_->next_id;
  }
  asio::post(impl_->io, [impl = impl_.get(), id, uri = std::move(uri), headers = std::move(headers), handshake_timeout,
                         handlers = std::move(handlers)]() mutable {
    impl->Start(id, uri, headers, handshake_timeout, std::move(handlers));
  });
  return id;
}

void Client::SendText(LinkId link, std::string text) {
  asio::post(impl_->io, [impl = impl_.get(), link, text = std::move(text)] {
    impl->Send(link, text, websocketpp::frame::opcode::text);
  });
}

void Client::SendBinary(LinkId link, std::string bytes) {
  asio::post(impl_->io, [impl = impl_.get(), link, bytes = std::move(bytes)] {
    impl->Send(link, bytes, websocketpp::frame::opcode::binary);
  });
}

void Client::Close(LinkId link, int code) {
  asio::post(impl_->io, [impl = impl_.get(), link, code] { impl->Close(link, code); });
}

void Client::Every(LinkId link, std::chrono::microseconds period, std::function<void()> tick) {
  asio::post(impl_->io, [impl = impl_.get(), link, period, tick = std::move(tick)]() mutable {
    impl->Every(link, period, std::move(tick));
  });
}

void Client::Post(std::function<void()> work) { asio::post(impl_->io, std::move(work)); }

}  // namespace opentok_mock::websocket
