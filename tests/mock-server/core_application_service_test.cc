// Vonage applications in the service: registration, sessions owned by an application (its
// id in field [1]), every project-scoped operation under the application id, client tokens
// of the right kind only, and the REST-token helper.

#include "application_helpers.h"
#include "core_fixture.h"
#include "opentok_common/session_id.h"
#include "opentok_mock/application_key.h"

namespace opentok_mock::testing {
namespace {

class ApplicationServiceTest : public CoreTest {
 protected:
  ApplicationServiceTest() { Must(service_.AddApplication(kApplicationId, ApplicationPrivateKey().PublicKeyPem())); }

  std::string ApplicationSession() {
    SessionSettings settings;
    settings.media_mode = MediaMode::kRouted;
    return Must(service_.CreateSession(kApplicationId, settings)).session_id;
  }
  std::string ApplicationToken(std::string const& session_id, std::string const& role = "publisher") {
    return MakeRs256Jwt(ApplicationClientClaims(kApplicationId, session_id, role, service_.NowMs() / 1000),
                        ApplicationPrivateKey());
  }
  std::string Refusal(std::string const& session_id, std::string const& token) {
    auto result = service_.Connect(session_id, token);
    EXPECT_FALSE(result.ok());
    if (result.ok()) return {};
    EXPECT_EQ(result.error().http_status, 403);
    return result.error().message;
  }
};

TEST_F(ApplicationServiceTest, RegistrationChecksIdKeyAndDuplicates) {
  auto bad_id = service_.AddApplication("not-a-uuid", ApplicationPrivateKey().PublicKeyPem());
  ASSERT_FALSE(bad_id.ok());
  EXPECT_EQ(bad_id.error().http_status, 400);
  EXPECT_NE(bad_id.error().message.find("UUID"), std::string::npos);
  auto ec = service_.AddApplication(kOtherApplicationId, kEcPublicKeyPem);
  ASSERT_FALSE(ec.ok());
  EXPECT_EQ(ec.error().http_status, 400);
  EXPECT_NE(ec.error().message.find("publicKey"), std::string::npos);
  auto garbage = service_.AddApplication(kOtherApplicationId, "not a key");
  ASSERT_FALSE(garbage.ok());
  EXPECT_EQ(garbage.error().http_status, 400);
  auto twice = service_.AddApplication(kApplicationId, ApplicationPrivateKey().PublicKeyPem());
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().http_status, 409);

  auto listed = service_.Applications();
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].application_id, kApplicationId);
  EXPECT_EQ(listed[0].public_key_pem, ApplicationPrivateKey().PublicKeyPem());
  EXPECT_TRUE(listed[0].private_key_pem.empty());
  // Projects and applications are listed apart; a reset keeps both.
  service_.Reset();
  EXPECT_EQ(service_.Projects().size(), 1u);
  EXPECT_EQ(service_.Applications().size(), 1u);
}

TEST_F(ApplicationServiceTest, SessionsCarryTheApplicationIdAndAcceptItsTokens) {
  auto session_id = ApplicationSession();
  auto parts = opentok::common::DecodeSessionId(session_id);
  ASSERT_TRUE(parts);
  EXPECT_EQ(parts->project_id, kApplicationId);

  auto connection = Must(service_.Connect(session_id, ApplicationToken(session_id, "moderator")));
  EXPECT_EQ(connection.role, Role::kModerator);
  EXPECT_EQ(connection.initial_layout_class_list, (std::vector<std::string>{"focus", "main"}));
  Publish(session_id, connection.connection_id);
  // Project-scoped operations take the application id.
  StartArchiveRequest request;
  request.session_id = session_id;
  auto archive = Must(service_.StartArchive(kApplicationId, request));
  EXPECT_EQ(archive.api_key, kApplicationId);
  EXPECT_EQ(Must(service_.ListStreams(kApplicationId, session_id)).size(), 1u);
  EXPECT_EQ(Must(service_.StopArchive(kApplicationId, archive.id)).status, ArchiveStatus::kStopped);
  // ...and only the owner's.
  EXPECT_EQ(service_.GetArchive(kKey, archive.id).error().http_status, 404);
}

TEST_F(ApplicationServiceTest, TokensOfTheOtherKindSaySo) {
  auto application_session = ApplicationSession();
  auto project_session = RoutedSession();
  // A project's valid HS256 token for an application's session, and the reverse.
  auto message = Refusal(application_session, Token(application_session));
  EXPECT_NE(message.find("belongs to a Vonage application"), std::string::npos) << message;
  EXPECT_NE(message.find("not a project's token"), std::string::npos) << message;
  message = Refusal(project_session, ApplicationToken(project_session));
  EXPECT_NE(message.find("belongs to a project"), std::string::npos) << message;
  EXPECT_NE(message.find("not a Vonage application's token"), std::string::npos) << message;
  // Another application's token for this application's session.
  auto other = Must(service_.AddApplication(kOtherApplicationId, OtherPrivateKey().PublicKeyPem()));
  auto foreign = MakeRs256Jwt(ApplicationClientClaims(other.application_id, application_session, "publisher",
                                                      service_.NowMs() / 1000),
                              OtherPrivateKey());
  EXPECT_NE(Refusal(application_session, foreign).find("another project"), std::string::npos);
}

TEST_F(ApplicationServiceTest, RestTokenHelperNeedsThePrivateKey) {
  auto public_only = service_.MintRestAuth(kApplicationId);
  ASSERT_FALSE(public_only.ok());
  EXPECT_EQ(public_only.error().http_status, 409);
  EXPECT_NE(public_only.error().message.find("only the public key"), std::string::npos);
  EXPECT_EQ(service_.MintRestAuth("ffffffff-ffff-4fff-8fff-ffffffffffff").error().http_status, 404);

  auto generated = Must(service_.AddApplication());
  EXPECT_TRUE(IsApplicationId(generated.application_id));
  EXPECT_NE(generated.private_key_pem.find("BEGIN PRIVATE KEY"), std::string::npos);
  auto header = Must(service_.MintRestAuth(generated.application_id));
  EXPECT_EQ(header.name, "Authorization");
  auto verdict = service_.AuthenticateRest({"", "", header.prefix + header.jwt}, generated.application_id);
  EXPECT_TRUE(verdict.ok) << verdict.message;
  EXPECT_EQ(Must(service_.MintRestAuth(kKey)).name, "X-OPENTOK-AUTH");
}

}  // namespace
}  // namespace opentok_mock::testing
