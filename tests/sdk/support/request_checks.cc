#include "request_checks.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "independent_verify.h"
#include "opentok/testing/fake_transport.h"
#include "opentok/testing/matchers.h"
#include "opentok/version.h"
#include "test_data.h"

namespace opentok::testing_util {

using testing::HasEmptyBody;
using testing::HasHeader;
using testing::HasJsonBody;
using testing::HasMethodAndUrl;
using testing::HeaderValue;
using ::testing::AllOf;
using ::testing::Not;

void ExpectCommonHeaders(HttpRequest const& request, std::string const& expected_jti) {
  auto auth = DecodeJwt(HeaderValue(request.headers, "X-OPENTOK-AUTH"), kApiSecret);
  EXPECT_TRUE(auth.signature_valid);
  EXPECT_EQ(auth.header.at("alg"), "HS256");
  EXPECT_EQ(auth.payload, nlohmann::json({{"iss", "123456"},
                                          {"ist", "project"},
                                          {"iat", kNow},
                                          {"exp", kNow + 300},
                                          {"jti", expected_jti}}));
  EXPECT_TRUE(auth.payload.at("iss").is_string()) << "iss is the key as a string";
  EXPECT_THAT(request, AllOf(HasHeader("User-Agent", std::string("OpenTok-CPP-SDK/") + kSdkVersion),
                             HasHeader("Accept", "application/json")));
}

void ExpectJsonRequest(HttpRequest const& request, HttpMethod method, std::string const& url,
                       std::string const& expected_body) {
  EXPECT_THAT(request, AllOf(HasMethodAndUrl(method, url), HasHeader("Content-Type", "application/json"),
                             HasJsonBody(expected_body)));
  ExpectCommonHeaders(request, "jti-1");
}

void ExpectBodilessRequest(HttpRequest const& request, HttpMethod method, std::string const& url) {
  EXPECT_THAT(request, AllOf(HasMethodAndUrl(method, url), HasEmptyBody(), Not(HasHeader("Content-Type"))));
  ExpectCommonHeaders(request, "jti-1");
}

}  // namespace opentok::testing_util
