// REST auth (X-OPENTOK-AUTH) and client-token verification as pure functions, over every
// official SDK's variant (REST auth JWTs, T1 and JWT client tokens).

#include <gtest/gtest.h>

#include <memory>

#include "opentok_common/base64.h"
#include "opentok_mock/client_token.h"
#include "opentok_mock/rest_auth.h"
#include "token_helpers.h"

namespace opentok_mock::testing {
namespace {

constexpr char kKey[] = "123456";
constexpr char kSecret[] = "1234567890abcdef1234567890abcdef1234567890";
constexpr std::int64_t kNow = 1'424'221'100;
constexpr std::int64_t kLeeway = 60;
constexpr char kSession[] = "1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4";

class AuthTest : public ::testing::Test {
 protected:
  AuthTest() : project_(kKey, kSecret), other_("654321", "other-secret") {
    lookup_ = [this](std::string_view key) -> ProjectKeys const* {
      if (key == kKey) return &project_;
      if (key == "654321") return &other_;
      return nullptr;
    };
  }

  RestAuthVerdict Rest(std::string const& token, std::string_view path_key = kKey) {
    return VerifyRestAuth({token, ""}, path_key, lookup_, kNow, kLeeway);
  }

  ProjectKeys project_;
  ProjectKeys other_;
  ProjectLookup lookup_;
};

TEST_F(AuthTest, AcceptsEverySdksRestClaims) {
  auto node = RestClaims(kKey, kNow);
  EXPECT_TRUE(Rest(MakeJwt(node, kSecret)).ok);
  auto python = node;
  python["jti"] = "0.123";
  EXPECT_TRUE(Rest(MakeJwt(python, kSecret)).ok);
  auto php = node;
  php["iss"] = 123456;  // a JSON number
  EXPECT_TRUE(Rest(MakeJwt(php, kSecret)).ok);
  auto ruby = node;  // ist in the JOSE header
  ruby.erase("ist");
  EXPECT_TRUE(Rest(MakeJwt(ruby, kSecret, {{"ist", "project"}, {"alg", "HS256"}})).ok);
  auto extra = node;
  extra["unknown"] = {1, 2};
  auto verdict = Rest(MakeJwt(extra, kSecret));
  EXPECT_TRUE(verdict.ok);
  EXPECT_EQ(verdict.api_key, kKey);
  // /session/create has no project in the path: the issuer names it.
  EXPECT_TRUE(Rest(MakeJwt(node, kSecret), "").ok);
}

TEST_F(AuthTest, RejectsWithTheServicesMessages) {
  auto claims = RestClaims(kKey, kNow);
  EXPECT_EQ(Rest("").message, kAuthMissing);
  EXPECT_EQ(Rest("not.a-jwt").message, kAuthBadFormat);
  EXPECT_EQ(Rest("garbage").message, kAuthBadFormat);
  EXPECT_EQ(Rest(MakeJwt(claims, "wrong secret")).message, kAuthBadSignature);
  auto unknown = claims;
  unknown["iss"] = "999";
  EXPECT_EQ(Rest(MakeJwt(unknown, kSecret)).message, kAuthIssuerNotFound);
  EXPECT_EQ(Rest(MakeJwt(unknown, kSecret), "999").message, kAuthIssuerNotFound);
  auto no_issuer = claims;
  no_issuer.erase("iss");
  EXPECT_EQ(Rest(MakeJwt(no_issuer, kSecret)).message, kAuthBadIssuer);
  // A valid token of another project used on this project's URL.
  EXPECT_EQ(Rest(MakeJwt(RestClaims("654321", kNow), "other-secret")).message, kAuthWrongProject);
  auto account = claims;
  account["ist"] = "account";
  EXPECT_EQ(Rest(MakeJwt(account, kSecret)).message, kAuthBadIst);
  auto no_expiry = claims;
  no_expiry.erase("exp");
  EXPECT_EQ(Rest(MakeJwt(no_expiry, kSecret)).message, kAuthNoExpiry);
  auto none_alg = MakeJwt(claims, kSecret, {{"alg", "none"}});
  EXPECT_EQ(Rest(none_alg).message, kAuthBadSignature);
}

TEST_F(AuthTest, ExpiryAndIssuedAtUseTheLeeway) {
  auto claims = RestClaims(kKey, kNow - 300 - kLeeway);  // exp = now - leeway: still fine
  EXPECT_TRUE(Rest(MakeJwt(claims, kSecret)).ok);
  claims = RestClaims(kKey, kNow - 300 - kLeeway - 1);
  EXPECT_EQ(Rest(MakeJwt(claims, kSecret)).message, kAuthExpired);
  claims = RestClaims(kKey, kNow + kLeeway);
  EXPECT_TRUE(Rest(MakeJwt(claims, kSecret)).ok);
  claims = RestClaims(kKey, kNow + kLeeway + 1);
  EXPECT_EQ(Rest(MakeJwt(claims, kSecret)).message, kAuthIssuedInFuture);
  claims = RestClaims(kKey, kNow);
  claims["exp"] = static_cast<double>(kNow) + 0.5;  // float times are fine
  EXPECT_TRUE(Rest(MakeJwt(claims, kSecret)).ok);
}

TEST_F(AuthTest, LegacyPartnerAuth) {
  auto partner = [&](std::string const& value, std::string_view path = kKey) {
    return VerifyRestAuth({"", value}, path, lookup_, kNow, kLeeway);
  };
  EXPECT_TRUE(partner(std::string(kKey) + ":" + kSecret).ok);
  EXPECT_EQ(partner(std::string(kKey) + ":nope").message, kAuthBadPartnerCredentials);
  EXPECT_EQ(partner("999:x").message, kAuthIssuerNotFound);
  EXPECT_EQ(partner("654321:other-secret").message, kAuthWrongProject);
  EXPECT_EQ(partner("no-colon").message, kAuthBadFormat);
}

// --- Client tokens ------------------------------------------------------------------------

// The known-answer vector of the opentok-token npm package's tests.
constexpr char kVectorData[] =
    "session_id=1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4&create_time=1424221013&nonce="
    "0.3942609881050885&role=moderator&expire_time=1424307413&connection_data=%7B%22name%22%3A%22value%22%7D";

TEST_F(AuthTest, T1KnownAnswerVector) {
  auto token = MakeT1(kKey, kSecret, kVectorData);
  EXPECT_EQ(token.substr(0, 40), "T1==cGFydG5lcl9pZD0xMjM0NTYmc2lnPWRmOTRh");
  auto claims = VerifyClientToken(token, lookup_, kNow);
  ASSERT_TRUE(claims.ok()) << claims.error().message;
  EXPECT_EQ(claims->format, TokenFormat::kT1);
  EXPECT_EQ(claims->session_id, kSession);
  EXPECT_EQ(claims->role, Role::kModerator);
  EXPECT_EQ(claims->connection_data, R"({"name":"value"})");
  EXPECT_EQ(claims->expire_time_s, 1424307413);
  EXPECT_EQ(VerifyClientToken(token, lookup_, 1424307413).error().http_status, 403);  // expired
}

TEST_F(AuthTest, T1VariantsOfEverySdk) {
  auto ok = [&](std::string const& token) {
    auto claims = VerifyClientToken(token, lookup_, kNow);
    EXPECT_TRUE(claims.ok()) << (claims.ok() ? "" : claims.error().message);
    return claims.ok() ? *claims : ClientTokenClaims{};
  };
  std::string session = std::string("session_id=") + kSession;
  // Python: form encoding with '+' for spaces, layout list always present, int nonce.
  auto python = ok(MakeT1(kKey, kSecret, session + "&create_time=1424221013&expire_time=1424307413&role=publisher"
                                                   "&nonce=123456&initial_layout_class_list=focus+full&connection_data=a+b"));
  EXPECT_EQ(python.connection_data, "a b");
  EXPECT_EQ(python.initial_layout_class_list, (std::vector<std::string>{"focus", "full"}));
  // Java: URL-safe base64 with padding, raw (unencoded) spaces in the class list, negative nonce.
  auto java = ok(MakeT1(kKey, kSecret,
                        "create_time=1424221013&expire_time=1424307413&" + session +
                            "&nonce=-12345&role=subscriber&scope=session.connect&initial_layout_class_list=a b",
                        /*url_safe=*/true));
  EXPECT_EQ(java.role, Role::kSubscriber);
  EXPECT_EQ(java.initial_layout_class_list, (std::vector<std::string>{"a", "b"}));
  // PHP and Ruby: no expire_time (24 h after create_time), fractional nonces.
  auto php = ok(MakeT1(kKey, kSecret, session + "&create_time=1424221013&role=publisheronly&nonce=1718000000.12341234"));
  EXPECT_EQ(php.role, Role::kPublisherOnly);
  EXPECT_EQ(php.expire_time_s, 1424221013 + kDefaultTokenLifetimeS);
  // .NET: no role-free surprises; role missing means publisher.
  auto dotnet = ok(MakeT1(kKey, kSecret, session + "&create_time=1424221013&nonce=42&expire_time=1424307413"));
  EXPECT_EQ(dotnet.role, Role::kPublisher);
  // Ruby form-encodes the left part too.
  opentok::common::HmacSigner sha1(opentok::common::HmacAlgorithm::kSha1, kSecret);
  std::string data = session + "&create_time=1424221013&role=publisher&nonce=0.5";
  std::string ruby_inner = "partner_id=123456&sig=" + sha1.SignHex(data) + ":" + data;
  ok("T1==" + opentok::common::Base64Encode(ruby_inner));
}

TEST_F(AuthTest, BadClientTokensSayWhy) {
  auto why = [&](std::string const& token) {
    auto result = VerifyClientToken(token, lookup_, kNow);
    EXPECT_FALSE(result.ok());
    EXPECT_EQ(result.ok() ? 0 : result.error().http_status, 403);
    return result.ok() ? std::string() : result.error().message;
  };
  std::string session = std::string("session_id=") + kSession + "&create_time=1424221013";
  EXPECT_NE(why("").find("empty"), std::string::npos);
  EXPECT_NE(why("T1==!!!").find("base64"), std::string::npos);
  EXPECT_NE(why(MakeT1(kKey, "wrong", session)).find("signature"), std::string::npos);
  EXPECT_NE(why(MakeT1("999", kSecret, session)).find("unknown API key"), std::string::npos);
  EXPECT_NE(why(MakeT1(kKey, kSecret, session + "&role=admin")).find("role"), std::string::npos);
  EXPECT_NE(why(MakeT1(kKey, kSecret, session + "&scope=other")).find("scope"), std::string::npos);
  EXPECT_NE(why(MakeT1(kKey, kSecret, "create_time=1424221013")).find("session_id"), std::string::npos);
  EXPECT_NE(why(MakeT1(kKey, kSecret, session + "&expire_time=soon")).find("expire_time"), std::string::npos);
  EXPECT_NE(why(MakeT1(kKey, kSecret, session + "&bad=%zz")).find("percent"), std::string::npos);
  auto claims = ClientClaims(kKey, kSession, "publisher", kNow);
  claims["scope"] = "session.other";
  EXPECT_NE(why(MakeJwt(claims, kSecret)).find("scope"), std::string::npos);
  claims = ClientClaims(kKey, kSession, "publisher", kNow);
  EXPECT_NE(why(MakeJwt(claims, "wrong")).find("signature"), std::string::npos);
  claims["exp"] = kNow - 1;
  EXPECT_NE(why(MakeJwt(claims, kSecret)).find("expired"), std::string::npos);
  claims = ClientClaims(kKey, kSession, "publisher", kNow);
  claims["role"] = 7;
  EXPECT_NE(why(MakeJwt(claims, kSecret)).find("role"), std::string::npos);
  claims.erase("role");
  claims.erase("session_id");
  EXPECT_NE(why(MakeJwt(claims, kSecret)).find("session_id"), std::string::npos);
}

TEST_F(AuthTest, JwtClientTokenVariantsOfEverySdk) {
  auto ok = [&](nlohmann::json const& claims) {
    auto result = VerifyClientToken(MakeJwt(claims, kSecret), lookup_, kNow);
    EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message);
    return result.ok() ? *result : ClientTokenClaims{};
  };
  auto node = ok(ClientClaims(kKey, kSession, "moderator", kNow));
  EXPECT_EQ(node.format, TokenFormat::kJwt);
  EXPECT_EQ(node.role, Role::kModerator);
  // PHP: numeric iss, no exp (expireTime null), null data, URL-encoded class list.
  nlohmann::json php{{"iss", 123456},       {"iat", kNow},          {"session_id", kSession},
                     {"role", "publisher"}, {"ist", "project"},     {"nonce", 12345},
                     {"scope", "session.connect"}, {"initial_layout_class_list", "focus+main"},
                     {"expireTime", nullptr}, {"data", nullptr}};
  auto php_claims = ok(php);
  EXPECT_EQ(php_claims.expire_time_s, kNow + kDefaultTokenLifetimeS);
  EXPECT_EQ(php_claims.initial_layout_class_list, (std::vector<std::string>{"focus", "main"}));
  // Vonage Python: the class list as a JSON array; Java: jti; role omitted means publisher.
  nlohmann::json list{{"iss", kKey}, {"iat", kNow}, {"exp", kNow + 60}, {"session_id", kSession},
                      {"scope", "session.connect"}, {"jti", "x"}, {"initial_layout_class_list", {"a", "b"}},
                      {"connection_data", "name=x"}};
  auto list_claims = ok(list);
  EXPECT_EQ(list_claims.role, Role::kPublisher);
  EXPECT_EQ(list_claims.connection_data, "name=x");
  EXPECT_EQ(list_claims.initial_layout_class_list, (std::vector<std::string>{"a", "b"}));
}

}  // namespace
}  // namespace opentok_mock::testing
