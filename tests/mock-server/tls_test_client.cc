#include "tls_test_client.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <stdexcept>

namespace opentok_mock::testing {
namespace {

constexpr int kReadTimeoutSeconds = 5;

int ConnectLoopback(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) throw std::runtime_error("socket failed");
  timeval timeout{kReadTimeoutSeconds, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    throw std::runtime_error("connect to 127.0.0.1 failed");
  }
  return fd;
}

// Where the header section ends and how long the whole response is, once known.
std::optional<std::size_t> ResponseLength(std::string const& buffer) {
  auto end = buffer.find("\r\n\r\n");
  if (end == std::string::npos) return std::nullopt;
  std::size_t body = 0;
  std::string headers = buffer.substr(0, end);
  for (auto& ch : headers) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (auto at = headers.find("\r\ncontent-length:"); at != std::string::npos) {
    body = std::strtoul(headers.c_str() + at + 17, nullptr, 10);
  }
  return end + 4 + body;
}

}  // namespace

struct TlsTestClient::Impl {
  SSL_CTX* ctx = nullptr;
  SSL* ssl = nullptr;
  int fd = -1;
  std::string buffer;

  ~Impl() {
    if (ssl != nullptr) SSL_free(ssl);
    if (ctx != nullptr) SSL_CTX_free(ctx);
    if (fd >= 0) ::close(fd);
    ERR_clear_error();
  }
};

TlsTestClient::TlsTestClient(int port, std::string const& ca_pem) : impl_(std::make_unique<Impl>()) {
  auto& impl = *impl_;
  impl.ctx = SSL_CTX_new(TLS_client_method());
  if (impl.ctx == nullptr) throw std::runtime_error("SSL_CTX_new failed");
  SSL_CTX_set_verify(impl.ctx, SSL_VERIFY_PEER, nullptr);
  BIO* bio = BIO_new_mem_buf(ca_pem.data(), static_cast<int>(ca_pem.size()));
  X509* ca = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
  BIO_free(bio);
  if (ca != nullptr) X509_STORE_add_cert(SSL_CTX_get_cert_store(impl.ctx), ca);
  X509_free(ca);
  impl.fd = ConnectLoopback(port);
  impl.ssl = SSL_new(impl.ctx);
  SSL_set_fd(impl.ssl, impl.fd);
  X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(impl.ssl), "127.0.0.1");
  handshaken_ = SSL_connect(impl.ssl) == 1 && SSL_get_verify_result(impl.ssl) == X509_V_OK;
  ERR_clear_error();
}

TlsTestClient::~TlsTestClient() = default;

bool TlsTestClient::Send(std::string const& bytes) {
  std::size_t written = 0;
  bool ok = SSL_write_ex(impl_->ssl, bytes.data(), bytes.size(), &written) == 1 && written == bytes.size();
  ERR_clear_error();
  return ok;
}

std::optional<std::string> TlsTestClient::ReadResponse() {
  auto& impl = *impl_;
  while (true) {
    if (auto length = ResponseLength(impl.buffer); length && impl.buffer.size() >= *length) {
      std::string response = impl.buffer.substr(0, *length);
      impl.buffer.erase(0, *length);
      return response;
    }
    char chunk[16 * 1024];
    std::size_t got = 0;
    if (SSL_read_ex(impl.ssl, chunk, sizeof chunk, &got) != 1) {
      ERR_clear_error();
      return std::nullopt;
    }
    impl.buffer.append(chunk, got);
  }
}

PlainTestClient::PlainTestClient(int port) : fd_(ConnectLoopback(port)) {}

PlainTestClient::~PlainTestClient() { ::close(fd_); }

bool PlainTestClient::Send(std::string const& bytes) {
  return ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(bytes.size());
}

bool PlainTestClient::ReadUntilClosed(std::string& received) {
  char chunk[4096];
  while (true) {
    auto got = ::recv(fd_, chunk, sizeof chunk, 0);
    if (got > 0) {
      received.append(chunk, static_cast<std::size_t>(got));
      continue;
    }
    if (got == 0) return true;
    if (errno == EINTR) continue;
    return errno == ECONNRESET;  // a reset is a close too; EAGAIN is the timeout
  }
}

}  // namespace opentok_mock::testing
