// The binary's TLS flags (docs/tls.md): what each sets in MockTlsOptions, the pairs that go
// together and the combinations refused at parse time, and their help lines.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "flags.h"

namespace {

using opentok_mock::app::AppConfig;
using opentok_mock::app::ParseFlags;
using opentok_mock::app::Usage;

TEST(TlsFlags, SelfSignedWithACaFile) {
  AppConfig config;
  auto error = ParseFlags({"--tls-self-signed", "--tls-ca-out", "/tmp/ca.pem"}, config);
  ASSERT_FALSE(error) << *error;
  EXPECT_TRUE(config.server.tls.self_signed);
  EXPECT_EQ(config.server.tls.ca_out_file, "/tmp/ca.pem");
  EXPECT_TRUE(config.server.tls.enabled());
}

TEST(TlsFlags, CaOutAloneSelectsTheSelfSignedMode) {
  AppConfig config;
  auto error = ParseFlags({"--tls-ca-out=/tmp/ca.pem"}, config);
  ASSERT_FALSE(error) << *error;
  EXPECT_TRUE(config.server.tls.enabled());
  EXPECT_TRUE(config.server.tls.cert_file.empty());
}

TEST(TlsFlags, CertificateAndKeyFiles) {
  AppConfig config;
  auto error = ParseFlags({"--tls-cert", "cert.pem", "--tls-key=key.pem"}, config);
  ASSERT_FALSE(error) << *error;
  EXPECT_EQ(config.server.tls.cert_file, "cert.pem");
  EXPECT_EQ(config.server.tls.key_file, "key.pem");
  EXPECT_FALSE(config.server.tls.self_signed);
}

TEST(TlsFlags, OffByDefault) {
  AppConfig config;
  ASSERT_FALSE(ParseFlags({}, config));
  EXPECT_FALSE(config.server.tls.enabled());
}

TEST(TlsFlags, IncompleteOrContradictoryCombinationsAreRefused) {
  for (std::vector<std::string> const& args : std::vector<std::vector<std::string>>{
           {"--tls-cert", "cert.pem"},
           {"--tls-key", "key.pem"},
           {"--tls-cert", "cert.pem", "--tls-key", "key.pem", "--tls-self-signed"},
           {"--tls-cert", "cert.pem", "--tls-key", "key.pem", "--tls-ca-out", "ca.pem"},
           {"--tls-ca-out"}}) {
    AppConfig config;
    std::string joined;
    for (auto const& arg : args) joined += arg + " ";
    EXPECT_TRUE(ParseFlags(args, config)) << joined;
  }
}

TEST(TlsFlags, HelpListsThem) {
  auto usage = Usage();
  for (char const* line : {"--tls-cert FILE", "--tls-key FILE", "--tls-self-signed", "--tls-ca-out FILE"}) {
    EXPECT_NE(usage.find(line), std::string::npos) << line;
  }
}

}  // namespace
