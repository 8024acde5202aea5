// The mock over TLS: the loopback certificates it generates, the serving layer's handshake
// on its epoll loop (keep-alive and pipelining over TLS, a plain-HTTP client and a silent
// client closed), certificate files and their errors, and our SDK over https with
// ClientOptions::ca_file.

#include <openssl/bio.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <opentok/opentok.h>

#include "opentok_common/local_certificates.h"
#include "opentok_mock/mock_server.h"
#include "tls_test_client.h"

namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;
using opentok_mock::MockServer;
using opentok_mock::MockServerOptions;
using opentok_mock::testing::PlainTestClient;
using opentok_mock::testing::TlsTestClient;

constexpr char kHealth[] = "GET /_mock/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

// A private temporary directory, removed with what is in it.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "opentok-mock-tls-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  std::string File(std::string const& name) const { return (path_ / name).string(); }
  std::string Write(std::string const& name, std::string const& text) const {
    std::ofstream(File(name), std::ios::binary) << text;
    return File(name);
  }

 private:
  std::filesystem::path path_;
};

std::string ReadText(std::string const& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

struct X509Free {
  void operator()(X509* cert) const { X509_free(cert); }
};
using X509Ptr = std::unique_ptr<X509, X509Free>;

X509Ptr ParseCert(std::string const& pem) {
  BIO* bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
  X509Ptr cert(PEM_read_bio_X509(bio, nullptr, nullptr, nullptr));
  BIO_free(bio);
  return cert;
}

// X509_verify_cert of `leaf` against `ca` as the only trust anchor, for the TLS server purpose.
int VerifyAgainst(X509* leaf, X509* ca) {
  X509_STORE* store = X509_STORE_new();
  X509_STORE_add_cert(store, ca);
  X509_STORE_CTX* ctx = X509_STORE_CTX_new();
  X509_STORE_CTX_init(ctx, store, leaf, nullptr);
  X509_STORE_CTX_set_purpose(ctx, X509_PURPOSE_SSL_SERVER);
  int result = X509_verify_cert(ctx) == 1 ? X509_V_OK : X509_STORE_CTX_get_error(ctx);
  X509_STORE_CTX_free(ctx);
  X509_STORE_free(store);
  return result;
}

MockServerOptions SelfSigned(TempDir const& dir) {
  MockServerOptions options;
  options.tls.self_signed = true;
  options.tls.ca_out_file = dir.File("ca.pem");
  return options;
}

// --- The generated certificates ------------------------------------------------------------

TEST(LocalCertificates, TheServerCertificateVerifiesAgainstTheCaForTheLoopbackNames) {
  auto generated = opentok::common::GenerateLocalCertificates();
  auto ca = ParseCert(generated.ca_cert_pem);
  auto server = ParseCert(generated.server_cert_pem);
  ASSERT_TRUE(ca && server);
  EXPECT_EQ(VerifyAgainst(server.get(), ca.get()), X509_V_OK);
  EXPECT_EQ(X509_check_ip_asc(server.get(), "127.0.0.1", 0), 1);
  EXPECT_EQ(X509_check_ip_asc(server.get(), "::1", 0), 1);
  EXPECT_EQ(X509_check_host(server.get(), "localhost", 0, 0, nullptr), 1);
  EXPECT_NE(X509_check_host(server.get(), "example.com", 0, 0, nullptr), 1);
  EXPECT_EQ(X509_check_ca(ca.get()), 1);
  EXPECT_EQ(X509_check_ca(server.get()), 0) << "the server certificate must not be a CA";
  EXPECT_THAT(generated.server_key_pem, StartsWith("-----BEGIN PRIVATE KEY-----"));
}

TEST(LocalCertificates, EachCallMakesANewCa) {
  auto first = opentok::common::GenerateLocalCertificates();
  auto second = opentok::common::GenerateLocalCertificates();
  EXPECT_NE(first.ca_cert_pem, second.ca_cert_pem);
  auto other_ca = ParseCert(second.ca_cert_pem);
  auto server = ParseCert(first.server_cert_pem);
  EXPECT_NE(VerifyAgainst(server.get(), other_ca.get()), X509_V_OK);
}

// --- Serving over TLS ------------------------------------------------------------------------

TEST(MockTls, SelfSignedModeServesHttpsAndWritesItsCa) {
  TempDir dir;
  MockServer server(SelfSigned(dir));
  EXPECT_EQ(server.url(), "https://127.0.0.1:" + std::to_string(server.port()));
  EXPECT_THAT(server.ca_pem(), StartsWith("-----BEGIN CERTIFICATE-----"));
  EXPECT_EQ(ReadText(dir.File("ca.pem")), server.ca_pem());
  EXPECT_FALSE(std::filesystem::exists(dir.File("ca.pem.tmp")));

  TlsTestClient client(server.port(), server.ca_pem());
  ASSERT_TRUE(client.Handshaken());
  ASSERT_TRUE(client.Send(kHealth));
  auto response = client.ReadResponse();
  ASSERT_TRUE(response);
  EXPECT_THAT(*response, StartsWith("HTTP/1.1 200 OK\r\n"));
}

TEST(MockTls, CaOutFileAloneSelectsTheSelfSignedMode) {
  TempDir dir;
  MockServerOptions options;
  options.tls.ca_out_file = dir.File("ca.pem");
  MockServer server(options);
  EXPECT_THAT(server.url(), StartsWith("https://"));
  EXPECT_EQ(ReadText(dir.File("ca.pem")), server.ca_pem());
}

TEST(MockTls, PlainHttpStaysPlainWithNoCa) {
  MockServer server;
  EXPECT_THAT(server.url(), StartsWith("http://127.0.0.1:"));
  EXPECT_TRUE(server.ca_pem().empty());
}

TEST(MockTls, KeepAliveServesSeveralRequestsOnOneTlsConnection) {
  TempDir dir;
  MockServer server(SelfSigned(dir));
  TlsTestClient client(server.port(), server.ca_pem());
  ASSERT_TRUE(client.Handshaken());
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(client.Send(kHealth)) << "request " << i;
    auto response = client.ReadResponse();
    ASSERT_TRUE(response) << "request " << i << ": the connection ended";
    EXPECT_THAT(*response, StartsWith("HTTP/1.1 200 OK\r\n"));
    EXPECT_THAT(*response, HasSubstr("Keep-Alive: timeout="));
  }
}

// Several requests in one TLS record: OpenSSL decrypts them all at once, and the ones after
// the first must be served from its buffer without a further socket event.
TEST(MockTls, PipelinedRequestsInOneRecordAreAllAnswered) {
  TempDir dir;
  MockServer server(SelfSigned(dir));
  TlsTestClient client(server.port(), server.ca_pem());
  ASSERT_TRUE(client.Handshaken());
  std::string three = std::string(kHealth) + kHealth +
                      "GET /_mock/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
  ASSERT_TRUE(client.Send(three));
  for (int i = 0; i < 3; ++i) {
    auto response = client.ReadResponse();
    ASSERT_TRUE(response) << "response " << i << " missing";
    EXPECT_THAT(*response, StartsWith("HTTP/1.1 200 OK\r\n"));
  }
  EXPECT_FALSE(client.ReadResponse()) << "Connection: close was not honoured";
}

TEST(MockTls, PlainHttpToTheTlsPortIsClosedAndTheServerGoesOn) {
  TempDir dir;
  MockServer server(SelfSigned(dir));
  {
    PlainTestClient plain(server.port());
    ASSERT_TRUE(plain.Send(kHealth));
    std::string received;
    EXPECT_TRUE(plain.ReadUntilClosed(received)) << "the connection was not closed";
    EXPECT_THAT(received, Not(HasSubstr("HTTP/1.1 200")));
  }
  TlsTestClient client(server.port(), server.ca_pem());
  ASSERT_TRUE(client.Handshaken());
  ASSERT_TRUE(client.Send(kHealth));
  EXPECT_TRUE(client.ReadResponse());
}

TEST(MockTls, AClientThatNeverSendsItsHelloIsClosedAfterTheRequestTimeout) {
  TempDir dir;
  auto options = SelfSigned(dir);
  options.request_timeout = std::chrono::milliseconds(200);
  MockServer server(options);
  PlainTestClient silent(server.port());
  auto start = std::chrono::steady_clock::now();
  std::string received;
  EXPECT_TRUE(silent.ReadUntilClosed(received)) << "no close within five seconds";
  EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(150));
  EXPECT_TRUE(received.empty());
}

TEST(MockTls, AClientThatDoesNotTrustTheCaFailsItsHandshake) {
  TempDir dir;
  MockServer server(SelfSigned(dir));
  auto other_ca = opentok::common::GenerateLocalCertificates().ca_cert_pem;
  TlsTestClient distrusting(server.port(), other_ca);
  EXPECT_FALSE(distrusting.Handshaken());
  TlsTestClient trusting(server.port(), server.ca_pem());
  EXPECT_TRUE(trusting.Handshaken());
}

// --- Certificate files ------------------------------------------------------------------------

struct CertFiles {
  std::string ca_pem;
  std::string cert;
  std::string key;
};

CertFiles WriteCertFiles(TempDir const& dir) {
  auto generated = opentok::common::GenerateLocalCertificates();
  return {generated.ca_cert_pem, dir.Write("cert.pem", generated.server_cert_pem),
          dir.Write("key.pem", generated.server_key_pem)};
}

TEST(MockTlsFiles, ACertificateAndKeyFilePairIsServed) {
  TempDir dir;
  auto files = WriteCertFiles(dir);
  MockServerOptions options;
  options.tls.cert_file = files.cert;
  options.tls.key_file = files.key;
  MockServer server(options);
  EXPECT_THAT(server.url(), StartsWith("https://127.0.0.1:"));
  EXPECT_TRUE(server.ca_pem().empty()) << "the mock has no CA of its own with a certificate file";
  TlsTestClient client(server.port(), files.ca_pem);
  ASSERT_TRUE(client.Handshaken());
  ASSERT_TRUE(client.Send(kHealth));
  EXPECT_TRUE(client.ReadResponse());
}

// The message names the file and says what is wrong, and never carries key material.
void ExpectInvalid(MockServerOptions const& options, std::string const& names) {
  try {
    MockServer server(options);
    FAIL() << "expected std::invalid_argument naming " << names;
  } catch (std::invalid_argument const& e) {
    EXPECT_THAT(e.what(), HasSubstr(names));
    EXPECT_THAT(e.what(), Not(HasSubstr("-----BEGIN")));
    EXPECT_THAT(e.what(), Not(HasSubstr("PRIVATE KEY")));
  }
}

TEST(MockTlsFiles, BadFilesAreInvalidArgumentsNamingTheFile) {
  TempDir dir;
  auto files = WriteCertFiles(dir);
  auto other = opentok::common::GenerateLocalCertificates();
  auto other_key = dir.Write("other-key.pem", other.server_key_pem);
  auto not_pem = dir.Write("not-pem.txt", "hello");

  MockServerOptions options;
  options.tls.cert_file = dir.File("missing.pem");
  options.tls.key_file = files.key;
  ExpectInvalid(options, dir.File("missing.pem"));

  options.tls.cert_file = not_pem;
  ExpectInvalid(options, not_pem);

  options.tls.cert_file = files.cert;
  options.tls.key_file = not_pem;
  ExpectInvalid(options, not_pem);

  options.tls.key_file = other_key;
  ExpectInvalid(options, other_key);

  // A key given as the certificate: its PEM must not leak into the message.
  options.tls.cert_file = files.key;
  options.tls.key_file = files.key;
  ExpectInvalid(options, files.key);
}

TEST(MockTlsFiles, ContradictoryOptionsAreInvalidArguments) {
  TempDir dir;
  auto files = WriteCertFiles(dir);
  MockServerOptions options;
  options.tls.cert_file = files.cert;
  ExpectInvalid(options, "key file");
  options.tls.key_file = files.key;
  options.tls.self_signed = true;
  ExpectInvalid(options, "self-signed");
  options.tls.self_signed = false;
  options.tls.ca_out_file = dir.File("ca.pem");
  ExpectInvalid(options, "self-signed");
}

// --- Our SDK over https ----------------------------------------------------------------------

class SdkOverTls : public ::testing::Test {
 protected:
  SdkOverTls() : server_([this] {
      auto options = SelfSigned(dir_);
      options.service.frozen_clock = true;
      return options;
    }()) {}

  opentok::ClientOptions Options(bool trust_the_ca) const {
    opentok::ClientOptions options;
    options.api_url = server_.url();
    options.connect_timeout = std::chrono::seconds(5);
    options.request_timeout = std::chrono::seconds(5);
    if (trust_the_ca) options.ca_file = dir_.File("ca.pem");
    return options;
  }
  std::string const& api_key() const { return server_.default_project().api_key; }
  std::string const& api_secret() const { return server_.default_project().api_secret; }

  TempDir dir_;
  MockServer server_;
};

TEST_F(SdkOverTls, CreatesASessionAndRecordsAnArchiveWithTheMocksCa) {
  opentok::OpenTok ot(api_key(), api_secret(), Options(true));
  opentok::SessionOptions session_options;
  session_options.media_mode = opentok::MediaMode::kRouted;
  auto session = ot.CreateSession(session_options).id;
  auto& mock = server_.service();
  auto connection = mock.Connect(session, ot.GenerateToken(session));
  ASSERT_TRUE(connection.ok()) << connection.error().message;
  ASSERT_TRUE(mock.Publish(session, connection->connection_id, {}).ok());

  auto started = ot.StartArchive(session, "over-tls");
  EXPECT_EQ(started.status, opentok::ArchiveStatus::kStarted);
  mock.AdvanceClock(std::chrono::seconds(30));
  ot.StopArchive(started.id);
  mock.AdvanceClock(std::chrono::seconds(mock.options().archive_processing_delay_s));
  auto available = ot.GetArchive(started.id);
  ASSERT_TRUE(available.url.has_value());
  EXPECT_THAT(*available.url, StartsWith(server_.url() + "/"));
  EXPECT_THAT(*available.url, StartsWith("https://"));
}

TEST_F(SdkOverTls, AClientWithoutTheCaIsRejected) {
  opentok::OpenTok untrusting(api_key(), api_secret(), Options(false));
  try {
    untrusting.CreateSession();
    FAIL() << "a certificate from the mock's own CA must not be accepted without ca_file";
  } catch (opentok::TransportException const& e) {
    EXPECT_THAT(e.what(), HasSubstr("TLS"));
    EXPECT_THAT(e.what(), Not(HasSubstr(api_secret())));
  }
  EXPECT_TRUE(server_.service().journal().Snapshot().empty()) << "no request may reach the handlers";
}

}  // namespace
