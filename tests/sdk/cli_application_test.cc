// The `opentok` binary with Vonage application credentials: --application-id and
// --private-key (before or after the command), OPENTOK_APPLICATION_ID and
// OPENTOK_PRIVATE_KEY, the tokens and REST auth they produce (verified with the public key
// of a key pair made in the test), and every mistake in giving them (exit 2, nothing sent).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "application_fixture.h"
#include "cli_harness.h"

namespace opentok {
namespace {

using testing_util::Cli;
using testing_util::DecodeRs256;
using testing_util::kApplicationId;
using testing_util::RecordingStub;
using testing_util::SessionIdOf;
using testing_util::Stdout;
using testing_util::TempFile;
using testing_util::TestPrivateKeyPem;
using testing_util::TestPublicKeyPem;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

using Env = std::map<std::string, std::string>;

// The claims of a CLI-made application token, after checking its RS256 signature.
nlohmann::json TokenClaims(testing_util::ProcessResult const& r) {
  auto out = Stdout(r);
  EXPECT_EQ(out.at("format"), "jwt");
  auto jwt = DecodeRs256(out.at("token").get<std::string>(), TestPublicKeyPem());
  EXPECT_TRUE(jwt.signature_valid);
  EXPECT_EQ(jwt.header.at("alg"), "RS256");
  return jwt.payload;
}

TEST(CliApplication, TokenWithFlagsBeforeOrAfterTheCommand) {
  TempFile key(TestPrivateKeyPem());
  std::string sid = SessionIdOf(kApplicationId);
  auto before = TokenClaims(Cli({"--application-id", kApplicationId, "--private-key", key.path(), "token", sid,
                                 "--role", "moderator", "--data", "name=ann"},
                                Env{}));
  EXPECT_EQ(before.at("application_id"), kApplicationId);
  EXPECT_EQ(before.at("session_id"), sid);
  EXPECT_EQ(before.at("role"), "moderator");
  EXPECT_EQ(before.at("connection_data"), "name=ann");
  EXPECT_EQ(before.at("scope"), "session.connect");
  EXPECT_EQ(before.at("sub"), "video");
  EXPECT_EQ(before.at("exp").get<std::int64_t>() - before.at("iat").get<std::int64_t>(), 86400);
  auto after = TokenClaims(
      Cli({"token", sid, "--application-id=" + std::string(kApplicationId), "--private-key=" + key.path()}, Env{}));
  EXPECT_EQ(after.at("role"), "publisher");
}

TEST(CliApplication, TokenFromTheEnvironment) {
  TempFile key(TestPrivateKeyPem());
  auto claims = TokenClaims(Cli({"token", SessionIdOf(kApplicationId)},
                                Env{{"OPENTOK_APPLICATION_ID", kApplicationId}, {"OPENTOK_PRIVATE_KEY", key.path()}}));
  EXPECT_EQ(claims.at("application_id"), kApplicationId);
}

TEST(CliApplication, FlagsTakePrecedenceOverAProjectInTheEnvironment) {
  TempFile key(TestPrivateKeyPem());
  auto claims = TokenClaims(Cli({"--application-id", kApplicationId, "--private-key", key.path(), "token",
                                 SessionIdOf(kApplicationId)}));  // Cli's default env is a project
  EXPECT_EQ(claims.at("application_id"), kApplicationId);
}

TEST(CliApplication, RestRequestsCarryTheApplicationJwtAndPath) {
  TempFile key(TestPrivateKeyPem());
  RecordingStub stub;
  stub.Answer(200, R"({"count":0,"items":[]})");
  auto r = Cli({"archive", "list", "--application-id", kApplicationId, "--private-key", key.path()},
               Env{{"OPENTOK_API_URL", stub.url()}});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  auto seen = stub.seen();
  EXPECT_EQ(seen.target, std::string("/v2/project/") + kApplicationId + "/archive?offset=0&count=1000");
  EXPECT_THAT(seen.opentok_auth, IsEmpty());
  ASSERT_EQ(seen.authorization.rfind("Bearer ", 0), 0u);
  auto jwt = DecodeRs256(seen.authorization.substr(7), TestPublicKeyPem());
  EXPECT_TRUE(jwt.signature_valid);
  EXPECT_EQ(jwt.payload.at("application_id"), kApplicationId);
  EXPECT_EQ(jwt.payload.at("exp").get<std::int64_t>() - jwt.payload.at("iat").get<std::int64_t>(), 300);
  EXPECT_EQ(jwt.payload.size(), 4u) << "application_id, iat, exp, jti";
}

// Exit status 2 with `message` on stderr, and nothing on stdout.
void ExpectUsageError(testing_util::ProcessResult const& r, std::string const& message) {
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_THAT(r.out, IsEmpty());
  EXPECT_THAT(r.err, HasSubstr(message));
}

TEST(CliApplication, HalfGivenCredentials) {
  TempFile key(TestPrivateKeyPem());
  std::string sid = SessionIdOf(kApplicationId);
  ExpectUsageError(Cli({"token", sid, "--application-id", kApplicationId}, Env{}),
                   "--application-id needs --private-key FILE");
  ExpectUsageError(Cli({"token", sid, "--private-key", key.path()}, Env{}), "--private-key needs --application-id ID");
  ExpectUsageError(Cli({"token", sid, "--private-key"}, Env{}), "--private-key: 1 required FILE missing");
  ExpectUsageError(Cli({"token", sid}, Env{{"OPENTOK_APPLICATION_ID", kApplicationId}}),
                   "OPENTOK_APPLICATION_ID is set but OPENTOK_PRIVATE_KEY (a key file) is not");
  ExpectUsageError(Cli({"token", sid}, Env{{"OPENTOK_PRIVATE_KEY", key.path()}}),
                   "OPENTOK_PRIVATE_KEY is set but OPENTOK_APPLICATION_ID is not");
}

TEST(CliApplication, MixedCredentialsInTheEnvironment) {
  TempFile key(TestPrivateKeyPem());
  auto env = testing_util::Credentials();
  env["OPENTOK_APPLICATION_ID"] = kApplicationId;
  env["OPENTOK_PRIVATE_KEY"] = key.path();
  ExpectUsageError(Cli({"token", SessionIdOf(kApplicationId)}, env), "unset one of them");
}

TEST(CliApplication, UnusableKeysAndIds) {
  TempFile ec_key(testing_util::EcPrivateKeyPem());
  TempFile rsa_key(TestPrivateKeyPem());
  std::string sid = SessionIdOf(kApplicationId);
  auto flags = [&](std::string id, std::string key_path) {
    return Cli({"token", sid, "--application-id", std::move(id), "--private-key", std::move(key_path)}, Env{});
  };
  auto missing = flags(kApplicationId, "/nonexistent/app.key");
  ExpectUsageError(missing, "neither PEM text nor the path of a readable file");
  EXPECT_THAT(missing.err, HasSubstr("'/nonexistent/app.key'")) << "the path is named";
  ExpectUsageError(flags(kApplicationId, ec_key.path()), "the private key is EC, not RSA");
  ExpectUsageError(flags("not-a-uuid", rsa_key.path()), "application_id must be a UUID");
  // The key itself instead of a file: refused without echoing it.
  std::string pem = TestPrivateKeyPem();
  auto inline_key = flags(kApplicationId, pem);
  ExpectUsageError(inline_key, "takes the path of a PEM file, not the key itself");
  EXPECT_THAT(inline_key.err, Not(HasSubstr(pem.substr(40, 64))));
}

TEST(CliApplication, T1IsRefused) {
  TempFile key(TestPrivateKeyPem());
  ExpectUsageError(Cli({"token", SessionIdOf(kApplicationId), "--format", "t1"},
                       Env{{"OPENTOK_APPLICATION_ID", kApplicationId}, {"OPENTOK_PRIVATE_KEY", key.path()}}),
                   "T1 tokens do not exist for Vonage applications");
}

TEST(CliApplication, HelpNamesTheApplicationCredentials) {
  auto r = Cli({"--help"}, Env{});
  EXPECT_EQ(r.exit_code, 0);
  for (char const* text : {"--application-id ID", "--private-key FILE", "OPENTOK_APPLICATION_ID", "OPENTOK_PRIVATE_KEY",
                           "https://video.api.vonage.com"}) {
    EXPECT_THAT(r.out, HasSubstr(text));
  }
}

}  // namespace
}  // namespace opentok
