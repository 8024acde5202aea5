#pragma once

// Vonage application credentials for tests: one RSA key pair generated per test binary
// (never a key checked into the repository), an application client wired like TestClient,
// and an RS256 JWT decoder that checks the signature with the public half.

#include <nlohmann/json.hpp>

#include <filesystem>
#include <memory>
#include <string>

#include "opentok/opentok.h"
#include "opentok/testing/fake_clock.h"
#include "opentok/testing/fake_transport.h"
#include "opentok/testing/fixed_random.h"
#include "opentok_common/rsa.h"
#include "test_data.h"

namespace opentok::testing_util {

inline constexpr char kApplicationId[] = "c8a7e8a5-0e2d-4a6e-9a4e-1f0b5e6d7c8b";
inline constexpr char kVonageTestUrl[] = "https://video.example.test";

// The key pair of this test binary (RSA-2048, made on first use).
common::RsaPrivateKey const& TestApplicationKey();
// Its PEM forms.
std::string TestPrivateKeyPem();        // PKCS#8 ("BEGIN PRIVATE KEY")
std::string TestPrivateKeyPkcs1Pem();  // PKCS#1 ("BEGIN RSA PRIVATE KEY"), as older tools write it
std::string TestPublicKeyPem();
// An EC (P-256) private key in PKCS#8 PEM: a PEM key that is not RSA.
std::string EcPrivateKeyPem();

// A session id of `owner` (an application id or an API key), in the current format.
std::string SessionIdOf(std::string const& owner);

struct VerifiedRs256 {
  nlohmann::json header;
  nlohmann::json payload;
  bool signature_valid = false;
};
// Splits a compact JWS, decodes header and payload, and checks the RSASSA-PKCS1-v1_5 SHA-256
// signature of the signing input with `public_key_pem` through OpenSSL (RsaPublicKey).
VerifiedRs256 DecodeRs256(std::string const& token, std::string const& public_key_pem);

// A file in a fresh temporary directory, removed with the object.
class TempFile {
 public:
  explicit TempFile(std::string const& contents);
  ~TempFile();
  TempFile(TempFile const&) = delete;
  TempFile& operator=(TempFile const&) = delete;
  std::string path() const { return path_.string(); }
  std::string directory() const { return path_.parent_path().string(); }

 private:
  std::filesystem::path path_;
};

// An application client (PEM text key) on a scripted transport, a clock stopped at kNow and
// numbered jti values, like TestClient for projects.
struct TestApplicationClient {
  std::shared_ptr<testing::FakeTransport> transport = std::make_shared<testing::FakeTransport>();
  std::shared_ptr<testing::FakeClock> clock = std::make_shared<testing::FakeClock>(kNow);
  std::shared_ptr<testing::FixedRandom> random = std::make_shared<testing::FixedRandom>(kNonce);
  OpenTok client;

  explicit TestApplicationClient(ClientOptions options = {})
      : client(ApplicationCredentials{.application_id = kApplicationId, .private_key = TestPrivateKeyPem()},
               Wire(std::move(options))) {}

 private:
  ClientOptions Wire(ClientOptions options) {
    if (options.api_url == kDefaultApiUrl) options.api_url = kVonageTestUrl;
    options.transport = transport;
    options.clock = clock;
    options.random = random;
    return options;
  }
};

}  // namespace opentok::testing_util
