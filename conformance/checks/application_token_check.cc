// RS256 client tokens of a Vonage application: header, claims, defaults and bounds, the
// signature checked with the suite's own OpenSSL code against the public half of the
// application's key, and, where a control plane exists, that the endpoint accepts them at
// connect and refuses another application's token, an HS256 token for the application's
// session, an expired token, alg "none" and changed claims. Project runs skip these
// (token_format_check.cc covers HS256 and T1).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <chrono>

#include "conformance_test.h"
#include "opentok_common/base64.h"
#include "opentok_common/hmac.h"
#include "opentok_common/jwt.h"
#include "suite_rsa.h"
#include "token_inspector.h"

namespace opentok::conformance {
namespace {

constexpr std::int64_t kDay = 24 * 3600;
constexpr char kData[] = R"({"name":"Ada & Bob","id":42})";
constexpr char kRs256Header[] = R"({"alg":"RS256","typ":"JWT"})";

std::int64_t EpochSeconds(std::chrono::system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

// 8-4-4-4-12 lower-case hex with version 4 and an RFC 4122 variant.
bool IsUuidV4(std::string const& id) {
  if (id.size() != 36 || id[14] != '4' || std::string_view("89ab").find(id[19]) == std::string_view::npos) return false;
  for (std::size_t i = 0; i < id.size(); ++i) {
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash != (id[i] == '-')) return false;
    if (!dash && std::string_view("0123456789abcdef").find(id[i]) == std::string_view::npos) return false;
  }
  return true;
}

SuiteRsaKey PrivateKeyOf(Credentials const& application) {
  std::string why;
  auto key = SuiteRsaKey::FromPrivatePem(application.private_key_pem, &why);
  if (!key) throw std::runtime_error("the application's private key: " + why);
  return std::move(*key);
}

// The public key as the service holds it: derived from the private key, then read back
// as a public key only, so verification cannot use the private half.
SuiteRsaKey PublicKeyOf(Credentials const& application) {
  std::string why;
  auto key = SuiteRsaKey::FromPublicPem(PrivateKeyOf(application).PublicPem(), &why);
  if (!key) throw std::runtime_error("the derived public key: " + why);
  return std::move(*key);
}

JwtToken Parse(std::string const& token) {
  std::string why;
  auto jwt = ParseJwt(token, &why);
  if (!jwt) throw std::runtime_error("not a JWT: " + why);
  return std::move(*jwt);
}

class ApplicationTokenTest : public ConformanceTest {
 protected:
  void SetUp() override {
    OPENTOK_REQUIRE_CREDENTIALS(CredentialKind::kApplication, "RS256 client tokens of a Vonage application");
  }
  static std::string RoutedSession() { return target().Client().CreateSession("", MediaMode::kRouted).id; }
};

struct RoleCase {
  Role role;
  bool with_data;
};
std::string CaseId(RoleCase const& c) { return std::string(ToString(c.role)) + (c.with_data ? "_with_data" : ""); }
void PrintTo(RoleCase const& c, std::ostream* os) { *os << CaseId(c); }

class ApplicationTokenClaimsTest : public ApplicationTokenTest, public ::testing::WithParamInterface<RoleCase> {
 protected:
  TokenOptions Options() const {
    return TokenOptions{.role = GetParam().role,
                        .data = GetParam().with_data ? kData : "",
                        .initial_layout_class_list = {"focus", "full"}};
  }
};

TEST_P(ApplicationTokenClaimsTest, HeaderClaimsAndSignature) {
  Credentials const& application = target().credentials();
  std::string session_id = target().Client().CreateSession().id;
  std::int64_t before = EpochSeconds(target().Now());
  JwtToken jwt = Parse(target().TokenClient().GenerateToken(session_id, Options()));
  std::int64_t after = EpochSeconds(target().Now());
  EXPECT_EQ(jwt.header, nlohmann::json::parse(kRs256Header)) << "JOSE header";
  EXPECT_TRUE(PublicKeyOf(application).Verify(jwt.signing_input, jwt.signature))
      << "the signature does not verify with the application's public key";
  EXPECT_FALSE(SuiteRsaKey::Generate().Verify(jwt.signing_input, jwt.signature)) << "verifies with any key";
  auto const& claims = jwt.claims;
  EXPECT_EQ(claims.value("application_id", ""), application.api_key);
  ASSERT_TRUE(claims.contains("iat") && claims["iat"].is_number_integer());
  ASSERT_TRUE(claims.contains("exp") && claims["exp"].is_number_integer());
  std::int64_t iat = claims["iat"].get<std::int64_t>();
  EXPECT_GE(iat, before);
  EXPECT_LE(iat, after);
  EXPECT_EQ(claims["exp"].get<std::int64_t>(), iat + kDay) << "default expiry is 24 h";
  EXPECT_TRUE(IsUuidV4(claims.value("jti", ""))) << "jti is not a UUID v4";
  EXPECT_EQ(claims.value("scope", ""), "session.connect");
  EXPECT_EQ(claims.value("session_id", ""), session_id);
  EXPECT_EQ(claims.value("role", ""), ToString(GetParam().role));
  EXPECT_EQ(claims.value("initial_layout_class_list", ""), "focus full");
  EXPECT_EQ(claims.value("sub", ""), "video");
  EXPECT_EQ(claims.value("acl", nlohmann::json()), nlohmann::json::parse(R"({"paths":{"/session/**":{}}})"));
  if (GetParam().with_data) {
    EXPECT_EQ(claims.value("connection_data", ""), kData);
  } else {
    EXPECT_FALSE(claims.contains("connection_data"));
  }
}

TEST_P(ApplicationTokenClaimsTest, AcceptedByTheEndpoint) {
  OPENTOK_REQUIRE_CONTROL_PLANE("connecting a simulated client with the token");
  std::string session_id = RoutedSession();
  auto connection = target().control().Connect(session_id, target().TokenClient().GenerateToken(session_id, Options()));
  EXPECT_FALSE(connection.connection_id.empty());
  EXPECT_EQ(connection.role, ToString(GetParam().role));
  EXPECT_EQ(connection.data, GetParam().with_data ? kData : "");
}

INSTANTIATE_TEST_SUITE_P(AllRoles, ApplicationTokenClaimsTest,
                         ::testing::Values(RoleCase{Role::kSubscriber, false}, RoleCase{Role::kPublisher, false},
                                           RoleCase{Role::kPublisherOnly, false}, RoleCase{Role::kModerator, true}),
                         [](auto const& info) { return CaseId(info.param); });

TEST_F(ApplicationTokenTest, DefaultRoleIsPublisherWithAnEmptyClassList) {
  JwtToken jwt = Parse(target().TokenClient().GenerateToken(target().Client().CreateSession().id));
  EXPECT_EQ(jwt.claims.value("role", ""), "publisher");
  EXPECT_EQ(jwt.claims.value("initial_layout_class_list", nlohmann::json()), "");
}

TEST_F(ApplicationTokenTest, ExplicitExpiryAndBounds) {
  OpenTok client = target().TokenClient();
  std::string session_id = target().Client().CreateSession().id;
  std::int64_t now = EpochSeconds(target().Now());
  JwtToken jwt = Parse(client.GenerateToken(session_id, TokenOptions{.expire_time = now + 3600}));
  EXPECT_EQ(jwt.claims.value("exp", std::int64_t{0}), now + 3600);
  EXPECT_NO_THROW(client.GenerateToken(session_id, TokenOptions{.expire_time = now + 30 * kDay - 60}));
  EXPECT_THROW(client.GenerateToken(session_id, TokenOptions{.expire_time = now + 30 * kDay + 60}), ArgumentException);
  EXPECT_THROW(client.GenerateToken(session_id, TokenOptions{.expire_time = now - 60}), ArgumentException);
  EXPECT_THROW(client.GenerateToken(session_id, TokenOptions{.data = std::string(1001, 'x')}), ArgumentException);
}

TEST_F(ApplicationTokenTest, NoT1TokensForApplications) {
  std::string session_id = target().Client().CreateSession().id;
  EXPECT_THROW(target().TokenClient().GenerateToken(session_id, TokenOptions{.format = TokenFormat::kT1}),
               ArgumentException);
}

TEST_F(ApplicationTokenTest, NoTokenForAnotherApplicationsSession) {
  OPENTOK_REQUIRE_CONTROL_PLANE("a second application");
  std::string session_id = target().Client().CreateSession().id;
  EXPECT_THROW(target().TokenClient(OwnProject()).GenerateToken(session_id), ArgumentException);
}

// The endpoint's refusals at connect: each token differs from a valid one in one way.
class ApplicationTokenRefusalTest : public ApplicationTokenTest {
 protected:
  void SetUp() override {
    ApplicationTokenTest::SetUp();
    if (IsSkipped()) return;
    OPENTOK_REQUIRE_CONTROL_PLANE("connecting a simulated client with the token");
    session_id_ = RoutedSession();
    valid_token_ = target().TokenClient().GenerateToken(session_id_);
    valid_ = Parse(valid_token_);
  }
  void ExpectRefused(std::string const& token, char const* what) const {
    HttpResponse response = target().control().TryConnect(session_id_, token);
    EXPECT_EQ(response.status, 403) << what;
    auto body = nlohmann::json::parse(response.body, nullptr, false);
    EXPECT_TRUE(body.is_object() && body.contains("message")) << what << ": the 403 has no JSON message";
  }

  std::string session_id_;
  std::string valid_token_;
  JwtToken valid_;
};

TEST_F(ApplicationTokenRefusalTest, ValidTokenResignedBySuiteIsAccepted) {
  // The refusals below re-sign with the suite's code; this shows that code makes tokens
  // the endpoint accepts, so each refusal is about the one thing changed.
  SuiteRsaKey key = PrivateKeyOf(target().credentials());
  EXPECT_EQ(target().control().TryConnect(session_id_, SuiteJwt(kRs256Header, valid_.claims.dump(), &key)).status, 201);
}

TEST_F(ApplicationTokenRefusalTest, TokenOfAnotherApplication) {
  Credentials other = OwnProject();
  nlohmann::json claims = valid_.claims;
  claims["application_id"] = other.api_key;
  SuiteRsaKey other_key = PrivateKeyOf(other);
  ExpectRefused(SuiteJwt(kRs256Header, claims.dump(), &other_key), "an RS256 token of another application");
  ExpectRefused(SuiteJwt(kRs256Header, valid_.claims.dump(), &other_key),
                "this application's claims signed with another application's key");
}

TEST_F(ApplicationTokenRefusalTest, Hs256TokenForAnApplicationsSession) {
  Credentials project = target().control().CreateProject();
  nlohmann::json claims = {{"iss", project.api_key},   {"ist", "project"},
                           {"iat", valid_.claims["iat"]}, {"exp", valid_.claims["exp"]},
                           {"nonce", 1},                {"scope", "session.connect"},
                           {"session_id", session_id_},  {"role", "publisher"}};
  ExpectRefused(common::SignJwtHs256(claims.dump(), common::HmacSigner(common::HmacAlgorithm::kSha256, project.api_secret)),
                "an HS256 project token for an application's session");
  std::string public_pem = PrivateKeyOf(target().credentials()).PublicPem();
  ExpectRefused(common::SignJwtHs256(valid_.claims.dump(), common::HmacSigner(common::HmacAlgorithm::kSha256, public_pem)),
                "the application's claims in HS256 keyed with its public key");
}

TEST_F(ApplicationTokenRefusalTest, ExpiredOnTheMockClock) {
  std::string token = target().TokenClient().GenerateToken(
      session_id_, TokenOptions{.expire_time = EpochSeconds(target().Now()) + 60});
  target().control().Advance(120);
  ExpectRefused(token, "a token that expired on the endpoint's clock");
}

TEST_F(ApplicationTokenRefusalTest, AlgNone) {
  ExpectRefused(SuiteJwt(R"({"alg":"none","typ":"JWT"})", valid_.claims.dump(), nullptr), "alg none, no signature");
}

TEST_F(ApplicationTokenRefusalTest, ClaimsChangedAfterSigning) {
  // The role raised to moderator under the valid token's header and signature.
  nlohmann::json claims = valid_.claims;
  claims["role"] = "moderator";
  auto first = valid_token_.find('.');
  auto second = valid_token_.rfind('.');
  ExpectRefused(valid_token_.substr(0, first + 1) + common::Base64UrlEncode(claims.dump()) + valid_token_.substr(second),
                "claims changed after signing");
}

}  // namespace
}  // namespace opentok::conformance
