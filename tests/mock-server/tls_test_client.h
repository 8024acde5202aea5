#pragma once

// Blocking loopback clients for the TLS serving tests, below any HTTP library so that the
// tests control the bytes and the connection: a TLS client that trusts one CA (PEM) and
// checks the certificate names 127.0.0.1, and a plain TCP client. Every read gives up after
// five seconds, so a server that never answers fails a test instead of hanging it.

#include <memory>
#include <optional>
#include <string>

namespace opentok_mock::testing {

class TlsTestClient {
 public:
  // Connects to 127.0.0.1:port and completes the handshake; Handshaken() tells whether it did.
  TlsTestClient(int port, std::string const& ca_pem);
  ~TlsTestClient();
  TlsTestClient(TlsTestClient const&) = delete;
  TlsTestClient& operator=(TlsTestClient const&) = delete;

  bool Handshaken() const { return handshaken_; }
  bool Send(std::string const& bytes);
  // One HTTP/1.1 response (headers and a Content-Length body); nullopt when the connection
  // ended or timed out first.
  std::optional<std::string> ReadResponse();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  bool handshaken_ = false;
};

class PlainTestClient {
 public:
  explicit PlainTestClient(int port);
  ~PlainTestClient();
  PlainTestClient(PlainTestClient const&) = delete;
  PlainTestClient& operator=(PlainTestClient const&) = delete;

  bool Send(std::string const& bytes);
  // Reads until the server closes the connection (true, with what it sent in `received`),
  // or false after five seconds without the close.
  bool ReadUntilClosed(std::string& received);

 private:
  int fd_ = -1;
};

}  // namespace opentok_mock::testing
