#include "tls.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <memory>
#include <stdexcept>

namespace opentok_mock::http::serving {
namespace {

struct BioFree {
  void operator()(BIO* bio) const { BIO_free(bio); }
};
using BioPtr = std::unique_ptr<BIO, BioFree>;

BioPtr MemoryBio(std::string_view text) {
  BioPtr bio(BIO_new_mem_buf(text.data(), static_cast<int>(text.size())));
  if (!bio) throw std::runtime_error("TLS: out of memory");
  return bio;
}

// OpenSSL's reason for the newest error on this thread's queue, then the queue cleared. The
// reason strings name what was wrong ("no start line", "key values mismatch"), never data.
std::string LastReason() {
  unsigned long code = ERR_peek_last_error();
  char const* reason = code != 0 ? ERR_reason_error_string(code) : nullptr;
  ERR_clear_error();
  return reason != nullptr ? reason : "unknown error";
}

[[noreturn]] void Invalid(std::string const& name, std::string const& what) {
  throw std::invalid_argument("TLS: " + name + ": " + what + " (" + LastReason() + ")");
}

}  // namespace

TlsContext::TlsContext(std::string_view cert_pem, std::string_view key_pem, std::string const& cert_name,
                       std::string const& key_name) {
  ERR_clear_error();
  ctx_ = SSL_CTX_new(TLS_server_method());
  if (ctx_ == nullptr) throw std::runtime_error("TLS: cannot create a context (" + LastReason() + ")");
  try {
    SSL_CTX_set_min_proto_version(ctx_, TLS1_2_VERSION);
    // No renegotiation (a TLS 1.2 client could otherwise make a write wait for a read);
    // a peer that closes without close_notify is an ordinary EOF, as for plain HTTP.
    SSL_CTX_set_options(ctx_, SSL_OP_NO_RENEGOTIATION | SSL_OP_IGNORE_UNEXPECTED_EOF);
    // The pending answer is retried from wherever it is; idle connections hold no buffers.
    SSL_CTX_set_mode(ctx_, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER |
                               SSL_MODE_RELEASE_BUFFERS);

    auto certs = MemoryBio(cert_pem);
    X509* leaf = PEM_read_bio_X509(certs.get(), nullptr, nullptr, nullptr);
    if (leaf == nullptr) Invalid(cert_name, "not a PEM certificate");
    bool used = SSL_CTX_use_certificate(ctx_, leaf) == 1;
    X509_free(leaf);
    if (!used) Invalid(cert_name, "the certificate is not usable");
    while (X509* extra = PEM_read_bio_X509(certs.get(), nullptr, nullptr, nullptr)) {
      if (SSL_CTX_add0_chain_cert(ctx_, extra) != 1) {
        X509_free(extra);
        Invalid(cert_name, "a chain certificate is not usable");
      }
    }
    ERR_clear_error();  // the loop ends on "no start line"

    auto key_bio = MemoryBio(key_pem);
    EVP_PKEY* key = PEM_read_bio_PrivateKey(key_bio.get(), nullptr, nullptr, nullptr);
    if (key == nullptr) Invalid(key_name, "not an unencrypted PEM private key");
    used = SSL_CTX_use_PrivateKey(ctx_, key) == 1;
    EVP_PKEY_free(key);
    if (!used || SSL_CTX_check_private_key(ctx_) != 1) {
      Invalid(key_name, "the private key does not belong to the certificate in " + cert_name);
    }
  } catch (...) {
    SSL_CTX_free(ctx_);
    throw;
  }
}

TlsContext::~TlsContext() { SSL_CTX_free(ctx_); }

TlsStream::TlsStream(TlsContext const& context, int fd) {
  ssl_ = SSL_new(context.native());
  if (ssl_ == nullptr || SSL_set_fd(ssl_, fd) != 1) {
    SSL_free(ssl_);
    ERR_clear_error();
    throw std::runtime_error("TLS: cannot create a connection");
  }
  SSL_set_accept_state(ssl_);
}

TlsStream::~TlsStream() { SSL_free(ssl_); }

// The error queue is per thread and a connection moves between the I/O thread and workers:
// it is cleared before each call (so that SSL_get_error sees only this call's errors) and
// after a failure (so that nothing stale is left for the next connection on the thread).
TlsStream::Status TlsStream::StatusOf(int result) {
  int error = SSL_get_error(ssl_, result);
  switch (error) {
    case SSL_ERROR_WANT_READ: return Status::kWantRead;
    case SSL_ERROR_WANT_WRITE: return Status::kWantWrite;
    case SSL_ERROR_ZERO_RETURN: return Status::kClosed;
    default:  // SSL_ERROR_SSL, SSL_ERROR_SYSCALL (a reset, an error on the socket)
      ERR_clear_error();
      return Status::kError;
  }
}

TlsStream::Status TlsStream::Handshake() {
  ERR_clear_error();
  int result = SSL_do_handshake(ssl_);
  return result == 1 ? Status::kOk : StatusOf(result);
}

TlsStream::Io TlsStream::Read(char* buffer, std::size_t size) {
  ERR_clear_error();
  std::size_t got = 0;
  int result = SSL_read_ex(ssl_, buffer, size, &got);
  if (result == 1) return {Status::kOk, got};
  return {StatusOf(result), 0};
}

TlsStream::Io TlsStream::Write(char const* data, std::size_t size) {
  ERR_clear_error();
  std::size_t sent = 0;
  int result = SSL_write_ex(ssl_, data, size, &sent);
  if (result == 1) return {Status::kOk, sent};
  return {StatusOf(result), 0};
}

bool TlsStream::HasPending() const { return SSL_has_pending(ssl_) == 1; }

void TlsStream::Shutdown() {
  ERR_clear_error();
  SSL_shutdown(ssl_);
  ERR_clear_error();
}

}  // namespace opentok_mock::http::serving
