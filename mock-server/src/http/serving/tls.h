#pragma once

// TLS for the connection server (connection_server.h): one server context made from PEM
// text, and per connection a non-blocking OpenSSL stream over the connection's socket. Every
// call returns at once; a stream that needs the socket readable or writable says so, and the
// server's I/O thread waits for that in epoll like for any other connection, so that no
// worker is held by a handshake or a slow TLS peer.

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

struct ssl_ctx_st;
struct ssl_st;

namespace opentok_mock::http::serving {

class TlsContext {
 public:
  // `cert_pem`: the server certificate, then any intermediate certificates to send with it;
  // `key_pem`: its unencrypted private key. Throws std::invalid_argument naming `cert_name`
  // or `key_name` (how the caller calls them, e.g. their file names) when a text is not
  // such PEM or the key does not belong to the certificate; the texts themselves never
  // appear in a message.
  TlsContext(std::string_view cert_pem, std::string_view key_pem, std::string const& cert_name,
             std::string const& key_name);
  ~TlsContext();
  TlsContext(TlsContext const&) = delete;
  TlsContext& operator=(TlsContext const&) = delete;

  ssl_ctx_st* native() const { return ctx_; }

 private:
  ssl_ctx_st* ctx_ = nullptr;
};

class TlsStream {
 public:
  enum class Status {
    kOk,         // done (Handshake), or `bytes` moved (Read, Write)
    kWantRead,   // call again once the socket is readable
    kWantWrite,  // call again once the socket is writable
    kClosed,     // the peer ended the TLS session (close_notify or EOF)
    kError,      // a protocol or socket error (not TLS, a bad certificate, a reset): close
  };
  struct Io {
    Status status = Status::kOk;
    std::size_t bytes = 0;
  };

  // The server side of a TLS session on `fd` (non-blocking, owned by the caller).
  TlsStream(TlsContext const& context, int fd);
  ~TlsStream();
  TlsStream(TlsStream const&) = delete;
  TlsStream& operator=(TlsStream const&) = delete;

  Status Handshake();
  Io Read(char* buffer, std::size_t size);
  // May write part of `size` (partial writes are on); the rest is passed again, possibly
  // from another address (the pending buffer may have moved).
  Io Write(char const* data, std::size_t size);
  // Whether decrypted bytes wait inside OpenSSL (the socket may have nothing more to report).
  bool HasPending() const;
  // Sends close_notify if the socket takes it now; never waits.
  void Shutdown();

 private:
  Status StatusOf(int result);
  ssl_st* ssl_ = nullptr;
};

}  // namespace opentok_mock::http::serving
