// Vonage application credentials as pure functions: REST auth (RS256 in Authorization:
// Bearer and its variants), every attack on it, and RS256 client tokens, next to a project so
// that tokens of the wrong kind are seen refused.

#include <gtest/gtest.h>

#include "application_helpers.h"
#include "opentok_mock/application_key.h"
#include "opentok_mock/client_token.h"
#include "opentok_mock/rest_auth.h"
#include "token_helpers.h"

namespace opentok_mock::testing {
namespace {

constexpr char kProjectKey[] = "123456";
constexpr char kProjectSecret[] = "project-secret";
constexpr std::int64_t kNow = 1'750'000'000;
constexpr std::int64_t kLeeway = 60;
constexpr char kSession[] = "1_MX5hMWIyYzNkNC1lNWY2LTQ3ODktOGFiYy1kZWYwMTIzNDU2Nzh-fjE3NTAwMDAwMDAwMDB-YWJj";

std::string Contains(std::string const& text, std::string const& part) {
  return text.find(part) != std::string::npos ? part : "'" + text + "' lacks '" + part + "'";
}

class ApplicationAuthTest : public ::testing::Test {
 protected:
  ApplicationAuthTest()
      : application_(kApplicationId, PublicKey(ApplicationPrivateKey())),
        other_(kOtherApplicationId, PublicKey(OtherPrivateKey())),
        project_(kProjectKey, kProjectSecret) {
    lookup_ = [this](std::string_view id) -> Credential const* {
      if (id == kApplicationId) return &application_;
      if (id == kOtherApplicationId) return &other_;
      if (id == kProjectKey) return &project_;
      return nullptr;
    };
  }

  static opentok::common::RsaPublicKey PublicKey(opentok::common::RsaPrivateKey const& key) {
    return *opentok::common::RsaPublicKey::FromPem(key.PublicKeyPem());
  }

  RestAuthVerdict Bearer(std::string const& token, std::string_view path = kApplicationId) {
    return VerifyRestAuth({"", "", "Bearer " + token}, path, lookup_, kNow, kLeeway);
  }
  std::string Refusal(std::string const& token, std::string_view path = kApplicationId) {
    auto verdict = Bearer(token, path);
    EXPECT_FALSE(verdict.ok);
    return verdict.message;
  }
  static std::string Signed(nlohmann::json const& claims) { return MakeRs256Jwt(claims, ApplicationPrivateKey()); }

  Result<ClientTokenClaims> Client(std::string const& token) { return VerifyClientToken(token, lookup_, kNow); }
  std::string ClientRefusal(std::string const& token) {
    auto result = Client(token);
    EXPECT_FALSE(result.ok());
    if (result.ok()) return {};
    EXPECT_EQ(result.error().http_status, 403);
    return result.error().message;
  }

  ApplicationKey application_;
  ApplicationKey other_;
  ProjectKeys project_;
  ProjectLookup lookup_;
};

TEST(ApplicationIdTest, IsAUuidInEitherCase) {
  EXPECT_TRUE(IsApplicationId(kApplicationId));
  EXPECT_TRUE(IsApplicationId("A1B2C3D4-E5F6-4789-8ABC-DEF012345678"));
  EXPECT_FALSE(IsApplicationId(""));
  EXPECT_FALSE(IsApplicationId("123456"));
  EXPECT_FALSE(IsApplicationId("a1b2c3d4e5f647898abcdef012345678"));
  EXPECT_FALSE(IsApplicationId("a1b2c3d4-e5f6-4789-8abc-def01234567g"));
  EXPECT_FALSE(IsApplicationId("a1b2c3d4-e5f6-4789-8abc-def0123456789"));
}

TEST_F(ApplicationAuthTest, AcceptsTheSdkTokenAndTheVonageVariants) {
  auto verdict = Bearer(Signed(ApplicationRestClaims(kApplicationId, kNow)));
  ASSERT_TRUE(verdict.ok) << verdict.message;
  EXPECT_EQ(verdict.api_key, kApplicationId);
  EXPECT_EQ(verdict.credential, "application");
  EXPECT_EQ(verdict.header, "Authorization");

  auto node = ApplicationRestClaims(kApplicationId, kNow, 900);  // @vonage/video: iss, ist, 900 s
  node["iss"] = kApplicationId;
  node["ist"] = "project";
  EXPECT_TRUE(Bearer(Signed(node)).ok);
  // PHP's Vonage mode: the same JWT in X-OPENTOK-AUTH.
  auto php = VerifyRestAuth({Signed(node), "", ""}, kApplicationId, lookup_, kNow, kLeeway);
  EXPECT_TRUE(php.ok) << php.message;
  EXPECT_EQ(php.header, "X-OPENTOK-AUTH");
  EXPECT_EQ(php.credential, "application");
  // The scheme is case-insensitive; /session/create has no id in the path.
  EXPECT_TRUE(VerifyRestAuth({"", "", "bearer " + Signed(node)}, "", lookup_, kNow, kLeeway).ok);
  // Unknown claims are ignored.
  auto extra = ApplicationRestClaims(kApplicationId, kNow);
  extra["sub"] = "video";
  extra["acl"] = {{"paths", nlohmann::json::object()}};
  EXPECT_TRUE(Bearer(Signed(extra)).ok);
}

TEST_F(ApplicationAuthTest, AlgorithmAttacksAreRefused) {
  auto claims = ApplicationRestClaims(kApplicationId, kNow);
  // alg none with no signature, and alg none over a real RS256 signature.
  std::string input = opentok::common::Base64UrlEncode(R"({"alg":"none","typ":"JWT"})") + "." +
                      opentok::common::Base64UrlEncode(claims.dump());
  for (auto const& token : {input + ".", MakeRs256Jwt(claims, ApplicationPrivateKey(), {{"alg", "none"}})}) {
    auto message = Refusal(token);
    EXPECT_EQ(message.rfind(kAuthBadSignature, 0), 0u) << message;
    EXPECT_EQ(Contains(message, "RS256"), "RS256");
  }
  // Algorithm confusion: HS256 keyed with the registered public key's PEM.
  auto confused = MakeJwt(claims, application_.public_key_pem());
  auto message = Refusal(confused);
  EXPECT_EQ(message.rfind(kAuthBadSignature, 0), 0u) << message;
  EXPECT_EQ(Contains(message, "not 'HS256'"), "not 'HS256'");
  // The same against a public key in another PEM form changes nothing.
  EXPECT_FALSE(Bearer(MakeJwt(claims, ApplicationPrivateKey().PublicKeyPem())).ok);
}

TEST_F(ApplicationAuthTest, KeysAndIdsMustMatch) {
  auto claims = ApplicationRestClaims(kApplicationId, kNow);
  // Signed by a key that is not the registered one.
  EXPECT_EQ(Refusal(MakeRs256Jwt(claims, OtherPrivateKey())), kAuthBadSignature);
  // A tampered payload.
  auto token = Signed(claims);
  auto dot = token.find('.');
  auto tampered = ApplicationRestClaims(kApplicationId, kNow, 86400);
  EXPECT_EQ(Refusal(token.substr(0, dot + 1) + opentok::common::Base64UrlEncode(tampered.dump()) +
                    token.substr(token.rfind('.'))),
            kAuthBadSignature);
  // Another application's valid token on this application's path.
  auto other = MakeRs256Jwt(ApplicationRestClaims(kOtherApplicationId, kNow), OtherPrivateKey());
  EXPECT_TRUE(Bearer(other, kOtherApplicationId).ok);
  EXPECT_EQ(Refusal(other), kAuthWrongProject);
  // The application's own token on a project's path.
  EXPECT_EQ(Refusal(Signed(claims), kProjectKey), kAuthWrongProject);
  // iss naming another id than application_id.
  auto mixed = claims;
  mixed["iss"] = kOtherApplicationId;
  EXPECT_EQ(Refusal(Signed(mixed)), kAuthIssuerConflict);
  // iss alone: an application's tokens name it in application_id.
  auto iss_only = claims;
  iss_only.erase("application_id");
  iss_only["iss"] = kApplicationId;
  EXPECT_EQ(Contains(Refusal(Signed(iss_only)), "application_id"), "application_id");
  // Unknown application, no id at all.
  auto unknown = claims;
  unknown["application_id"] = "ffffffff-ffff-4fff-8fff-ffffffffffff";
  EXPECT_EQ(Refusal(Signed(unknown), ""), kAuthIssuerNotFound);
  auto anonymous = claims;
  anonymous.erase("application_id");
  EXPECT_EQ(Refusal(Signed(anonymous)), kAuthBadIssuer);
  // ist other than "project".
  auto account = claims;
  account["ist"] = "account";
  EXPECT_EQ(Refusal(Signed(account)), kAuthBadIst);
}

TEST_F(ApplicationAuthTest, TimesUseTheWallClockAndLeeway) {
  EXPECT_TRUE(Bearer(Signed(ApplicationRestClaims(kApplicationId, kNow - 300 - kLeeway))).ok);
  EXPECT_EQ(Refusal(Signed(ApplicationRestClaims(kApplicationId, kNow - 300 - kLeeway - 1))), kAuthExpired);
  EXPECT_TRUE(Bearer(Signed(ApplicationRestClaims(kApplicationId, kNow + kLeeway))).ok);
  EXPECT_EQ(Refusal(Signed(ApplicationRestClaims(kApplicationId, kNow + kLeeway + 1))), kAuthIssuedInFuture);
  auto no_expiry = ApplicationRestClaims(kApplicationId, kNow);
  no_expiry.erase("exp");
  EXPECT_EQ(Refusal(Signed(no_expiry)), kAuthNoExpiry);
}

TEST_F(ApplicationAuthTest, KindsDoNotMix) {
  // An RS256 token naming a project, an HS256 one naming an application.
  auto as_project = ApplicationRestClaims(kProjectKey, kNow);
  as_project["iss"] = kProjectKey;
  auto message = Refusal(Signed(as_project), kProjectKey);
  EXPECT_EQ(Contains(message, "is a project"), "is a project");
  // The legacy partner header cannot carry an application.
  auto partner = VerifyRestAuth({"", std::string(kApplicationId) + ":x", ""}, kApplicationId, lookup_, kNow, kLeeway);
  EXPECT_FALSE(partner.ok);
  EXPECT_EQ(partner.message.rfind(kAuthBadPartnerCredentials, 0), 0u) << partner.message;
  // Projects are unchanged, also through the new header.
  auto project_token = MakeJwt(RestClaims(kProjectKey, kNow), kProjectSecret);
  auto verdict = VerifyRestAuth({"", "", "Bearer " + project_token}, kProjectKey, lookup_, kNow, kLeeway);
  EXPECT_TRUE(verdict.ok) << verdict.message;
  EXPECT_EQ(verdict.credential, "project");
  // Another Authorization scheme.
  EXPECT_EQ(VerifyRestAuth({"", "", "Basic dXNlcjpwYXNz"}, kApplicationId, lookup_, kNow, kLeeway).message,
            kAuthNotBearer);
}

TEST_F(ApplicationAuthTest, RestTokensAreMintedOnlyWithThePrivateKey) {
  EXPECT_FALSE(application_.MintRestAuth(kNow, 300));
  ApplicationKey generated(kApplicationId, PublicKey(ApplicationPrivateKey()),
                           *opentok::common::RsaPrivateKey::FromPem(ApplicationPrivateKey().PrivateKeyPem()));
  auto header = generated.MintRestAuth(kNow, 300);
  ASSERT_TRUE(header);
  EXPECT_EQ(header->name, "Authorization");
  EXPECT_EQ(header->prefix, "Bearer ");
  EXPECT_TRUE(Bearer(header->jwt).ok);
}

// --- Client tokens ------------------------------------------------------------------------

TEST_F(ApplicationAuthTest, ClientTokensOfOurSdkAndVonagePython) {
  auto claims = Client(Signed(ApplicationClientClaims(kApplicationId, kSession, "moderator", kNow)));
  ASSERT_TRUE(claims.ok()) << claims.error().message;
  EXPECT_EQ(claims->api_key, kApplicationId);
  EXPECT_EQ(claims->credential_kind, CredentialKind::kApplicationKey);
  EXPECT_EQ(claims->role, Role::kModerator);
  EXPECT_EQ(claims->session_id, kSession);
  EXPECT_EQ(claims->initial_layout_class_list, (std::vector<std::string>{"focus", "main"}));
  EXPECT_EQ(claims->expire_time_s, kNow + 86400);

  // Vonage Python: subject instead of sub, the class list as a JSON list, a nonce, data.
  auto python = ApplicationClientClaims(kApplicationId, kSession, "publisher", kNow);
  python.erase("sub");
  python["subject"] = "video";
  python["initial_layout_class_list"] = {"a", "b"};
  python["nonce"] = "0.5";
  python["connection_data"] = "name=ann";
  auto python_claims = Client(Signed(python));
  ASSERT_TRUE(python_claims.ok()) << python_claims.error().message;
  EXPECT_EQ(python_claims->initial_layout_class_list, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(python_claims->connection_data, "name=ann");
}

TEST_F(ApplicationAuthTest, ClientTokenAttacksAndKindMismatches) {
  auto claims = ApplicationClientClaims(kApplicationId, kSession, "publisher", kNow);
  EXPECT_EQ(Contains(ClientRefusal(MakeRs256Jwt(claims, OtherPrivateKey())), "signature does not match"),
            "signature does not match");
  EXPECT_EQ(Contains(ClientRefusal(MakeJwt(claims, application_.public_key_pem())), "RS256"), "RS256");
  EXPECT_EQ(Contains(ClientRefusal(MakeRs256Jwt(claims, ApplicationPrivateKey(), {{"alg", "none"}})), "RS256"),
            "RS256");
  auto expired = claims;
  expired["exp"] = kNow;
  EXPECT_EQ(Contains(ClientRefusal(Signed(expired)), "expired"), "expired");
  // A T1 token naming an application, an RS256 token naming a project.
  auto t1 = MakeT1(kApplicationId, "anything", std::string("session_id=") + kSession + "&create_time=1");
  EXPECT_EQ(Contains(ClientRefusal(t1), "Vonage application"), "Vonage application");
  auto as_project = claims;
  as_project.erase("application_id");
  as_project["iss"] = kProjectKey;
  EXPECT_EQ(Contains(ClientRefusal(Signed(as_project)), "is a project"), "is a project");
  // Project tokens keep working and say which kind they are.
  auto project = Client(MakeJwt(ClientClaims(kProjectKey, kSession, "publisher", kNow), kProjectSecret));
  ASSERT_TRUE(project.ok()) << project.error().message;
  EXPECT_EQ(project->credential_kind, CredentialKind::kProjectSecret);
}

}  // namespace
}  // namespace opentok_mock::testing
