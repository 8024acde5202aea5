// The binary's flag parser (CLI11), called directly: --application with a good key file, and
// each way it can be wrong (id, file, key), with a message naming the problem; numbers,
// repeated flags, the help text's groups, and the exec subcommand's command line.

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
  EXPECT_NE(Error({"--application"}).find("--application: 1 required APP_ID:PUBLIC_KEY_PEM_FILE missing"),
            std::string::npos);
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

namespace opentok_mock::testing {
namespace {

std::optional<std::string> Parse(std::vector<std::string> const& args, app::AppConfig& config) {
  return app::ParseFlags(args, config);
}

TEST(CommandLineTest, NumbersAreDecimalWithinTheirRange) {
  app::AppConfig config;
  ASSERT_FALSE(Parse({"--port", "010", "--seed=18446744073709551615", "--journal-size", "0"}, config));
  EXPECT_EQ(config.server.port, 10);  // not octal
  EXPECT_EQ(config.server.service.seed, UINT64_MAX);
  EXPECT_EQ(config.server.service.journal_capacity, 0u);
  for (std::vector<std::string> const& args : std::vector<std::vector<std::string>>{
           {"--port", "0x10"}, {"--port", "70000"}, {"--threads", "0"}, {"--journal-size", "-1"}, {"--seed", "-1"},
           {"--auth-leeway", "1e3"}, {"--port", " 80"}}) {
    app::AppConfig refused;
    auto error = Parse(args, refused);
    ASSERT_TRUE(error) << args[0] << " " << args[1];
    EXPECT_NE(error->find(args[0] + ": '" + args[1] + "' is not an integer from "), std::string::npos) << *error;
  }
}

TEST(CommandLineTest, RepeatedFlagsTakeTheLastValueOrAccumulate) {
  app::AppConfig config;
  ASSERT_FALSE(Parse({"--port", "1", "--port=2", "--project", "a:b", "--project=c:d", "--host", "127.0.0.2"}, config));
  EXPECT_EQ(config.server.port, 2);
  ASSERT_EQ(config.server.projects.size(), 2u);
  EXPECT_EQ(config.server.projects[1].api_key, "c");
  EXPECT_EQ(config.server.projects[1].api_secret, "d");
  EXPECT_EQ(config.server.host, "127.0.0.2");
  EXPECT_EQ(config.server.threads, app::kDefaultThreads);
}

TEST(CommandLineTest, ErrorsNameTheFlagButNeverASecret) {
  app::AppConfig config;
  auto unknown = Parse({"--bogus"}, config);
  ASSERT_TRUE(unknown);
  EXPECT_NE(unknown->find("--bogus"), std::string::npos) << *unknown;
  for (auto const* value : {"only-the-secret-part", ":only-the-secret-part", "key:"}) {
    app::AppConfig refused;
    auto error = Parse({"--project", value}, refused);
    ASSERT_TRUE(error) << value;
    EXPECT_NE(error->find("--project: use KEY:SECRET"), std::string::npos) << *error;
    EXPECT_EQ(error->find("only-the-secret-part"), std::string::npos) << *error;
  }
  app::AppConfig flag_value;
  EXPECT_TRUE(Parse({"--frozen-clock=yes"}, flag_value));
  app::AppConfig separator;
  auto stray = Parse({"--", "ls"}, separator);
  ASSERT_TRUE(stray);
  EXPECT_NE(stray->find("only for exec"), std::string::npos) << *stray;
}

TEST(CommandLineTest, HelpIsGroupedAndNamesExec) {
  auto usage = app::Usage();
  for (auto const* heading : {"Listening:", "Projects and applications:", "Mock service:", "Callbacks:", "exec"}) {
    EXPECT_NE(usage.find(heading), std::string::npos) << heading;
  }
  EXPECT_NE(usage.find("--project KEY:SECRET"), std::string::npos);
  EXPECT_NE(usage.find("-h,--help"), std::string::npos);
  EXPECT_LT(usage.find("Listening:"), usage.find("--request-timeout-ms N"));
  EXPECT_LT(usage.find("Callbacks:"), usage.find("--callback-url URL"));
  app::AppConfig config;
  ASSERT_FALSE(Parse({"--help"}, config));
  EXPECT_TRUE(config.help);
  EXPECT_FALSE(config.exec);
}

TEST(ExecFlagsTest, TheCommandFollowsTheSeparatorUntouched) {
  app::AppConfig config;
  ASSERT_FALSE(Parse({"exec", "--seed", "3", "--frozen-clock", "--", "sh", "-c", "exit 3", "--port", "9", "--help"},
                     config));
  EXPECT_TRUE(config.exec);
  EXPECT_FALSE(config.help);
  EXPECT_EQ(config.server.service.seed, 3u);
  EXPECT_TRUE(config.server.service.frozen_clock);
  EXPECT_EQ(config.server.port, 0);
  EXPECT_EQ(config.exec_config.command,
            (std::vector<std::string>{"sh", "-c", "exit 3", "--port", "9", "--help"}));
  EXPECT_FALSE(config.exec_config.generate_application);
  EXPECT_EQ(config.exec_config.credentials, app::ExecCredentials::kAll);
}

TEST(ExecFlagsTest, WithoutSeparatorTheFirstNonFlagStartsTheCommand) {
  app::AppConfig config;
  ASSERT_FALSE(Parse({"--threads", "8", "exec", "--project", "k:s", "--callback-allow-host", "h", "npm", "test", "-x"},
                     config));
  EXPECT_EQ(config.server.threads, 8);
  ASSERT_EQ(config.server.projects.size(), 1u);  // one value per flag: the command is not taken as more
  EXPECT_EQ(config.server.callbacks.allowed_hosts, (std::vector<std::string>{"h"}));
  EXPECT_EQ(config.exec_config.command, (std::vector<std::string>{"npm", "test", "-x"}));
}

TEST(ExecFlagsTest, ApplicationAndCredentialsFlags) {
  app::AppConfig config;
  ASSERT_FALSE(Parse({"exec", "--generate-application", "--credentials", "application", "--", "true"}, config));
  EXPECT_TRUE(config.exec_config.generate_application);
  EXPECT_EQ(config.exec_config.credentials, app::ExecCredentials::kApplication);
  app::AppConfig project;
  ASSERT_FALSE(Parse({"exec", "--credentials=project", "true"}, project));
  EXPECT_EQ(project.exec_config.credentials, app::ExecCredentials::kProject);
  app::AppConfig bad;
  auto error = Parse({"exec", "--credentials", "everything", "--", "true"}, bad);
  ASSERT_TRUE(error);
  EXPECT_NE(error->find("--credentials"), std::string::npos) << *error;
}

TEST(ExecFlagsTest, RefusesAMissingCommandAndUnknownFlags) {
  for (std::vector<std::string> const& args : std::vector<std::vector<std::string>>{
           {"exec"}, {"exec", "--"}, {"exec", "--seed", "1"}}) {
    app::AppConfig config;
    auto error = Parse(args, config);
    ASSERT_TRUE(error) << args.size();
    EXPECT_NE(error->find("exec needs a command"), std::string::npos) << *error;
  }
  app::AppConfig unknown;
  auto error = Parse({"exec", "--bogus", "--", "ls"}, unknown);
  ASSERT_TRUE(error);
  EXPECT_NE(error->find("--bogus"), std::string::npos) << *error;
  app::AppConfig both;
  EXPECT_TRUE(Parse({"exec", "ls", "--", "ls"}, both));
  app::AppConfig server_only;
  EXPECT_TRUE(Parse({"--generate-application"}, server_only));  // an exec flag
}

TEST(ExecFlagsTest, HelpOfExecListsItsFlagsAndTheServers) {
  app::AppConfig config;
  ASSERT_FALSE(Parse({"exec", "--help"}, config));
  EXPECT_TRUE(config.help);
  EXPECT_TRUE(config.exec);
  auto usage = app::ExecUsage();
  for (auto const* text : {"opentok-mock exec [flags] -- COMMAND [ARGS...]", "--generate-application",
                           "--credentials KIND", "--port N", "--project KEY:SECRET", "OPENTOK_API_URL", "127"}) {
    EXPECT_NE(usage.find(text), std::string::npos) << text;
  }
}

}  // namespace
}  // namespace opentok_mock::testing
