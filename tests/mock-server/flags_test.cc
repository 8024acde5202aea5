// The binary's flag parser, called directly: --application with a good key file, and each
// way it can be wrong (id, file, key), with a message naming the problem.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "application_helpers.h"
#include "flags.h"

namespace opentok_mock::testing {
namespace {

class FlagsTest : public ::testing::Test {
 protected:
  std::filesystem::path WriteFile(std::string const& name, std::string const& text) {
    auto path = std::filesystem::temp_directory_path() /
                ("opentok-mock-flags-" + std::to_string(getpid()) + "-" + name);
    std::ofstream(path) << text;
    written_.push_back(path);
    return path;
  }
  ~FlagsTest() override {
    for (auto const& path : written_) std::filesystem::remove(path);
  }

  static std::string Error(std::vector<std::string> const& args) {
    app::AppConfig config;
    auto error = app::ParseFlags(args, config);
    EXPECT_TRUE(error);
    return error.value_or("");
  }

  std::vector<std::filesystem::path> written_;
};

TEST_F(FlagsTest, ApplicationsAreRepeatable) {
  auto first = WriteFile("first.pem", ApplicationPrivateKey().PublicKeyPem());
  auto second = WriteFile("second.pem", OtherPrivateKey().PublicKeyPem());
  app::AppConfig config;
  auto error = app::ParseFlags({"--application", std::string(kApplicationId) + ":" + first.string(),
                                "--application=" + std::string(kOtherApplicationId) + ":" + second.string()},
                               config);
  ASSERT_FALSE(error) << *error;
  ASSERT_EQ(config.server.applications.size(), 2u);
  EXPECT_EQ(config.server.applications[0].application_id, kApplicationId);
  EXPECT_EQ(config.server.applications[0].public_key_pem, ApplicationPrivateKey().PublicKeyPem());
  EXPECT_EQ(config.server.applications[1].application_id, kOtherApplicationId);
  EXPECT_NE(app::Usage().find("--application APP_ID:PUBLIC_KEY_PEM_FILE"), std::string::npos);
}

TEST_F(FlagsTest, BadApplicationsSayWhy) {
  auto good = WriteFile("good.pem", ApplicationPrivateKey().PublicKeyPem());
  auto ec = WriteFile("ec.pem", kEcPublicKeyPem);
  auto text = WriteFile("text.pem", "hello");
  EXPECT_NE(Error({"--application", "12345:" + good.string()}).find("'12345' is not an application id"),
            std::string::npos);
  EXPECT_NE(Error({"--application", std::string(kApplicationId) + ":/nonexistent/key.pem"})
                .find("cannot read the public key file '/nonexistent/key.pem'"),
            std::string::npos);
  auto not_rsa = Error({"--application", std::string(kApplicationId) + ":" + ec.string()});
  EXPECT_NE(not_rsa.find(ec.string() + ": "), std::string::npos) << not_rsa;
  EXPECT_NE(not_rsa.find("RSA"), std::string::npos) << not_rsa;
  EXPECT_NE(Error({"--application", std::string(kApplicationId) + ":" + text.string()}).find(text.string()),
            std::string::npos);
  EXPECT_NE(Error({"--application", kApplicationId}).find("APP_ID:PUBLIC_KEY_PEM_FILE"), std::string::npos);
  EXPECT_NE(Error({"--application"}).find("needs a value"), std::string::npos);
}

TEST(AudioConnectorToneFlagTest, SelectsTheToneAndTakesNoValue) {
  app::AppConfig config;
  EXPECT_FALSE(config.server.service.audio_connector_tone);
  ASSERT_FALSE(app::ParseFlags({"--audio-connector-tone"}, config));
  EXPECT_TRUE(config.server.service.audio_connector_tone);
  app::AppConfig other;
  EXPECT_TRUE(app::ParseFlags({"--audio-connector-tone=yes"}, other));
  EXPECT_NE(app::Usage().find("--audio-connector-tone"), std::string::npos);
}

}  // namespace
}  // namespace opentok_mock::testing

namespace opentok_mock::testing {
namespace {

TEST(CallbackDeliveryFlagsTest, SetTheCallbackOptions) {
  app::AppConfig defaults;
  ASSERT_FALSE(app::ParseFlags({}, defaults));
  EXPECT_TRUE(defaults.server.callbacks.allowed_hosts.empty());
  EXPECT_FALSE(defaults.server.callbacks.allow_any_host);

  app::AppConfig config;
  auto error = app::ParseFlags({"--callback-allow-host", "hooks.example.com", "--callback-allow-host=10.0.0.7",
                                "--callback-allow-any-host", "--callback-attempts", "6", "--callback-timeout-ms=250",
                                "--callback-backoff-ms", "5000"},
                               config);
  ASSERT_FALSE(error) << *error;
  auto const& callbacks = config.server.callbacks;
  EXPECT_EQ(callbacks.allowed_hosts, (std::vector<std::string>{"hooks.example.com", "10.0.0.7"}));
  EXPECT_TRUE(callbacks.allow_any_host);
  EXPECT_EQ(callbacks.max_attempts, 6);
  EXPECT_EQ(callbacks.attempt_timeout, std::chrono::milliseconds(250));
  EXPECT_EQ(callbacks.first_backoff, std::chrono::milliseconds(5000));
  EXPECT_EQ(callbacks.max_backoff, std::chrono::milliseconds(5000));  // raised to the first backoff

  for (auto const* usage : {"--callback-allow-host HOST", "--callback-allow-any-host", "--callback-attempts N",
                            "--callback-timeout-ms N", "--callback-backoff-ms N"}) {
    EXPECT_NE(app::Usage().find(usage), std::string::npos) << usage;
  }
}

TEST(CallbackDeliveryFlagsTest, RefuseValuesThatCannotWork) {
  for (std::vector<std::string> const& args :
       {std::vector<std::string>{"--callback-attempts", "0"}, {"--callback-attempts=101"}, {"--callback-timeout-ms", "0"},
        {"--callback-timeout-ms", "2s"}, {"--callback-backoff-ms", "-1"}, {"--callback-allow-host="},
        {"--callback-allow-any-host=yes"}, {"--callback-allow-host"}}) {
    app::AppConfig config;
    EXPECT_TRUE(app::ParseFlags(args, config)) << args[0];
  }
}

}  // namespace
}  // namespace opentok_mock::testing

namespace opentok_mock::testing {
namespace {

TEST(CallbackUrlFlagTest, SetsTheServerOptionAndRefusesOtherSchemes) {
  app::AppConfig config;
  ASSERT_FALSE(app::ParseFlags({"--callback-url", "http://127.0.0.1:8000/hooks"}, config));
  EXPECT_EQ(config.server.callback_url, "http://127.0.0.1:8000/hooks");
  app::AppConfig other;
  auto error = app::ParseFlags({"--callback-url=ftp://example.com/"}, other);
  ASSERT_TRUE(error);
  EXPECT_NE(error->find("http:// or https://"), std::string::npos) << *error;
  EXPECT_NE(app::Usage().find("--callback-url URL"), std::string::npos);
}

}  // namespace
}  // namespace opentok_mock::testing
