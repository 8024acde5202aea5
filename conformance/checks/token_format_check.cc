// Client tokens: structure, claims, signatures (verified independently of the SDK), expiry
// defaults and bounds, and, where a control plane exists, that the endpoint accepts valid
// tokens and rejects tampered, expired, foreign-session and wrong-secret ones.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <chrono>

#include "conformance_test.h"
#include "opentok_common/base64.h"
#include "token_inspector.h"

namespace opentok::conformance {
namespace {

using std::chrono::duration_cast;
using std::chrono::seconds;

constexpr std::int64_t kDay = 24 * 3600;

struct TokenCase {
  Role role;
  TokenFormat format;
  bool with_data;
};

std::string CaseId(TokenCase const& c) {
  return std::string(ToString(c.format)) + "_" + std::string(ToString(c.role)) + (c.with_data ? "_with_data" : "");
}
void PrintTo(TokenCase const& c, std::ostream* os) { *os << CaseId(c); }
std::string CaseName(::testing::TestParamInfo<TokenCase> const& info) { return CaseId(info.param); }

std::vector<TokenCase> AllTokenCases() {
  std::vector<TokenCase> cases;
  for (auto format : {TokenFormat::kJwt, TokenFormat::kT1}) {
    for (auto role : {Role::kSubscriber, Role::kPublisher, Role::kPublisherOnly, Role::kModerator}) {
      for (bool with_data : {false, true}) cases.push_back({role, format, with_data});
    }
  }
  return cases;
}

std::int64_t EpochSeconds(std::chrono::system_clock::time_point t) {
  return duration_cast<seconds>(t.time_since_epoch()).count();
}

constexpr char kData[] = R"({"name":"Ada & Bob","id":42})";

// HS256 and T1 tokens are a project's; application_token_check.cc covers RS256 ones.
#define OPENTOK_REQUIRE_PROJECT_TOKENS() \
  OPENTOK_REQUIRE_CREDENTIALS(CredentialKind::kProject, "HS256 and T1 client tokens signed with the API secret")

class TokenFormatTest : public ConformanceTest, public ::testing::WithParamInterface<TokenCase> {
 protected:
  void SetUp() override { OPENTOK_REQUIRE_PROJECT_TOKENS(); }
  TokenOptions Options() const {
    return TokenOptions{.role = GetParam().role,
                        .data = GetParam().with_data ? kData : "",
                        .initial_layout_class_list = {"focus", "full"},
                        .format = GetParam().format};
  }
};

TEST_P(TokenFormatTest, StructureClaimsAndSignature) {
  OpenTok client = target().TokenClient();
  std::string session_id = target().Client().CreateSession().id;
  std::int64_t before = EpochSeconds(target().Now());
  std::string token = client.GenerateToken(session_id, Options());
  std::int64_t after = EpochSeconds(target().Now());
  std::string const& key = target().credentials().api_key;
  std::string const& secret = target().credentials().api_secret;
  std::string why;
  if (GetParam().format == TokenFormat::kT1) {
    auto t1 = ParseT1Token(token, &why);
    ASSERT_TRUE(t1.has_value()) << why;
    EXPECT_EQ(t1->partner_id, key);
    EXPECT_EQ(t1->sig.size(), 40u);
    EXPECT_EQ(t1->sig.find_first_not_of("0123456789abcdef"), std::string::npos) << "sig is not lowercase hex";
    EXPECT_EQ(t1->sig, HmacSha1Hex(secret, t1->data)) << "signature does not verify with the project secret";
    EXPECT_NE(t1->sig, HmacSha1Hex(secret + "x", t1->data));
    EXPECT_EQ(t1->fields["session_id"], session_id);
    EXPECT_EQ(t1->fields["role"], ToString(GetParam().role));
    std::int64_t create_time = std::stoll(t1->fields["create_time"]);
    EXPECT_GE(create_time, before);
    EXPECT_LE(create_time, after);
    EXPECT_EQ(std::stoll(t1->fields["expire_time"]), create_time + kDay) << "default expiry is 24 h";
    EXPECT_FALSE(t1->fields["nonce"].empty());
    EXPECT_EQ(t1->fields["initial_layout_class_list"], "focus full");
    if (GetParam().with_data) {
      EXPECT_EQ(t1->fields["connection_data"], kData);
    } else {
      EXPECT_EQ(t1->fields.count("connection_data"), 0u);
    }
    return;
  }
  auto jwt = ParseJwt(token, &why);
  ASSERT_TRUE(jwt.has_value()) << why;
  EXPECT_EQ(jwt->header.value("alg", ""), "HS256");
  EXPECT_EQ(jwt->header.value("typ", ""), "JWT");
  EXPECT_TRUE(JwtSignatureValid(*jwt, secret)) << "signature does not verify with the project secret";
  EXPECT_FALSE(JwtSignatureValid(*jwt, secret + "x"));
  auto const& claims = jwt->claims;
  ASSERT_TRUE(claims.contains("iss") && claims["iss"].is_string());
  EXPECT_EQ(claims["iss"].get<std::string>(), key);
  EXPECT_EQ(claims.value("ist", ""), "project");
  EXPECT_EQ(claims.value("scope", ""), "session.connect");
  EXPECT_EQ(claims.value("session_id", ""), session_id);
  EXPECT_EQ(claims.value("role", ""), ToString(GetParam().role));
  ASSERT_TRUE(claims.contains("iat") && claims["iat"].is_number_integer());
  ASSERT_TRUE(claims.contains("exp") && claims["exp"].is_number_integer());
  std::int64_t iat = claims["iat"].get<std::int64_t>();
  EXPECT_GE(iat, before);
  EXPECT_LE(iat, after);
  EXPECT_EQ(claims["exp"].get<std::int64_t>(), iat + kDay) << "default expiry is 24 h";
  EXPECT_TRUE(claims.contains("nonce") && claims["nonce"].is_number());
  EXPECT_EQ(claims.value("initial_layout_class_list", ""), "focus full");
  if (GetParam().with_data) {
    EXPECT_EQ(claims.value("connection_data", ""), kData);
  } else {
    EXPECT_FALSE(claims.contains("connection_data"));
  }
}

TEST_P(TokenFormatTest, AcceptedByTheEndpoint) {
  OPENTOK_REQUIRE_CONTROL_PLANE("connecting a simulated client with the token");
  std::string session_id = target().Client().CreateSession("", MediaMode::kRouted).id;
  auto connection = target().control().Connect(session_id, target().TokenClient().GenerateToken(session_id, Options()));
  EXPECT_FALSE(connection.connection_id.empty());
  EXPECT_EQ(connection.role, ToString(GetParam().role));
  EXPECT_EQ(connection.data, GetParam().with_data ? kData : "");
}

INSTANTIATE_TEST_SUITE_P(AllRolesAndFormats, TokenFormatTest, ::testing::ValuesIn(AllTokenCases()), CaseName);

class TokenFormatsTest : public ConformanceTest, public ::testing::WithParamInterface<TokenFormat> {
 protected:
  void SetUp() override { OPENTOK_REQUIRE_PROJECT_TOKENS(); }
  std::string SessionId() const { return target().Client().CreateSession("", MediaMode::kRouted).id; }
  std::string Token(std::string const& session_id, std::int64_t expire_time = 0) const {
    return target().TokenClient().GenerateToken(session_id,
                                                TokenOptions{.expire_time = expire_time, .format = GetParam()});
  }
  void ExpectRejected(std::string const& session_id, std::string const& token, char const* what) const {
    HttpResponse response = target().control().TryConnect(session_id, token);
    EXPECT_EQ(response.status, 403) << what;
    auto body = nlohmann::json::parse(response.body, nullptr, false);
    EXPECT_TRUE(body.is_object() && body.contains("message")) << what << ": the 403 has no JSON message";
  }
};

TEST_P(TokenFormatsTest, ExplicitExpiryAndBounds) {
  OpenTok client = target().TokenClient();
  std::string session_id = target().Client().CreateSession().id;
  std::int64_t now = EpochSeconds(target().Now());
  std::string token = client.GenerateToken(session_id, TokenOptions{.expire_time = now + 3600, .format = GetParam()});
  std::string why;
  if (GetParam() == TokenFormat::kT1) {
    auto t1 = ParseT1Token(token, &why);
    ASSERT_TRUE(t1.has_value()) << why;
    EXPECT_EQ(std::stoll(t1->fields["expire_time"]), now + 3600);
  } else {
    auto jwt = ParseJwt(token, &why);
    ASSERT_TRUE(jwt.has_value()) << why;
    EXPECT_EQ(jwt->claims.value("exp", std::int64_t{0}), now + 3600);
  }
  EXPECT_NO_THROW(client.GenerateToken(session_id, TokenOptions{.expire_time = now + 30 * kDay - 60, .format = GetParam()}));
  EXPECT_THROW(client.GenerateToken(session_id, TokenOptions{.expire_time = now + 30 * kDay + 60, .format = GetParam()}),
               ArgumentException);
  EXPECT_THROW(client.GenerateToken(session_id, TokenOptions{.expire_time = now - 60, .format = GetParam()}),
               ArgumentException);
  EXPECT_THROW(client.GenerateToken(session_id, TokenOptions{.data = std::string(1001, 'x'), .format = GetParam()}),
               ArgumentException);
  EXPECT_NO_THROW(client.GenerateToken(session_id, TokenOptions{.data = std::string(1000, 'x'), .format = GetParam()}));
}

TEST_P(TokenFormatsTest, RejectsTokensForAnotherProject) {
  // A session id that decodes to another API key must not get a token at all.
  std::string session_id = SessionId();
  Credentials other{std::to_string(std::stoll(target().credentials().api_key) + 1), "another-secret"};
  EXPECT_THROW(OpenTok(std::string_view(other.api_key), other.api_secret).GenerateToken(session_id),
               ArgumentException);
}

TEST_P(TokenFormatsTest, EndpointRejectsTamperedToken) {
  OPENTOK_REQUIRE_CONTROL_PLANE("connecting a simulated client with the token");
  std::string session_id = SessionId();
  std::string token = Token(session_id);
  std::string forged;
  if (GetParam() == TokenFormat::kT1) {
    // Re-encode the same token with the role raised to moderator, keeping the old signature.
    std::string plain = *DecodeBase64(token.substr(4));
    auto at = plain.find("role=publisher");
    ASSERT_NE(at, std::string::npos);
    plain.replace(at, 14, "role=moderator");
    forged = "T1==" + common::Base64Encode(plain);
  } else {
    auto first = token.find('.');
    auto second = token.find('.', first + 1);
    std::string why;
    auto jwt = ParseJwt(token, &why);
    ASSERT_TRUE(jwt.has_value()) << why;
    jwt->claims["role"] = "moderator";
    forged = token.substr(0, first + 1) + common::Base64UrlEncode(jwt->claims.dump()) + token.substr(second);
  }
  ExpectRejected(session_id, forged, "a token whose claims were changed after signing");
}

TEST_P(TokenFormatsTest, EndpointRejectsExpiredToken) {
  OPENTOK_REQUIRE_CONTROL_PLANE("moving the mock clock past the token's expiry");
  std::string session_id = SessionId();
  std::string token = Token(session_id, EpochSeconds(target().Now()) + 60);
  target().control().Advance(120);
  ExpectRejected(session_id, token, "a token that expired on the endpoint's clock");
}

TEST_P(TokenFormatsTest, EndpointRejectsTokenForAnotherSession) {
  OPENTOK_REQUIRE_CONTROL_PLANE("connecting a simulated client with the token");
  std::string token = Token(SessionId());
  ExpectRejected(SessionId(), token, "a token minted for a different session");
}

TEST_P(TokenFormatsTest, EndpointRejectsTokenSignedWithAnotherSecret) {
  OPENTOK_REQUIRE_CONTROL_PLANE("connecting a simulated client with the token");
  std::string session_id = SessionId();
  Credentials wrong{target().credentials().api_key, target().credentials().api_secret + "-wrong"};
  std::string token = target().TokenClient(wrong).GenerateToken(session_id, TokenOptions{.format = GetParam()});
  ExpectRejected(session_id, token, "a token signed with a secret that is not the project's");
}

INSTANTIATE_TEST_SUITE_P(BothFormats, TokenFormatsTest, ::testing::Values(TokenFormat::kJwt, TokenFormat::kT1),
                         [](auto const& info) { return std::string(ToString(info.param)); });

}  // namespace
}  // namespace opentok::conformance
