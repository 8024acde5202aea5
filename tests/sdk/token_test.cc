// Client tokens: the T1 known-answer vector, JWT claims, independent
// signature checks with OpenSSL, and every validation limit.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "independent_verify.h"
#include "opentok/opentok.h"
#include "opentok_common/session_id.h"
#include "test_client.h"

namespace opentok {
namespace {

using testing_util::DecodeJwt;
using testing_util::DecodeT1;
using testing_util::kApiSecret;
using testing_util::kNonce;
using testing_util::kNow;
using testing_util::kSessionId;
using testing_util::TestClient;

constexpr std::int64_t kDay = 86400;

TokenOptions T1(TokenOptions options = {}) {
  options.format = TokenFormat::kT1;
  return options;
}

TEST(T1Token, ReproducesTheKnownAnswerVectorExactly) {
  TestClient t;
  std::string token = t.client.GenerateToken(
      kSessionId, T1({.role = Role::kModerator, .expire_time = 1424307413, .data = R"({"name":"value"})"}));
  EXPECT_EQ(token,
            "T1==cGFydG5lcl9pZD0xMjM0NTYmc2lnPWRmOTRhNjQ1NTlhY2MwNjFkN2EzNzUyYTZmYzY5NDkzZTkzOGMxOTE6c2Vzc2lvbl9p"
            "ZD0xX01YNHhNak0wTlRaLWZsTmhkQ0JOWVhJZ01UVWdNVFE2TkRJNk1qTWdVRVJVSURJd01UUi1NQzQwT1RBeE16QXlOWDQmY3Jl"
            "YXRlX3RpbWU9MTQyNDIyMTAxMyZub25jZT0wLjM5NDI2MDk4ODEwNTA4ODUmcm9sZT1tb2RlcmF0b3ImZXhwaXJlX3RpbWU9MTQy"
            "NDMwNzQxMyZjb25uZWN0aW9uX2RhdGE9JTdCJTIybmFtZSUyMiUzQSUyMnZhbHVlJTIyJTdE");
  EXPECT_TRUE(t.transport->requests().empty()) << "token generation must not touch the network";
}

TEST(T1Token, DecodesAndVerifiesIndependently) {
  TestClient t;
  std::string token = t.client.GenerateToken(
      kSessionId, T1({.role = Role::kSubscriber, .data = "user=ann & co", .initial_layout_class_list = {"full", "focus"}}));
  auto t1 = DecodeT1(token, kApiSecret);
  EXPECT_TRUE(t1.signature_valid);
  EXPECT_EQ(t1.partner_id, "123456");
  EXPECT_EQ(t1.fields.at("session_id"), kSessionId);
  EXPECT_EQ(t1.fields.at("create_time"), std::to_string(kNow));
  EXPECT_EQ(t1.fields.at("expire_time"), std::to_string(kNow + kDay));  // 0 means 24 hours
  EXPECT_EQ(t1.fields.at("nonce"), "0.3942609881050885");
  EXPECT_EQ(t1.fields.at("role"), "subscriber");
  EXPECT_EQ(t1.fields.at("connection_data"), "user=ann & co");
  EXPECT_EQ(t1.fields.at("initial_layout_class_list"), "full focus");
  // A tampered signature must not verify (the check can fail).
  EXPECT_FALSE(DecodeT1(token, "another-secret").signature_valid);
}

TEST(T1Token, OmitsOptionalFieldsWhenUnset) {
  TestClient t;
  auto t1 = DecodeT1(t.client.GenerateToken(kSessionId, T1()), kApiSecret);
  EXPECT_TRUE(t1.signature_valid);
  EXPECT_EQ(t1.fields.count("connection_data"), 0u);
  EXPECT_EQ(t1.fields.count("initial_layout_class_list"), 0u);
  EXPECT_EQ(t1.fields.at("role"), "publisher");
}

TEST(JwtToken, IsTheDefaultFormatWithNodeSdkClaims) {
  TestClient t;
  std::string token = t.client.GenerateToken(kSessionId, Role::kModerator, kNow + 3600, R"({"name":"va\"lue"})",
                                             {"full", "focus"});
  auto jwt = DecodeJwt(token, kApiSecret);
  EXPECT_TRUE(jwt.signature_valid);
  EXPECT_EQ(jwt.header, nlohmann::json::parse(R"({"alg":"HS256","typ":"JWT"})"));
  auto expected = nlohmann::json::parse(R"({
    "iss": "123456", "ist": "project", "iat": 1424221013, "exp": 1424224613,
    "session_id": "1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4",
    "create_time": 1424221013, "nonce": 0.3942609881050885, "role": "moderator", "expire_time": 1424224613,
    "connection_data": "{\"name\":\"va\\\"lue\"}", "initial_layout_class_list": "full focus",
    "scope": "session.connect"})");
  EXPECT_EQ(jwt.payload, expected);
  EXPECT_FALSE(DecodeJwt(token, "another-secret").signature_valid);
}

TEST(JwtToken, DefaultsAndOptionalClaims) {
  TestClient t;
  auto jwt = DecodeJwt(t.client.GenerateToken(kSessionId), kApiSecret);
  EXPECT_TRUE(jwt.signature_valid);
  EXPECT_EQ(jwt.payload.at("role"), "publisher");
  EXPECT_EQ(jwt.payload.at("exp"), kNow + kDay);
  EXPECT_EQ(jwt.payload.at("expire_time"), kNow + kDay);
  EXPECT_EQ(jwt.payload.at("initial_layout_class_list"), "");
  EXPECT_FALSE(jwt.payload.contains("connection_data"));
  EXPECT_DOUBLE_EQ(jwt.payload.at("nonce").get<double>(), kNonce);
}

TEST(JwtToken, EscapesControlCharactersAndKeepsUtf8) {
  TestClient t;
  std::string data = "line1\nline2\t\x01 caf\xc3\xa9 \\ \"q\"";
  auto jwt = DecodeJwt(t.client.GenerateToken(kSessionId, Role::kPublisher, 0, data), kApiSecret);
  EXPECT_EQ(jwt.payload.at("connection_data"), data);
}

TEST(TokenFormat, ClientOptionSelectsDefaultAndTokenOptionOverrides) {
  TestClient t1_client(ClientOptions{.token_format = TokenFormat::kT1});
  EXPECT_THAT(t1_client.client.GenerateToken(kSessionId), ::testing::StartsWith("T1=="));
  EXPECT_THAT(t1_client.client.GenerateToken(kSessionId, TokenOptions{.format = TokenFormat::kJwt}),
              ::testing::StartsWith("eyJ"));
  TestClient jwt_client;
  EXPECT_THAT(jwt_client.client.GenerateToken(kSessionId), ::testing::StartsWith("eyJ"));
}

TEST(TokenRoles, EveryRoleHasItsWireName) {
  TestClient t;
  for (auto [role, name] : {std::pair{Role::kSubscriber, "subscriber"}, std::pair{Role::kPublisher, "publisher"},
                            std::pair{Role::kPublisherOnly, "publisheronly"}, std::pair{Role::kModerator, "moderator"}}) {
    EXPECT_EQ(DecodeJwt(t.client.GenerateToken(kSessionId, role), kApiSecret).payload.at("role"), name);
    EXPECT_EQ(DecodeT1(t.client.GenerateToken(kSessionId, T1({.role = role})), kApiSecret).fields.at("role"), name);
  }
}

// Every limit, in both formats: the check runs before either encoder.
class TokenValidation : public ::testing::TestWithParam<TokenFormat> {
 protected:
  std::string Make(std::string const& session_id, TokenOptions options) {
    options.format = GetParam();
    return t_.client.GenerateToken(session_id, options);
  }
  TestClient t_;
};

TEST_P(TokenValidation, RejectsAnUnknownRole) {
  EXPECT_THROW(Make(kSessionId, {.role = static_cast<Role>(42)}), ArgumentException);
}

TEST_P(TokenValidation, ExpiryMustBeInTheFutureAndWithin30Days) {
  EXPECT_THROW(Make(kSessionId, {.expire_time = kNow - 1}), ArgumentException);
  EXPECT_THROW(Make(kSessionId, {.expire_time = kNow}), ArgumentException);
  EXPECT_NO_THROW(Make(kSessionId, {.expire_time = kNow + 1}));
  EXPECT_NO_THROW(Make(kSessionId, {.expire_time = kNow + 30 * kDay}));
  EXPECT_THROW(Make(kSessionId, {.expire_time = kNow + 30 * kDay + 1}), ArgumentException);
  EXPECT_THROW(Make(kSessionId, {.expire_time = -5}), ArgumentException);
}

TEST_P(TokenValidation, DataIsAtMost1000Characters) {
  EXPECT_NO_THROW(Make(kSessionId, {.data = std::string(1000, 'x')}));
  EXPECT_THROW(Make(kSessionId, {.data = std::string(1001, 'x')}), ArgumentException);
  // Characters, not bytes: 1000 two-byte characters are fine.
  std::string accents;
  for (int i = 0; i < 1000; ++i) accents += "\xc3\xa9";
  EXPECT_NO_THROW(Make(kSessionId, {.data = accents}));
  EXPECT_THROW(Make(kSessionId, {.data = accents + "x"}), ArgumentException);
  EXPECT_THROW(Make(kSessionId, {.data = "bad \xff utf-8"}), ArgumentException);
}

TEST_P(TokenValidation, LayoutClassListIsAtMost1000Characters) {
  EXPECT_NO_THROW(Make(kSessionId, {.initial_layout_class_list = {std::string(499, 'a'), std::string(500, 'b')}}));
  EXPECT_THROW(Make(kSessionId, {.initial_layout_class_list = {std::string(500, 'a'), std::string(500, 'b')}}),
               ArgumentException);
}

TEST_P(TokenValidation, SessionMustBelongToThisApiKey) {
  std::string foreign = common::EncodeSessionId({.project_id = "654321", .create_time = "1", .random = "abc"});
  EXPECT_THROW(Make(foreign, {}), ArgumentException);
  std::string prefix_of_key = common::EncodeSessionId({.project_id = "12345", .create_time = "1", .random = "abc"});
  EXPECT_THROW(Make(prefix_of_key, {}), ArgumentException);
  std::string own = common::EncodeSessionId({.project_id = "123456", .create_time = "1", .random = "abc"});
  EXPECT_NO_THROW(Make(own, {}));
}

TEST_P(TokenValidation, RejectsMalformedSessionIds) {
  for (std::string bad : {"", "1_", "1_!!!notbase64", "1_bm90aWxkZXM", "garbage", "1_MX4xMjM0NTZ-fl\n", "\xff\xfe"}) {
    EXPECT_THROW(Make(bad, {}), ArgumentException) << bad;
  }
}

TEST_P(TokenValidation, MessagesNeverContainTheSecret) {
  try {
    Make("nope", {});
    FAIL() << "expected ArgumentException";
  } catch (ArgumentException const& e) {
    EXPECT_THAT(e.what(), ::testing::Not(::testing::HasSubstr(kApiSecret)));
  }
}

INSTANTIATE_TEST_SUITE_P(BothFormats, TokenValidation, ::testing::Values(TokenFormat::kJwt, TokenFormat::kT1),
                         [](auto const& info) { return std::string(ToString(info.param)); });

TEST(TokenFormat, RejectsAnUnknownFormat) {
  TestClient t;
  EXPECT_THROW(t.client.GenerateToken(kSessionId, TokenOptions{.format = static_cast<TokenFormat>(9)}),
               ArgumentException);
}

TEST(TokenClock, UsesTheInjectedClockForEveryToken) {
  TestClient t;
  t.clock->Set(kNow + 100);
  auto jwt = DecodeJwt(t.client.GenerateToken(kSessionId), kApiSecret);
  EXPECT_EQ(jwt.payload.at("iat"), kNow + 100);
  EXPECT_EQ(jwt.payload.at("create_time"), kNow + 100);
}

TEST(TokenDefaults, SystemSourcesGiveDistinctNoncesAndCurrentTime) {
  OpenTok client(testing_util::kApiKey, kApiSecret);
  auto a = DecodeJwt(client.GenerateToken(kSessionId), kApiSecret);
  auto b = DecodeJwt(client.GenerateToken(kSessionId), kApiSecret);
  EXPECT_NE(a.payload.at("nonce"), b.payload.at("nonce"));
  double nonce = a.payload.at("nonce").get<double>();
  EXPECT_GE(nonce, 0.0);
  EXPECT_LT(nonce, 1.0);
  auto now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  EXPECT_NEAR(a.payload.at("iat").get<double>(), static_cast<double>(now), 60.0);
}

}  // namespace
}  // namespace opentok
