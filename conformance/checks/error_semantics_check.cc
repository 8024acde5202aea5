// Error semantics: unknown ids (404), bad or missing auth (403 with the service's body),
// relayed sessions (409, in session_check.cc), no clients (400), double start (409), and
// invalid arguments rejected by the SDK before any request.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "archive_tracker.h"
#include "application_credentials.h"
#include "conformance_test.h"
#include "opentok_common/hmac.h"
#include "opentok_common/random.h"
#include "opentok_common/session_id.h"

namespace opentok::conformance {
namespace {

std::string UnknownId() { return common::FormatUuidV4(common::RandomBytes(16)); }

class ErrorSemanticsTest : public ConformanceTest {};

TEST_F(ErrorSemanticsTest, UnknownArchiveIdIsNotFound) {
  OpenTok client = target().Client();
  std::string id = UnknownId();
  for (auto const& call : {std::function<void()>([&] { client.GetArchive(id); }),
                           std::function<void()>([&] { client.StopArchive(id); }),
                           std::function<void()>([&] { client.DeleteArchive(id); })}) {
    try {
      call();
      ADD_FAILURE() << "an unknown archive id was accepted";
    } catch (NotFoundException const& e) {
      EXPECT_EQ(e.http_status(), 404);
      EXPECT_FALSE(e.service_message().empty()) << "the 404 carries no message";
    }
  }
}

TEST_F(ErrorSemanticsTest, ArchivingAnUnknownSessionIsNotFound) {
  // A well-formed id of this project that the service never issued.
  std::string unknown = common::EncodeSessionId({target().credentials().api_key, "", "1700000000000",
                                                 common::ToHex(common::RandomBytes(12))});
  EXPECT_THROW(target().Client().StartArchive(unknown), NotFoundException);
}

TEST_F(ErrorSemanticsTest, ArchivingWithoutConnectedClientsIsBadRequest) {
  OpenTok client = target().Client();
  std::string session_id = client.CreateSession("", MediaMode::kRouted).id;
  try {
    Archive archive = client.StartArchive(session_id);
    ArchiveTracker::Instance().Track(target().credentials(), archive.id);
    FAIL() << "an archive started in a session without clients";
  } catch (RequestException const& e) {
    EXPECT_EQ(e.http_status(), 400);
    EXPECT_FALSE(e.service_message().empty());
  }
}

TEST_F(ErrorSemanticsTest, SecondArchiveOfARecordingSessionIsConflict) {
  OPENTOK_REQUIRE_CONTROL_PLANE("a connected client to archive");
  OpenTok client = target().Client();
  std::string session_id = client.CreateSession("", MediaMode::kRouted).id;
  auto connection = target().control().Connect(session_id, target().TokenClient().GenerateToken(session_id));
  target().control().Publish(session_id, connection.connection_id);
  Archive first = client.StartArchive(session_id);
  ArchiveTracker::Instance().Track(target().credentials(), first.id);
  EXPECT_THROW(client.StartArchive(session_id), ConflictException);
  // A distinct multiArchiveTag allows a simultaneous archive.
  Archive tagged = client.StartArchive(session_id, StartArchiveOptions{.multi_archive_tag = "second"});
  ArchiveTracker::Instance().Track(target().credentials(), tagged.id);
  EXPECT_EQ(tagged.status, ArchiveStatus::kStarted);
}

struct AuthCase {
  char const* name;
  RestAuth auth;
};
void PrintTo(AuthCase const& c, std::ostream* os) { *os << c.name; }

class AuthFailureTest : public ConformanceTest, public ::testing::WithParamInterface<AuthCase> {};

TEST_P(AuthFailureTest, ForbiddenWithTheServiceErrorBody) {
  if (GetParam().auth == RestAuth::kHs256WithPublicKey || GetParam().auth == RestAuth::kAlgNone) {
    OPENTOK_REQUIRE_CREDENTIALS(CredentialKind::kApplication, "an algorithm-confusion attack on RS256 REST auth");
  }
  RestClient rest = target().Rest();
  HttpResponse response = rest.Get(rest.ProjectPath() + "/archive", GetParam().auth);
  EXPECT_EQ(response.status, 403);
  auto body = nlohmann::json::parse(response.body, nullptr, false);
  ASSERT_TRUE(body.is_object()) << "the 403 body is not a JSON object";
  ASSERT_TRUE(body.contains("message") && body["message"].is_string());
  EXPECT_FALSE(body["message"].get<std::string>().empty());
}

INSTANTIATE_TEST_SUITE_P(Variants, AuthFailureTest,
                         ::testing::Values(AuthCase{"missing", RestAuth::kMissing},
                                           AuthCase{"malformed", RestAuth::kMalformed},
                                           AuthCase{"wrong_secret", RestAuth::kWrongSecret},
                                           AuthCase{"expired", RestAuth::kExpired},
                                           AuthCase{"hs256_keyed_with_public_key", RestAuth::kHs256WithPublicKey},
                                           AuthCase{"alg_none", RestAuth::kAlgNone}),
                         [](auto const& info) { return std::string(info.param.name); });

TEST_F(ErrorSemanticsTest, UnknownProjectIsIssuerNotFound) {
  OPENTOK_REQUIRE_CREDENTIALS(CredentialKind::kProject, "an unknown numeric API key");
  // Keys are numeric; a key far outside the issued range names no project.
  Credentials stranger{"999999999", "not-a-real-secret"};
  RestClient rest = target().Rest(stranger);
  HttpResponse response = rest.Get(rest.ProjectPath() + "/archive");
  EXPECT_EQ(response.status, 403);
  auto body = nlohmann::json::parse(response.body, nullptr, false);
  ASSERT_TRUE(body.is_object());
  EXPECT_EQ(body.value("message", ""), "Issuer not found");
}

TEST_F(ErrorSemanticsTest, SdkSurfacesAuthFailuresAsAuthenticationException) {
  Credentials wrong = WithWrongCredential(target().credentials());
  try {
    target().Client(wrong).ListArchives();
    FAIL() << "a wrong secret or private key was accepted";
  } catch (AuthenticationException const& e) {
    EXPECT_EQ(e.http_status(), 403);
    EXPECT_FALSE(e.service_message().empty());
    std::string what = e.what();
    EXPECT_EQ(what.find(wrong.api_secret.empty() ? wrong.private_key_pem : wrong.api_secret), std::string::npos)
        << "the secret or key leaked into what()";
  }
}

TEST_F(ErrorSemanticsTest, SdkRejectsInvalidArchiveArgumentsBeforeAnyRequest) {
  OpenTok client = target().Client();
  std::string session_id = "1_MX4xMjM0NTZ-fjE3MjY0NjI1ODg2NDd-MTF4TGExYmJoelBlR1FHbVhzbWd4STBrfn5-";
  int before = target().recorder().request_count();
  EXPECT_THROW(client.StartArchive(session_id, "", /*has_video=*/false, /*has_audio=*/false), ArgumentException);
  EXPECT_THROW(client.StartArchive(session_id, StartArchiveOptions{.output_mode = OutputMode::kIndividual,
                                                                   .resolution = "1280x720"}),
               ArgumentException);
  EXPECT_THROW(client.StartArchive(""), ArgumentException);
  EXPECT_THROW(client.ListArchives(0, 1001), ArgumentException);
  EXPECT_THROW(client.ListArchives(0, 0), ArgumentException);
  EXPECT_THROW(client.ListArchives(-1, 10), ArgumentException);
  EXPECT_THROW(client.GetArchive(""), ArgumentException);
  EXPECT_THROW(client.StopArchive(""), ArgumentException);
  EXPECT_THROW(client.DeleteArchive(""), ArgumentException);
  EXPECT_EQ(target().recorder().request_count(), before) << "an invalid call reached the network";
}

}  // namespace
}  // namespace opentok::conformance
