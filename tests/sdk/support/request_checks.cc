#include "request_checks.h"

#include <gtest/gtest.h>

#include "independent_verify.h"
#include "opentok/version.h"
#include "scripted_transport.h"
#include "test_data.h"

namespace opentok::testing_util {

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
  EXPECT_EQ(HeaderValue(request.headers, "User-Agent"), std::string("OpenTok-CPP-SDK/") + kSdkVersion);
  EXPECT_EQ(HeaderValue(request.headers, "Accept"), "application/json");
}

void ExpectJsonRequest(HttpRequest const& request, HttpMethod method, std::string const& url,
                       std::string const& expected_body) {
  EXPECT_EQ(request.method, method);
  EXPECT_EQ(request.url, url);
  ExpectCommonHeaders(request, "jti-1");
  EXPECT_EQ(HeaderValue(request.headers, "Content-Type"), "application/json");
  auto body = nlohmann::json::parse(request.body, nullptr, /*allow_exceptions=*/false);
  ASSERT_FALSE(body.is_discarded()) << "the body is not JSON: " << request.body;
  EXPECT_EQ(body, nlohmann::json::parse(expected_body)) << request.body;
}

void ExpectBodilessRequest(HttpRequest const& request, HttpMethod method, std::string const& url) {
  EXPECT_EQ(request.method, method);
  EXPECT_EQ(request.url, url);
  ExpectCommonHeaders(request, "jti-1");
  EXPECT_EQ(request.body, "");
  EXPECT_FALSE(HasHeader(request.headers, "Content-Type"));
}

}  // namespace opentok::testing_util
